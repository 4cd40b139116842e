from odoo import api, fields, models
from odoo.tools import SQL

CLUB_LEADER_ROLE = "mazpulki_members.qualification_role_club_leader"


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures["members.leaders_fully_qualified"] = {
            "name": self.env._("Leaders with all required qualifications valid"),
            "unit": "count",
            "compute": "_measure_members_leaders_fully_qualified",
            "records": "_measure_members_leaders_fully_qualified_records",
        }
        return measures

    @api.model
    def _measure_members_leaders_fully_qualified(self, year_from, year_to, region_ids=None):
        """Leaders leading a club at the end of the year (today for this year) who hold, valid on that day,
        every qualification the club leader role requires (an override does not count). Future years: none."""
        return {
            year: len(partner_ids)
            for year, partner_ids in self._leaders_fully_qualified(year_from, year_to, region_ids).items()
        }

    @api.model
    def _measure_members_leaders_fully_qualified_records(self, year, region_ids=None):
        partner_ids = self._leaders_fully_qualified(year, year, region_ids).get(year, [])
        return "res.partner", [("id", "in", partner_ids)]

    @api.model
    def _leaders_fully_qualified(self, year_from, year_to, region_ids):
        """``{year: [partner_id]}`` of the fully qualified leaders, from one query."""
        role = self.env.ref(CLUB_LEADER_ROLE, raise_if_not_found=False)
        kind_ids = role.sudo().kind_ids.ids if role else []
        self.env["mazpulki.club.leader"].flush_model(["partner_id", "club_id", "date_start", "date_end"])
        self.env["mazpulki.qualification"].flush_model(["partner_id", "kind_id", "date_obtained", "date_valid_until"])
        region_filter = SQL("AND c.region_id IN %s", tuple(region_ids)) if region_ids else SQL()
        rows = self.env.execute_query(
            SQL(
                """WITH years AS (
                       SELECT y, LEAST(make_date(y, 12, 31), %(today)s) AS ref
                         FROM generate_series(%(year_from)s, %(year_to)s) AS y
                        WHERE make_date(y, 1, 1) <= %(today)s
                   ), leaders AS (
                       SELECT DISTINCT years.y, years.ref, l.partner_id
                         FROM years
                         JOIN mazpulki_club_leader l
                           ON l.date_start <= years.ref AND (l.date_end IS NULL OR l.date_end >= years.ref)
                         JOIN mazpulki_club c ON c.id = l.club_id
                        WHERE TRUE %(region_filter)s
                   ), valid AS (
                       -- per leader and year, the required kinds held valid on the day (one join, no loop)
                       SELECT leaders.y, leaders.partner_id, COUNT(DISTINCT q.kind_id) AS kinds
                         FROM leaders
                         JOIN mazpulki_qualification q
                           ON q.partner_id = leaders.partner_id AND q.kind_id = ANY(%(kinds)s::int[])
                          AND q.date_obtained <= leaders.ref
                          AND (q.date_valid_until IS NULL OR q.date_valid_until >= leaders.ref)
                     GROUP BY leaders.y, leaders.partner_id
                   )
                   SELECT leaders.y, array_agg(leaders.partner_id)
                     FROM leaders
                LEFT JOIN valid ON valid.y = leaders.y AND valid.partner_id = leaders.partner_id
                    WHERE COALESCE(valid.kinds, 0) >= cardinality(%(kinds)s::int[])
                 GROUP BY leaders.y""",
                today=fields.Date.context_today(self),
                year_from=year_from,
                year_to=year_to,
                region_filter=region_filter,
                kinds=kind_ids,
            )
        )
        return dict(rows)
