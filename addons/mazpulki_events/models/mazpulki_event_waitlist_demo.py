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
        waiting = self.env["res.partner"].search(
            [("is_mazpulki_member", "=", True), ("id", "not in", registered.ids)], order="id", limit=4
        )
        now = fields.Datetime.now()
        entries = Waitlist.create(
            [
                {
                    "event_id": camp.id,
                    "event_ticket_id": ticket.id,
                    "member_id": member.id,
                    "requested_by_id": self._mazpulki_demo_parent(member).id,
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

    @api.model
    def _mazpulki_demo_parent(self, member):
        """The member's proved guardian; a parent made for the demo when she has none (sons' fathers keep
        the son's surname, daughters' mothers the daughter's)."""
        if member.guardian_ids:
            return member.guardian_ids[:1].guardian_id
        _first_name, _space, surname = member.name.rpartition(" ")
        female = member.mazpulki_gender == "female"
        parent = self.env["res.partner"].create(
            {
                "name": f"{'Inese' if female else 'Jānis'} {surname}",
                "email": f"{'inese' if female else 'janis'}.{member.id}@example.lv",
            }
        )
        self.env["mazpulki.guardian"].create(
            {
                "member_id": member.id,
                "guardian_id": parent.id,
                "relation": "mother" if female else "father",
                "state": "confirmed",
                "proof_method": "document",
                "proof_document": "Dzimšanas apliecība (demo)",
            }
        )
        return parent
