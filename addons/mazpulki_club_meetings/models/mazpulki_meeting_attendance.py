from odoo import api, fields, models

ATTENDANCE_STATES = [("present", "Present"), ("absent", "Absent"), ("excused", "Excused")]
ATTENDANCE_SOURCES = [
    ("roll_call", "Roll Call"),
    ("scan", "Card Scanned"),
    ("offline", "Roll Call Made Offline"),
    ("portal", "Reported by the Family"),
]


class MazpulkiMeetingAttendance(models.Model):
    """A member at a club meeting: present, absent or excused, one row per (meeting, member).

    Written by the leader's roll call (``mazpulki.meeting.roll.call``, one query for the whole
    club) or, ahead of the meeting, by a guardian or the member from 13 on ``/my`` (an excused
    absence with its reason and who reported it).
    """

    _name = "mazpulki.meeting.attendance"
    _description = "Club Meeting Attendance"
    _order = "meeting_id desc, member_id"
    _rec_name = "member_id"

    meeting_id = fields.Many2one("mazpulki.meeting", required=True, index=True, ondelete="cascade")
    member_id = fields.Many2one("res.partner", string="Member", required=True, index=True, ondelete="cascade")
    club_id = fields.Many2one(related="meeting_id.club_id", store=True, index=True)
    region_id = fields.Many2one(related="meeting_id.region_id", store=True)
    day = fields.Date(related="meeting_id.day", store=True)
    state = fields.Selection(ATTENDANCE_STATES, required=True, default="present")
    source = fields.Selection(ATTENDANCE_SOURCES, required=True, default="roll_call")
    reported_by_id = fields.Many2one(
        "res.partner",
        string="Reported Ahead By",
        ondelete="set null",
        help="The guardian (or the member) who reported the absence ahead on the portal.",
    )
    reason = fields.Char(string="Reason of Absence")
    date_reported = fields.Datetime(string="Reported On")
    is_reported_ahead = fields.Boolean(compute="_compute_is_reported_ahead", store=True)

    _sql_constraints = [
        ("meeting_member_uniq", "unique(meeting_id, member_id)", "A member is on a meeting's roll call once."),
    ]

    @api.depends("reported_by_id")
    def _compute_is_reported_ahead(self):
        for attendance in self:
            attendance.is_reported_ahead = bool(attendance.reported_by_id)

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances._mazpulki_refresh_counts()
        return attendances

    def write(self, vals):
        counted = {"state", "member_id", "meeting_id"} & vals.keys()
        before = self._mazpulki_count_keys() if counted else None
        res = super().write(vals)
        if counted:
            self._mazpulki_refresh_counts(before)
        return res

    def unlink(self):
        before = self._mazpulki_count_keys()
        res = super().unlink()
        self.env["mazpulki.meeting.member.year"].sudo()._mazpulki_refresh(*before)  # counts only
        return res

    def _mazpulki_count_keys(self):
        """``(member ids, years)`` these rows count in (``mazpulki.meeting.member.year``)."""
        return set(self.member_id.ids), {attendance.day.year for attendance in self if attendance.day}

    def _mazpulki_refresh_counts(self, before=None):
        members, years = self._mazpulki_count_keys()
        if before:
            members, years = members | before[0], years | before[1]
        # sudo: the figures' summary is kept for everyone's roll calls; it holds counts only
        self.env["mazpulki.meeting.member.year"].sudo()._mazpulki_refresh(members, years)
