from odoo import api, models

# The projects each figure counts: the date that puts a project into a year,
# and the extra conditions.
PROJECT_MEASURES = {
    "projects.completed": ("date_completed", [("state", "=", "completed"), ("kind", "!=", "local_initiative")]),
    "projects.local_initiatives": ("date_completed", [("state", "=", "completed"), ("kind", "=", "local_initiative")]),
    "projects.applications_submitted": ("date_submitted", []),
    "projects.reports_submitted": ("date_report_submitted", []),
}


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures.update(
            {
                "projects.completed": {
                    "name": self.env._("Projects carried out"),
                    "unit": "count",
                    "compute": "_measure_projects_completed",
                    "records": "_measure_projects_completed_records",
                },
                "projects.local_initiatives": {
                    "name": self.env._("Local initiatives carried out"),
                    "unit": "count",
                    "compute": "_measure_projects_local_initiatives",
                    "records": "_measure_projects_local_initiatives_records",
                },
                "projects.themes": {
                    "name": self.env._("Priority project themes with published rules"),
                    "unit": "count",
                    "compute": "_measure_projects_themes",
                    "records": "_measure_projects_themes_records",
                    "regional": False,
                },
                "projects.applications_submitted": {
                    "name": self.env._("Project applications submitted digitally"),
                    "unit": "count",
                    "compute": "_measure_projects_applications_submitted",
                    "records": "_measure_projects_applications_submitted_records",
                },
                "projects.reports_submitted": {
                    "name": self.env._("Project reports submitted digitally"),
                    "unit": "count",
                    "compute": "_measure_projects_reports_submitted",
                    "records": "_measure_projects_reports_submitted_records",
                },
            }
        )
        return measures

    @api.model
    def _mazpulki_person_counts(self, key, year, partner_ids):
        if key != "projects.completed":
            return super()._mazpulki_person_counts(key, year, partner_ids)
        _model, domain = self._measure_projects_records("projects.completed", year, None)
        # sudo: counts per person past record rules, like every measure; the caller chose the people
        groups = (
            self.env["mazpulki.project"]
            .sudo()
            ._read_group([*domain, ("member_ids", "in", list(partner_ids))], ["member_ids"], ["__count"])
        )
        wanted = set(partner_ids)
        return {partner.id: count for partner, count in groups if partner.id in wanted}

    # --- one read_group per figure, over the whole year range --------------

    def _measure_projects(self, code, year_from, year_to, region_ids):
        date_field, extra = PROJECT_MEASURES[code]
        domain = [*self._mazpulki_year_range_domain(date_field, year_from, year_to), *extra]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        groups = self.env["mazpulki.project"]._read_group(domain, [f"{date_field}:year"], ["__count"])
        return {day.year: count for day, count in groups}

    def _measure_projects_records(self, code, year, region_ids):
        date_field, extra = PROJECT_MEASURES[code]
        domain = [*self._mazpulki_year_range_domain(date_field, year, year), *extra]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return "mazpulki.project", domain

    @api.model
    def _measure_projects_completed(self, year_from, year_to, region_ids=None):
        """Projects carried out: reached "completed" in the year (local initiatives are counted apart)."""
        return self._measure_projects("projects.completed", year_from, year_to, region_ids)

    @api.model
    def _measure_projects_completed_records(self, year, region_ids=None):
        return self._measure_projects_records("projects.completed", year, region_ids)

    @api.model
    def _measure_projects_local_initiatives(self, year_from, year_to, region_ids=None):
        return self._measure_projects("projects.local_initiatives", year_from, year_to, region_ids)

    @api.model
    def _measure_projects_local_initiatives_records(self, year, region_ids=None):
        return self._measure_projects_records("projects.local_initiatives", year, region_ids)

    @api.model
    def _measure_projects_applications_submitted(self, year_from, year_to, region_ids=None):
        return self._measure_projects("projects.applications_submitted", year_from, year_to, region_ids)

    @api.model
    def _measure_projects_applications_submitted_records(self, year, region_ids=None):
        return self._measure_projects_records("projects.applications_submitted", year, region_ids)

    @api.model
    def _measure_projects_reports_submitted(self, year_from, year_to, region_ids=None):
        return self._measure_projects("projects.reports_submitted", year_from, year_to, region_ids)

    @api.model
    def _measure_projects_reports_submitted_records(self, year, region_ids=None):
        return self._measure_projects_records("projects.reports_submitted", year, region_ids)

    @api.model
    def _measure_projects_themes(self, year_from, year_to, region_ids=None):
        """Themes of the year published with their rules (a theme is published only with rules)."""
        Theme = self.env["mazpulki.project.theme"].with_context(active_test=False)
        groups = Theme._read_group(
            [("year", ">=", year_from), ("year", "<=", year_to), ("is_published", "=", True)], ["year"], ["__count"]
        )
        return dict(groups)

    @api.model
    def _measure_projects_themes_records(self, year, region_ids=None):
        return "mazpulki.project.theme", [
            ("year", "=", year),
            ("is_published", "=", True),
            ("active", "in", [True, False]),
        ]
