from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME


class ResPartner(models.Model):
    """Club meetings of anonymised people (see ``mazpulki_members``' retention): the attendance rows stay
    for the figures (meetings held, average attendance, active members), the reason of an absence reported
    ahead and who reported it are removed; the visitor note of a member who first came as a visitor loses
    the child's and the guardian's name and contact."""

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.meeting.attendance": "kept for the figures; the absence's reason and reporter removed",
            "mazpulki.meeting.drift": "a view of the attendance, nothing stored",
            "mazpulki.meeting.member.year": "counts of meetings attended, kept for the figures",
            "mazpulki.meeting.visitor": "the child's and guardian's name and contact replaced",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """UPDATE mazpulki_meeting_attendance SET reason = NULL, reported_by_id = NULL,
                          is_reported_ahead = false
                    WHERE member_id = ANY(%(ids)s) OR reported_by_id = ANY(%(ids)s)""",
                ids=self.ids,
            )
        )
        cr.execute(
            SQL(
                """UPDATE mazpulki_meeting_visitor v SET name = %(name)s, guardian_name = NULL,
                          guardian_phone = NULL, guardian_email = NULL, birthdate_date = NULL
                     FROM mazpulki_member_application ap
                    WHERE ap.id = v.application_id AND ap.member_id = ANY(%(ids)s)""",
                name=ANONYMISED_NAME,
                ids=self.ids,
            )
        )
        self.env["mazpulki.meeting.attendance"].invalidate_model()
        self.env["mazpulki.meeting.visitor"].invalidate_model()
        return super()._mazpulki_erase_personal_data()
