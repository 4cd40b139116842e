from odoo import api, models
from odoo.tools import SQL


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures.update(
            {
                "volunteer.active": {
                    "name": self.env._("Active volunteers"),
                    "unit": "count",
                    "compute": "_measure_volunteer_active",
                    "records": "_measure_volunteer_active_records",
                },
                "volunteer.new_active": {
                    "name": self.env._("New active volunteers"),
                    "unit": "count",
                    "compute": "_measure_volunteer_new_active",
                    "records": "_measure_volunteer_new_active_records",
                },
                "volunteer.hours": {
                    "name": self.env._("Approved volunteer hours"),
                    "unit": "hours",
                    "compute": "_measure_volunteer_hours",
                    "records": "_measure_volunteer_hours_records",
                },
                "volunteer.awards_izaugusi": {
                    "name": self.env._('"Izauguši Latvijai" awards'),
                    "unit": "count",
                    "compute": "_measure_volunteer_awards_izaugusi",
                    "records": "_measure_volunteer_awards_izaugusi_records",
                },
                "volunteer.awards_prize": {
                    "name": self.env._("Volunteer motivation prizes"),
                    "unit": "count",
                    "compute": "_measure_volunteer_awards_prize",
                    "records": "_measure_volunteer_awards_prize_records",
                },
                "volunteer.inkind_value": {
                    "name": self.env._("In-kind value of volunteer work"),
                    "unit": "eur",
                    "compute": "_measure_volunteer_inkind_value",
                    "records": "_measure_volunteer_hours_records",
                    "by_funding_source": "_volunteer_inkind_by_funding_source",
                },
            }
        )
        return measures

    # --- approved hours ------------------------------------------------------

    def _volunteer_lines_domain(self, year_from, year_to, region_ids):
        domain = [
            ("mazpulki_volunteer_id", "!=", False),
            ("volunteer_state", "=", "approved"),
            *self._mazpulki_year_range_domain("date", year_from, year_to),
        ]
        if region_ids:
            domain.append(("mazpulki_team_id.region_id", "in", region_ids))
        return domain

    def _volunteer_lines(self):
        # sudo: figures over every approved line; measures return figures, never personal data
        return self.env["account.analytic.line"].sudo()

    @api.model
    def _measure_volunteer_active(self, year_from, year_to, region_ids=None):
        """Volunteers with approved hours in the year."""
        Line = self._volunteer_lines()
        query = Line._search(self._volunteer_lines_domain(year_from, year_to, region_ids))
        # one query: the distinct (year, volunteer) pairs, then counted per year; a third faster
        # over a million lines than COUNT(DISTINCT), which sorts every line
        rows = self.env.execute_query(
            SQL(
                """SELECT year, COUNT(*) FROM (
                       SELECT DISTINCT EXTRACT(YEAR FROM %s)::int AS year, %s FROM %s WHERE %s
                   ) AS pairs GROUP BY year""",
                Line._field_to_sql(Line._table, "date", query),
                Line._field_to_sql(Line._table, "mazpulki_volunteer_id", query),
                query.from_clause,
                query.where_clause,
            )
        )
        return dict(rows)

    @api.model
    def _measure_volunteer_active_records(self, year, region_ids=None):
        return "mazpulki.volunteer", [
            ("active", "in", [True, False]),
            ("line_ids", "any", self._volunteer_lines_domain(year, year, region_ids)),
        ]

    def _volunteer_new_active_domain(self, year_from, year_to, region_ids):
        domain = [
            ("active", "in", [True, False]),
            *self._mazpulki_year_range_domain("date_first_approved", year_from, year_to),
        ]
        if region_ids:
            domain.append(("team_id.region_id", "in", region_ids))
        return domain

    @api.model
    def _measure_volunteer_new_active(self, year_from, year_to, region_ids=None):
        """V1: volunteers whose first approved hours fall in the year."""
        # sudo: a figure, whoever reads the board
        groups = (
            self.env["mazpulki.volunteer"]
            .sudo()
            ._read_group(
                self._volunteer_new_active_domain(year_from, year_to, region_ids),
                ["date_first_approved:year"],
                ["__count"],
            )
        )
        return {day.year: count for day, count in groups}

    @api.model
    def _measure_volunteer_new_active_records(self, year, region_ids=None):
        return "mazpulki.volunteer", self._volunteer_new_active_domain(year, year, region_ids)

    @api.model
    def _measure_volunteer_hours(self, year_from, year_to, region_ids=None):
        groups = self._volunteer_lines()._read_group(
            self._volunteer_lines_domain(year_from, year_to, region_ids), ["date:year"], ["unit_amount:sum"]
        )
        return {day.year: hours for day, hours in groups}

    @api.model
    def _measure_volunteer_hours_records(self, year, region_ids=None):
        return "account.analytic.line", self._volunteer_lines_domain(year, year, region_ids)

    @api.model
    def _measure_volunteer_inkind_value(self, year_from, year_to, region_ids=None):
        """Approved hours × the hourly value of the settings (EUR)."""
        rate = self._volunteer_hourly_rate()
        return {
            year: hours * rate for year, hours in self._measure_volunteer_hours(year_from, year_to, region_ids).items()
        }

    @api.model
    def _volunteer_hourly_rate(self):
        # sudo: a setting
        return float(self.env["ir.config_parameter"].sudo().get_param("mazpulki_volunteer.hourly_rate") or 0.0)

    @api.model
    def _volunteer_inkind_by_funding_source(self, year_from, year_to):
        """``{year: {analytic_account: value}}``: in-kind value per account of the funding source plan.

        One aggregation over the plan's column of the analytic lines; hours
        without a funding source are under an empty account. Empty when no
        funding source plan is set.
        """
        Line = self._volunteer_lines()
        plan = Line._mazpulki_funding_plan()
        if not plan:
            return {}
        rate = self._volunteer_hourly_rate()
        groups = Line._read_group(
            self._volunteer_lines_domain(year_from, year_to, None),
            ["date:year", plan._column_name()],
            ["unit_amount:sum"],
        )
        values = {}
        for day, account, hours in groups:
            values.setdefault(day.year, {})[account] = hours * rate
        return values

    # --- awards ----------------------------------------------------------------

    def _volunteer_awards_domain(self, kind, year_from, year_to, region_ids):
        domain = [("kind", "=", kind), ("year", ">=", year_from), ("year", "<=", year_to)]
        if region_ids:
            domain.append(("team_id.region_id", "in", region_ids))
        return domain

    def _volunteer_awards_count(self, kind, year_from, year_to, region_ids):
        # sudo: a figure, whoever reads the board
        groups = (
            self.env["mazpulki.volunteer.award"]
            .sudo()
            ._read_group(self._volunteer_awards_domain(kind, year_from, year_to, region_ids), ["year"], ["__count"])
        )
        return dict(groups)

    @api.model
    def _measure_volunteer_awards_izaugusi(self, year_from, year_to, region_ids=None):
        """V2: "Izauguši Latvijai" awards granted for the year."""
        return self._volunteer_awards_count("izaugusi", year_from, year_to, region_ids)

    @api.model
    def _measure_volunteer_awards_izaugusi_records(self, year, region_ids=None):
        return "mazpulki.volunteer.award", self._volunteer_awards_domain("izaugusi", year, year, region_ids)

    @api.model
    def _measure_volunteer_awards_prize(self, year_from, year_to, region_ids=None):
        """V3: motivation prizes granted for the year."""
        return self._volunteer_awards_count("prize", year_from, year_to, region_ids)

    @api.model
    def _measure_volunteer_awards_prize_records(self, year, region_ids=None):
        return "mazpulki.volunteer.award", self._volunteer_awards_domain("prize", year, year, region_ids)
