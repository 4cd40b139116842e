from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME

from .mazpulki_event_waitlist_privacy import ResPartnerWaitlist


class ResPartner(ResPartnerWaitlist, models.Model):
    """Events of anonymised people (see ``mazpulki_members``' retention): a registration keeps its event,
    ticket, state, member, club, age group and guardian approval, and its attendance days and desk scans stay
    for the figures; its attendee name becomes the neutral label, its e-mail, phone, company name, ticket code
    (barcode), answers to the event's questions, the name and phone of a guardian who consented at the gate, and its
    chatter, are removed. Desk scans lose the attendee
    name they copied. Leader qualifications are about staff, not members."""

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "event.registration": "attendee name, e-mail, phone, ticket code, answers, the gate guardian's name and "
            "phone, "
            "chatter removed; kept",
            "mazpulki.event.attendance": "kept for the figures; the attendee name comes from the registration",
            "mazpulki.event.desk.scan": "the copied attendee name replaced; kept",
            "mazpulki.leader.qualification": "a report of leaders (staff), not stored",
            "mazpulki.event.register": "a transient dialog of a leader",
            "event.event": "the organiser and venue are organisations, not members",
        }

    def _mazpulki_erasure_registrations(self):
        return (
            self.env["event.registration"]
            .sudo()
            .with_context(active_test=False)
            .search(["|", ("partner_id", "in", self.ids), ("mazpulki_member_id", "in", self.ids)])
        )

    def _mazpulki_erasure_thread_records(self):
        records = super()._mazpulki_erasure_thread_records()
        records["event.registration"] = self._mazpulki_erasure_registrations().ids
        return records

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        registrations = self._mazpulki_erasure_registrations()
        if registrations:
            self.env.flush_all()
            cr = self.env.cr
            ids = registrations.ids
            cr.execute(
                SQL(
                    "UPDATE event_registration SET name = %s, email = NULL, phone = NULL, company_name = NULL, "
                    "barcode = NULL, mazpulki_gate_guardian_name = NULL, mazpulki_gate_guardian_phone = NULL "
                    "WHERE id = ANY(%s)",
                    ANONYMISED_NAME,
                    ids,
                )
            )
            cr.execute(
                SQL(
                    "UPDATE mazpulki_event_desk_scan SET attendee_name = %s WHERE registration_id = ANY(%s)",
                    ANONYMISED_NAME,
                    ids,
                )
            )
            if "registration_answer_ids" in registrations._fields:  # website_event's questions
                cr.execute(
                    SQL(
                        "UPDATE event_registration_answer SET value_text_box = NULL WHERE registration_id = ANY(%s)",
                        ids,
                    )
                )
        return super()._mazpulki_erase_personal_data()
