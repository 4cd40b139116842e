from odoo import api, fields, models
from odoo.tools import SQL


class MazpulkiMeetingMemberYear(models.Model):
    """How many club meetings a member attended in a year (and region): the figures' summary.

    The strategy board must stay fast with a school year of some 320,000 roll-call rows; counting
    them on each board (a scan and a grouping of every row) costs far more than the board itself.
    So the roll call keeps this small table up to date (one row per member, year and region of
    the club, ~10,000 rows a year), as Odoo keeps stored computed sums: every write of
    ``mazpulki.meeting.attendance`` (the roll call's upsert, the ORM, a meeting deleted) refreshes
    the rows of the members and years it touched with one statement. Active members and the
    average attendance read it (``mazpulki.measure``).
    """

    _name = "mazpulki.meeting.member.year"
    _description = "Club Meetings Attended per Member and Year"
    _order = "year desc, member_id"
    _rec_name = "member_id"

    member_id = fields.Many2one("res.partner", string="Member", required=True, index=True, ondelete="cascade")
    year = fields.Integer(required=True, index=True)
    region_id = fields.Many2one("mazpulki.region", ondelete="set null")
    present_count = fields.Integer(string="Meetings Attended")

    _sql_constraints = [
        (
            "member_year_region_uniq",
            "unique NULLS NOT DISTINCT (member_id, year, region_id)",
            "A member has one count per year and region.",
        ),
    ]

    @api.model
    def _mazpulki_refresh(self, member_ids, years):
        """Count again the meetings ``member_ids`` attended in ``years`` (two statements, whatever the size)."""
        member_ids, years = list(set(member_ids)), sorted({int(year) for year in years if year})
        if not member_ids or not years:
            return
        self.env["mazpulki.meeting.attendance"].flush_model(["member_id", "state", "day", "region_id"])
        self.flush_model()
        cr = self.env.cr
        cr.execute(
            SQL(
                "DELETE FROM mazpulki_meeting_member_year WHERE member_id = ANY(%s) AND year = ANY(%s)",
                member_ids,
                years,
            )
        )
        cr.execute(
            SQL(
                """INSERT INTO mazpulki_meeting_member_year
                        (member_id, year, region_id, present_count, create_uid, write_uid, create_date, write_date)
                   SELECT a.member_id, extract(year FROM a.day)::int, a.region_id, count(*),
                          %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
                     FROM mazpulki_meeting_attendance a
                    WHERE a.state = 'present' AND a.member_id = ANY(%(members)s)
                      AND extract(year FROM a.day)::int = ANY(%(years)s)
                 GROUP BY 1, 2, 3""",
                uid=self.env.uid,
                members=member_ids,
                years=years,
            )
        )
        self.invalidate_model()

    @api.model
    def _mazpulki_refresh_all(self):
        """Count everything again (after a bulk import of roll calls)."""
        self.env["mazpulki.meeting.attendance"].flush_model()
        self.env.cr.execute("DELETE FROM mazpulki_meeting_member_year")
        self.env.cr.execute(
            SQL(
                """INSERT INTO mazpulki_meeting_member_year
                        (member_id, year, region_id, present_count, create_uid, write_uid, create_date, write_date)
                   SELECT a.member_id, extract(year FROM a.day)::int, a.region_id, count(*),
                          %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
                     FROM mazpulki_meeting_attendance a
                    WHERE a.state = 'present' AND a.day IS NOT NULL
                 GROUP BY 1, 2, 3""",
                uid=self.env.uid,
            )
        )
        self.invalidate_model()
