from odoo import fields, models, tools
from odoo.tools import SQL

from .mazpulki_club import DEFAULT_DRIFT_MEETINGS


class MazpulkiMeetingDrift(models.Model):
    """Members drifting away: on the roll call of each of their club's last N held meetings (N the club's
    setting ``drift_meeting_count``, default 4) and present at none (absent or excused): a member
    who joined since was not on the earlier roll calls and is not counted.

    A database view (one SQL statement for every club): the leader sees her clubs' rows (record
    rules), the office every club and region."""

    _name = "mazpulki.meeting.drift"
    _description = "Members Drifting Away"
    _auto = False
    _order = "club_id, date_last_present, member_id"
    _rec_name = "member_id"
    _depends = {
        "mazpulki.club": ["drift_meeting_count", "region_id"],
        "mazpulki.meeting": ["club_id", "state", "day", "date_begin"],
        "mazpulki.meeting.attendance": ["meeting_id", "member_id", "state", "day"],
        "res.partner": ["active", "is_mazpulki_member", "mazpulki_club_id"],
    }

    member_id = fields.Many2one("res.partner", string="Member", readonly=True)
    club_id = fields.Many2one("mazpulki.club", readonly=True)
    region_id = fields.Many2one("mazpulki.region", readonly=True)
    missed_count = fields.Integer(string="Meetings Missed", readonly=True)
    date_since = fields.Date(string="Absent Since", readonly=True)
    date_last_present = fields.Date(string="Last Present", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %s AS
                WITH ranked AS (
                    SELECT m.id, m.club_id, m.day,
                           row_number() OVER (PARTITION BY m.club_id ORDER BY m.date_begin DESC, m.id DESC) AS rn
                      FROM mazpulki_meeting m
                     WHERE m.state = 'held'
                ), recent AS (
                    SELECT r.id, r.club_id, r.day
                      FROM ranked r
                      JOIN mazpulki_club c ON c.id = r.club_id
                     WHERE r.rn <= COALESCE(NULLIF(c.drift_meeting_count, 0), %s)
                ), club_recent AS (
                    SELECT club_id, count(*) AS n, min(day) AS since FROM recent GROUP BY club_id
                ), member_recent AS (
                    SELECT a.member_id, r.club_id, count(*) AS n_rows,
                           count(*) FILTER (WHERE a.state = 'present') AS n_present
                      FROM recent r
                      JOIN mazpulki_meeting_attendance a ON a.meeting_id = r.id
                  GROUP BY a.member_id, r.club_id
                )
                SELECT p.id AS id, p.id AS member_id, c.id AS club_id, c.region_id AS region_id,
                       cr.n AS missed_count, cr.since AS date_since,
                       (SELECT max(a.day) FROM mazpulki_meeting_attendance a
                         WHERE a.member_id = p.id AND a.state = 'present') AS date_last_present
                  FROM member_recent mr
                  JOIN res_partner p ON p.id = mr.member_id AND p.mazpulki_club_id = mr.club_id
                  JOIN mazpulki_club c ON c.id = mr.club_id
                  JOIN club_recent cr ON cr.club_id = mr.club_id
                 WHERE p.active AND p.is_mazpulki_member
                   AND cr.n >= COALESCE(NULLIF(c.drift_meeting_count, 0), %s)
                   AND mr.n_rows = cr.n AND mr.n_present = 0""",
                SQL.identifier(self._table),
                DEFAULT_DRIFT_MEETINGS,
                DEFAULT_DRIFT_MEETINGS,
            )
        )

    def action_contact_family(self):
        """An activity for the club's leader (the user asking) on each member: call the family."""
        self.check_access("read")
        for drift in self:
            drift.member_id.activity_schedule(
                "mail.mail_activity_data_call",
                summary=self.env._("Ask the family why %s no longer comes", drift.member_id.name),
                note=self.env._(
                    "%(name)s was at none of the last %(count)s meetings of %(club)s.",
                    name=drift.member_id.name,
                    count=drift.missed_count,
                    club=drift.club_id.name,
                ),
                user_id=self.env.uid,
            )
        return True
