from odoo import models


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

    def _action_cancel(self):
        """A cancelled order frees its tickets' seats: they are offered to the events' waiting lists."""
        events = self.order_line.event_id
        res = super()._action_cancel()
        events._mazpulki_waitlist_offer()
        return res
