from odoo import api, models
from odoo.tools import SQL

from .res_config_settings import ACTIVE_MIN_MEETINGS_PARAM, DEFAULT_ACTIVE_MIN_MEETINGS


class MazpulkiMeasure(models.AbstractModel):
    """The clubs' meetings on the strategy board and in the yearly statistics: meetings held, the average
    attendance of a meeting, and the active members (present at N meetings of the year, N the office's
    setting), the companion of M4a (which counts members by their yearly membership)."""

    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures.update(
            {
                "club.meetings_held": {
                    "name": self.env._("Club meetings held"),
                    "unit": "count",
                    "compute": "_measure_club_meetings_held",
                    "records": "_measure_club_meetings_held_records",
                },
                "club.average_attendance": {
                    "name": self.env._("Average attendance of a club meeting"),
                    "unit": "count",
                    "compute": "_measure_club_average_attendance",
                    "missing": None,  # no meeting held: no average, not 0
                },
                "club.active_members": {
                    "name": self.env._("Active members (at club meetings)"),
                    "unit": "count",
                    "compute": "_measure_club_active_members",
                },
            }
        )
        return measures

    @api.model
    def _mazpulki_active_min_meetings(self):
        value = self.env["ir.config_parameter"].sudo().get_param(ACTIVE_MIN_MEETINGS_PARAM)
        try:
            return max(int(value), 1) if value else DEFAULT_ACTIVE_MIN_MEETINGS
        except ValueError:
            return DEFAULT_ACTIVE_MIN_MEETINGS

    @api.model
    def _measure_club_meetings_held(self, year_from, year_to, region_ids=None):
        """Meetings whose roll call was saved, per year of their day."""
        domain = [("state", "=", "held"), *self._mazpulki_year_range_domain("day", year_from, year_to)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return {
            day.year: count
            for day, count in self.env["mazpulki.meeting"]._read_group(domain, ["day:year"], ["__count"])
        }

    @api.model
    def _measure_club_meetings_held_records(self, year, region_ids=None):
        domain = [("state", "=", "held"), *self._mazpulki_year_range_domain("day", year, year)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return "mazpulki.meeting", domain

    @api.model
    def _measure_club_average_attendance(self, year_from, year_to, region_ids=None):
        """Members present at a held meeting, on average (one decimal): the year's present marks (the
        summary ``mazpulki.meeting.member.year``) over the meetings held."""
        held = self._measure_club_meetings_held(year_from, year_to, region_ids=region_ids)
        domain = [("year", ">=", year_from), ("year", "<=", year_to)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        present = dict(self.env["mazpulki.meeting.member.year"]._read_group(domain, ["year"], ["present_count:sum"]))
        return {year: round(present.get(year, 0) / meetings, 1) for year, meetings in held.items() if meetings}

    @api.model
    def _measure_club_active_members(self, year_from, year_to, region_ids=None):
        """Members present at N or more club meetings of the year (N: the office's setting), from the
        summary ``mazpulki.meeting.member.year`` (a member of two clubs in a year counts once)."""
        Summary = self.env["mazpulki.meeting.member.year"]
        Summary.flush_model()
        region = SQL("AND region_id = ANY(%s)", list(region_ids)) if region_ids else SQL()
        self.env.cr.execute(
            SQL(
                """SELECT year, count(*) FROM (
                       SELECT year, member_id FROM mazpulki_meeting_member_year
                        WHERE year >= %s AND year <= %s %s
                     GROUP BY year, member_id
                       HAVING sum(present_count) >= %s) AS active
                 GROUP BY year""",
                year_from,
                year_to,
                region,
                self._mazpulki_active_min_meetings(),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _mazpulki_person_counts(self, key, year, partner_ids):
        if key != "club.meetings_attended":
            return super()._mazpulki_person_counts(key, year, partner_ids)
        groups = self.env["mazpulki.meeting.attendance"]._read_group(
            [
                ("member_id", "in", list(partner_ids)),
                ("state", "=", "present"),
                *self._mazpulki_year_range_domain("day", year, year),
            ],
            ["member_id"],
            ["__count"],
        )
        return {member.id: count for member, count in groups}
