from odoo import api, fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    mazpulki_fee_help_amount = fields.Float(
        string="Fee Help",
        compute="_compute_mazpulki_fee_help_amount",
        store=True,
        digits="Product Price",
        help="What the fee-help price list takes off this ticket line, taxes included, in the company's currency "
        "(EUR): the ticket's price for the quantity less the line's total. Zero on other lines.",
    )

    @api.depends("price_total", "order_id.pricelist_id", "event_ticket_id", "product_uom_qty", "order_id.date_order")
    def _compute_mazpulki_fee_help_amount(self):
        for line in self:
            percent = line.order_id.pricelist_id.mazpulki_fee_help_percent
            ticket = line.event_ticket_id
            if not (percent and ticket and line.product_id):
                line.mazpulki_fee_help_amount = 0.0
                continue
            company = ticket.company_id or line.company_id or self.env.company
            price = line._convert_to_sol_currency(ticket.price, company.currency_id)
            full = line.tax_id.compute_all(
                price, line.currency_id, line.product_uom_qty, product=line.product_id, partner=line.order_id.partner_id
            )["total_included"]
            amount = line.currency_id._convert(
                max(full - line.price_total, 0.0),
                company.currency_id,
                company,
                fields.Date.to_date(line.order_id.date_order) or None,
            )
            line.mazpulki_fee_help_amount = company.currency_id.round(amount)
