from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the orders of the member's paid event registrations (reference, ticket, price, payment status) and her
        requests for help with the fee."""
        sections = super()._mazpulki_export_sections(member)
        registrations = self.env["event.registration"].search(
            [("mazpulki_member_id", "=", member.id), ("sale_order_id", "!=", False)], order="id"
        )
        orders = self._mazpulki_export_records(
            "event_orders",
            self.env._("Event Orders"),
            registrations,
            [
                ("registration", self.env._("Registration No."), lambda r: r.id),
                ("order", self.env._("Order"), lambda r: r.sale_order_id.name),
                (
                    "ordered_by",
                    self.env._("Ordered By"),
                    lambda r: self._mazpulki_export_person(member, r.sale_order_id.partner_id),
                ),
                (
                    "price",
                    self.env._("Price"),
                    lambda r: round(r.sale_order_line_id.price_total / (r.sale_order_line_id.product_uom_qty or 1), 2),
                ),
                "sale_status",
            ],
        )
        orders["models"] = ["sale.order", "sale.order.line"]
        return [*sections, orders, self._mazpulki_export_fee_help(member)]

    @api.model
    def _mazpulki_export_fee_help(self, member):
        """The member's requests for help with an event fee: event, who asked, the reason, the decision, the share
        waived and the office's message (the office's people are not named)."""
        requests = self.env["mazpulki.fee.help"].sudo().search([("member_id", "=", member.id)], order="id")
        return self._mazpulki_export_records(
            "event_fee_help",
            self.env._("Help with Event Fees"),
            requests,
            [
                "event_id",
                (
                    "requested_by",
                    self.env._("Requested By"),
                    lambda r: self._mazpulki_export_person(member, r.requested_by_id),
                ),
                "create_date",
                "reason",
                "state",
                "decision",
                "help_percent",
                "decision_note",
                "date_decided",
            ],
        )
