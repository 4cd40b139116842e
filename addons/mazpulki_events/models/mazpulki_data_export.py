from odoo import api, models

from .mazpulki_event_waitlist_privacy import MazpulkiDataExportWaitlist


class MazpulkiDataExport(MazpulkiDataExportWaitlist, models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's event registrations, attendance days and desk scans (without the desk's people)."""
        sections = super()._mazpulki_export_sections(member)
        registrations = self.env["event.registration"].search(
            [("mazpulki_member_id", "=", member.id)], order="event_begin_date, id"
        )
        registration = self._mazpulki_export_records(
            "event_registrations",
            self.env._("Event Registrations"),
            registrations,
            [
                ("id", self.env._("Registration No."), lambda r: r.id),
                "event_id",
                "event_begin_date",
                "event_end_date",
                "event_ticket_id",
                "name",
                "email",
                "phone",
                "state",
                "mazpulki_club_id",
                "mazpulki_approval_state",
                (
                    "approved_by",
                    self.env._("Approved By"),
                    lambda r: self._mazpulki_export_person(member, r.mazpulki_approved_by_id),
                ),
                "create_date",
            ],
        )
        attendance = self._mazpulki_export_records(
            "event_attendance",
            self.env._("Attendance Days"),
            registrations.mazpulki_attendance_ids.sorted(lambda a: (a.day, a.id)),
            [
                ("registration", self.env._("Registration No."), lambda a: a.registration_id.id),
                "event_id",
                "day",
                "check_in",
            ],
        )
        scans = self._mazpulki_export_records(
            "event_desk_scans",
            self.env._("Scans at the Event Desk"),
            self.env["mazpulki.event.desk.scan"].search(
                [("registration_id", "in", registrations.ids)], order="scanned_at, id"
            ),
            [
                ("registration", self.env._("Registration No."), lambda s: s.registration_id.id),
                "event_id",
                "scanned_at",
                "day",
                "kind",
                "desk_status",
                "status",
                "state",
            ],
        )
        return [*sections, registration, attendance, scans]
