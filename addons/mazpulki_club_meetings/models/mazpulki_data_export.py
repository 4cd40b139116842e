from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's club meetings: present, absent or excused, and the absences reported ahead
        (who reported, the reason), and the visitor's note of a member who first came as a visitor."""
        sections = super()._mazpulki_export_sections(member)
        attendance = self._mazpulki_export_records(
            "club_meetings",
            self.env._("Club Meetings"),
            self.env["mazpulki.meeting.attendance"].search([("member_id", "=", member.id)], order="day, id"),
            [
                "club_id",
                "day",
                ("topic", self.env._("Topic"), lambda a: a.meeting_id.topic or None),
                "state",
                "source",
                (
                    "reported_by",
                    self.env._("Reported Ahead By"),
                    lambda a: self._mazpulki_export_person(member, a.reported_by_id),
                ),
                "reason",
                "date_reported",
            ],
        )
        visitors = self._mazpulki_export_records(
            "club_meeting_visits",
            self.env._("Visits before Joining"),
            self.env["mazpulki.meeting.visitor"].search([("application_id.member_id", "=", member.id)], order="id"),
            [
                "club_id",
                ("day", self.env._("Day"), lambda v: v.meeting_id.day),
                "name",
                "guardian_name",
                "guardian_phone",
                "guardian_email",
            ],
        )
        roll_calls = {
            "key": "club_meeting_roll_calls",
            "title": self.env._("Roll Calls"),
            # a roll call's log names the leader and the meeting, never a member; the drift list and the
            # yearly counts are drawn from the rows of the "Club Meetings" section: nothing more of the member's
            "models": ["mazpulki.meeting.roll.call", "mazpulki.meeting.drift", "mazpulki.meeting.member.year"],
            "columns": [],
            "rows": [],
        }
        return [*sections, attendance, visitors, roll_calls]
