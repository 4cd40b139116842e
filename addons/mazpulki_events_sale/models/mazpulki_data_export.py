from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the orders of the member's paid event registrations: reference, ticket, price, payment status."""
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
        return [*sections, orders]
