from odoo import api, fields, models
from odoo.tools import float_compare


class ProductPricelist(models.Model):
    """The price lists of fee help: one per share of the fee the office waives ("Fee reduction 50 %",
    "Fee waiver 100 %").

    Why a price list, and not a discount typed on the order line or a coupon: the issue asks that the help
    reaches the family's order "through Odoo's own pricing, not by editing the amount by hand". A price list
    is the one price mechanism of Odoo Sales that every path already honours: ``sale.order._recompute_prices``
    (the office's "Update prices"), the website cart, the portal quotation and the invoice all read
    ``sale.order.pricelist_id``, and ``event_sale`` prices a ticket line from the ticket's price reduced by
    the price list's discount (``event.event.ticket.price_reduce`` through ``_get_contextual_discount``, or
    the line's ``discount`` when Sales shows discounts). The order then shows the regular ticket price and
    the reduction, the amount is never overwritten, and a later change of the ticket's price is priced the
    same way. Coupons (``loyalty``) would add a dependency and a code the family must type.

    Each fee-help price list has one percentage rule per ticket product it has priced (added when the help
    is first applied to a ticket of that product); other products of the order keep their list price.
    """

    _inherit = "product.pricelist"

    mazpulki_fee_help_percent = fields.Float(
        string="Fee Help (%)",
        readonly=True,
        help="Share of the event fee (0–100) this price list waives for families the office helps; "
        "set by the fee help, empty on other price lists.",
    )

    @api.model
    def _mazpulki_fee_help_pricelist(self, percent, currency=None):
        """The fee-help price list waiving ``percent`` (a number in ]0, 100]) of the fee in ``currency``
        (``res.currency``, by default the company's: the order keeps its currency), made on first use.

        Returns a ``product.pricelist`` in sudo (price lists are Sales' records; the caller is the office,
        checked by ``mazpulki.fee.help``).
        """
        # sudo: the office decides the help and may have no Sales rights; the price list is the mechanism
        Pricelist = self.sudo().with_context(active_test=False)
        company = self.env.company
        currency = currency or company.currency_id
        pricelists = Pricelist.search(
            [
                ("mazpulki_fee_help_percent", ">", 0),
                ("currency_id", "=", currency.id),
                ("company_id", "in", [company.id, False]),
            ]
        )
        pricelist = pricelists.filtered(
            lambda p: float_compare(p.mazpulki_fee_help_percent, percent, precision_digits=2) == 0
        )[:1]
        if pricelist:
            if not pricelist.active:
                pricelist.active = True
            return pricelist
        pricelist = Pricelist.create(
            {
                "name": self._mazpulki_fee_help_name(percent, currency),
                "currency_id": currency.id,
                "company_id": company.id,
                "mazpulki_fee_help_percent": percent,
            }
        )
        # the name in each language of the database, so the family's order reads in its own
        for lang, __ in self.env["res.lang"].get_installed():
            pricelist.with_context(lang=lang).name = self.with_context(lang=lang)._mazpulki_fee_help_name(
                percent, currency
            )
        return pricelist

    @api.model
    def _mazpulki_fee_help_name(self, percent, currency):
        if float_compare(percent, 100, precision_digits=2) == 0:
            name = self.env._("Fee waiver 100 %")
        else:
            share = "%g" % percent
            name = self.env._("Fee reduction %s %%", share)
        if currency != self.env.company.currency_id:
            name = f"{name} ({currency.name})"
        return name

    def _mazpulki_fee_help_cover(self, products):
        """Make sure this fee-help price list has its percentage rule for each ticket product of ``products``."""
        self.ensure_one()
        # sudo: see _mazpulki_fee_help_pricelist
        pricelist_sudo = self.sudo()
        covered = pricelist_sudo.item_ids.product_tmpl_id
        missing = products.product_tmpl_id - covered
        if missing:
            self.env["product.pricelist.item"].sudo().create(
                [
                    {
                        "pricelist_id": pricelist_sudo.id,
                        "applied_on": "1_product",
                        "product_tmpl_id": template.id,
                        "compute_price": "percentage",
                        "percent_price": pricelist_sudo.mazpulki_fee_help_percent,
                    }
                    for template in missing
                ]
            )
