from odoo import api, models
from odoo.tools import SQL


class MazpulkiDataExportWaitlist(models.AbstractModel):
    """The waiting list's part of the family's export (mixed into the module's ``MazpulkiDataExport``)."""

    _register = False

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's places on events' waiting lists: event, ticket, who asked, dates, status."""
        sections = super()._mazpulki_export_sections(member)
        entries = self.env["mazpulki.event.waitlist"].search([("member_id", "=", member.id)], order="date_joined, id")
        waitlist = self._mazpulki_export_records(
            "event_waitlist",
            self.env._("Event Waiting Lists"),
            entries,
            [
                "event_id",
                "event_ticket_id",
                (
                    "requested_by",
                    self.env._("Requested By"),
                    lambda e: self._mazpulki_export_person(member, e.requested_by_id),
                ),
                "date_joined",
                "state",
                "date_offered",
                "date_offer_expiry",
                ("registration", self.env._("Registration No."), lambda e: e.registration_id.id or None),
            ],
        )
        return [*sections, waitlist]


class ResPartnerWaitlist(models.AbstractModel):
    """Waiting lists of anonymised people: a member's entries are deleted; an entry a guardian asked for
    another member loses the guardian. Mixed into the module's ``ResPartner`` (retention)."""

    _register = False

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.event.waitlist": "the member's entries deleted; the requesting guardian removed from others",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        if self:
            self.env.flush_all()
            self.env.cr.execute(SQL("DELETE FROM mazpulki_event_waitlist WHERE member_id = ANY(%s)", self.ids))
            self.env.cr.execute(
                SQL(
                    "UPDATE mazpulki_event_waitlist SET requested_by_id = NULL WHERE requested_by_id = ANY(%s)",
                    self.ids,
                )
            )
            self.env["mazpulki.event.waitlist"].invalidate_model()
        return super()._mazpulki_erase_personal_data()
