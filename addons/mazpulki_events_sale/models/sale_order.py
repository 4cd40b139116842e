from odoo import api, models
from odoo.tools import float_is_zero


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def write(self, vals):
        """A member's ticket stays the member's when the order's customer changes.

        Odoo's event_sale copies a new customer (e.g. the checkout's billing address) to
        every registration of the order; a registration of a Mazpulki member keeps its member.
        """
        if not vals.get("partner_id"):
            return super().write(vals)
        # sudo: the order's registrations, whoever edits the order; only their attendee is kept
        registrations = (
            self.env["event.registration"]
            .sudo()
            .search([("sale_order_id", "in", self.ids), ("mazpulki_member_id", "!=", False)])
        )
        attendees = {registration: registration.partner_id for registration in registrations}
        res = super().write(vals)
        for registration, member in attendees.items():
            if registration.partner_id != member:
                registration.partner_id = member
        return res

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        """A draft order keeping an approved fee help keeps its price list when its customer changes
        (the website's checkout sets the billing contact, which would bring back the partner's price list)."""
        before = {order: order.pricelist_id for order in self}
        res = super()._compute_pricelist_id()
        for order in self.filtered(lambda o: o.state == "draft" and o.order_line):
            help_request = order._mazpulki_fee_help_request()
            if not help_request:
                continue
            if before[order].mazpulki_fee_help_percent == help_request.help_percent:
                order.pricelist_id = before[order]  # already helped: the order keeps its price list and currency
            else:
                order.pricelist_id = order._mazpulki_fee_help_pricelist(help_request)
        return res

    def _mazpulki_fee_help_pricelist(self, help_request):
        """The fee-help price list of ``help_request``'s share in this order's currency (sudo)."""
        self.ensure_one()
        return self.env["product.pricelist"]._mazpulki_fee_help_pricelist(
            help_request.help_percent, self.currency_id or self.company_id.currency_id
        )

    def _mazpulki_has_fee_help(self, help_request):
        """Whether this order is already priced with ``help_request``'s share."""
        self.ensure_one()
        return self.pricelist_id.mazpulki_fee_help_percent == help_request.help_percent

    def _mazpulki_fee_help_blocked(self, event):
        """Whether the order holds tickets of events other than ``event`` (a price list prices them all)."""
        self.ensure_one()
        return bool(self.order_line.filtered(lambda line: line.event_id and line.event_id != event))

    def _mazpulki_fee_help_request(self):
        """The approved fee help for this order's event and registered members (``mazpulki.fee.help``, sudo),
        or an empty recordset. With several (siblings), the smallest share, so that no child gets more than
        the office decided; none when the order holds tickets of more than one event."""
        self.ensure_one()
        events = self.order_line.event_id
        if len(events) != 1:
            return self.env["mazpulki.fee.help"].sudo().browse()
        # sudo: the registrations and requests of the order, whoever prices it
        members = self.sudo().order_line.registration_ids.filtered(lambda r: r.state != "cancel").mazpulki_member_id
        if not members:
            return self.env["mazpulki.fee.help"].sudo().browse()
        requests = (
            self.env["mazpulki.fee.help"]
            .sudo()
            .search(
                [
                    ("event_id", "=", events.id),
                    ("member_id", "in", members.ids),
                    ("state", "=", "approved"),
                    ("pricelist_id", "!=", False),
                ]
            )
        )
        return requests.sorted("help_percent")[:1]

    def _mazpulki_apply_fee_help(self, help_request, confirm=True):
        """Price this draft order with ``help_request``'s price list (Odoo's "Update prices") and say so in
        its chatter; with ``confirm``, an order left with nothing to pay is confirmed (the website confirms a
        free order itself, so its registrations do not). Called with sudo by the fee help."""
        self.ensure_one()
        pricelist = self._mazpulki_fee_help_pricelist(help_request)
        pricelist._mazpulki_fee_help_cover(self.order_line.filtered("event_id").product_id)
        self.pricelist_id = pricelist
        self._recompute_prices()
        self.message_post(
            body=self.env._(
                "Help with the fee approved by the office: prices recomputed with the price list %s.",
                pricelist.name,
            )
        )
        if confirm and float_is_zero(self.amount_total, precision_rounding=self.currency_id.rounding):
            # a waived fee leaves nothing to pay: the order is confirmed, and no unpaid order blocks or expires
            self.action_confirm()

    def _action_cancel(self):
        """A cancelled order frees its tickets' seats: they are offered to the events' waiting lists."""
        events = self.order_line.event_id
        res = super()._action_cancel()
        events._mazpulki_waitlist_offer()
        return res
