from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME


class ResPartner(models.Model):
    """Volunteering of anonymised people (see ``mazpulki_members``' retention): the profile keeps its team,
    dates, skills and trainings, the hours their date, amount, activity, event and approval, the award
    candidates their figures; removed are the availability, the emergency contact (another person's data),
    the notes, the hours' descriptions and rejection reasons, the nomination texts and the profile's chatter."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.volunteer": "availability, emergency contact, notes and chatter removed; hours kept",
            "account.analytic.line": "a volunteer's descriptions and rejection reasons removed; hours kept",
            "mazpulki.volunteer.award.candidate": "the nomination text removed; figures kept",
            "mazpulki.volunteer.award": "kept for the figures (kind, year, hours); no text about the person",
        }

    def _mazpulki_erasure_thread_records(self):
        records = super()._mazpulki_erasure_thread_records()
        records["mazpulki.volunteer"] = (
            self.env["mazpulki.volunteer"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .ids
        )
        return records

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        if self:
            self.env.flush_all()
            cr = self.env.cr
            volunteers = SQL("SELECT id FROM mazpulki_volunteer WHERE partner_id = ANY(%s)", self.ids)
            cr.execute(
                SQL(
                    "UPDATE mazpulki_volunteer SET name = %s, availability = NULL, emergency_contact = NULL, "
                    "note = NULL WHERE partner_id = ANY(%s)",
                    ANONYMISED_NAME,
                    self.ids,
                )
            )
            cr.execute(
                SQL(
                    "UPDATE account_analytic_line SET name = '/', mazpulki_reject_reason = NULL "
                    "WHERE mazpulki_volunteer_id IN (%s)",
                    volunteers,
                )
            )
            cr.execute(
                SQL(
                    "UPDATE mazpulki_volunteer_award_candidate SET nomination_note = NULL WHERE volunteer_id IN (%s)",
                    volunteers,
                )
            )
        return super()._mazpulki_erase_personal_data()
