from odoo import Command, models


class MazpulkiEventWaitlist(models.Model):
    """A seat of a paid ticket offered from the waiting list: accepting it makes the family's order.

    The seat stays held for the family (``HOLDING_SQL``: an accepted entry whose registration waits
    for the payment) until the offer runs out; then the unpaid order is cancelled and the seat goes
    to the next family.
    """

    _inherit = "mazpulki.event.waitlist"

    def _mazpulki_register(self, user):
        """A paid ticket: an order of the ticket for the family, with the member's registration in it."""
        ticket = self.event_ticket_id
        if not ticket or not ticket.price:
            return super()._mazpulki_register(user)
        values = self._mazpulki_registration_values(user)
        # sudo: portal users create no orders themselves; the caller checked the family
        order = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": user.partner_id.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": ticket.product_id.id,
                                "event_id": self.event_id.id,
                                "event_ticket_id": ticket.id,
                                "product_uom_qty": 1,
                            }
                        )
                    ],
                }
            )
        )
        values.update({"sale_order_id": order.id, "sale_order_line_id": order.order_line.id})
        return self.env["event.registration"].sudo().create(values)

    def _mazpulki_accept_url(self):
        """An order to pay: the family goes on to pay it on the portal."""
        order = self.registration_id.sale_order_id
        if order and self.registration_id.sale_status == "to_pay":
            return order.get_portal_url()
        return super()._mazpulki_accept_url()

    def _mazpulki_release(self):
        """Unpaid orders of the released entries are cancelled (nothing was invoiced) before the seats are offered."""
        drafts = self.registration_id.filtered(lambda r: r.state == "draft" and r.sale_status == "to_pay")
        for order in drafts.sale_order_id.filtered(lambda o: o.state != "cancel"):
            if order.invoice_ids.filtered(lambda move: move.state == "posted"):
                continue
            if any(r not in drafts for r in order.order_line.registration_ids if r.state != "cancel"):
                continue
            order._action_cancel()
            order.message_post(body=self.env._("Cancelled: the waiting-list offer ran out before the payment."))
        return super()._mazpulki_release()
