from datetime import timedelta

from odoo import api, fields, models


class EventEventWaitlistDemo(models.AbstractModel):
    """Demo generator of the waiting list (kept apart from the models; mixed into ``EventEvent``)."""

    _register = False

    @api.model
    def _mazpulki_demo_waitlist(self, camp_ids, ticket_xmlid):
        """The camp's boat trip is full: its last seat is offered to the first family, three more wait."""
        camp = self.browse(camp_ids)
        ticket = self.env.ref(ticket_xmlid)
        Waitlist = self.env["mazpulki.event.waitlist"]
        if Waitlist.search_count([("event_ticket_id", "=", ticket.id)]):
            return True  # demo files load again on every update
        registrations = camp.registration_ids.filtered(lambda r: r.state in ("open", "done") and r.mazpulki_member_id)
        boat = registrations.sorted("id")[: ticket.seats_max - 1]
        boat.write({"event_ticket_id": ticket.id})
        registered = camp.registration_ids.mazpulki_member_id
        Partner = self.env["res.partner"]
        domain = [("is_mazpulki_member", "=", True), ("id", "not in", registered.ids)]
        # families first: children whose proved guardian joined the list for them
        waiting = Partner.search([*domain, ("guardian_ids", "!=", False)], order="id", limit=4)
        waiting |= Partner.search([*domain, ("id", "not in", waiting.ids)], order="id", limit=4 - len(waiting))
        now = fields.Datetime.now()
        entries = Waitlist.create(
            [
                {
                    "event_id": camp.id,
                    "event_ticket_id": ticket.id,
                    "member_id": member.id,
                    "requested_by_id": (member.guardian_ids[:1].guardian_id or member).id,
                    "date_joined": now - timedelta(days=6 - index),
                }
                for index, member in enumerate(waiting)
            ]
        )
        offered_at = now - timedelta(hours=5)
        entries[:1].write(
            {"state": "offered", "date_offered": offered_at, "date_offer_expiry": offered_at + timedelta(hours=48)}
        )
        return True
