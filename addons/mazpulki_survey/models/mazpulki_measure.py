from odoo import api, models
from odoo.tools import SQL

MIN_ANSWERS_PARAM = "mazpulki_survey.youth_survey_min_answers"
DEFAULT_MIN_ANSWERS = 30


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures["survey.youth_surveys"] = {
            "name": self.env._("Youth surveys held"),
            "unit": "count",
            "compute": "_measure_youth_surveys",
            "records": "_measure_youth_surveys_records",
            "regional": False,
        }
        return measures

    @api.model
    def _mazpulki_survey_min_answers(self):
        # sudo: a setting the board reads, not a secret
        value = self.env["ir.config_parameter"].sudo().get_param(MIN_ANSWERS_PARAM)
        return int(value) if (value or "").strip().isdigit() else DEFAULT_MIN_ANSWERS

    @api.model
    def _youth_surveys_by_year(self, year_from, year_to):
        """``[(year, survey_id)]``: youth surveys with at least the minimum of completed answers given in the year.

        Test entries do not count; a survey answered over two years counts in each year it reached the minimum.
        """
        self.env["survey.user_input"].flush_model(["survey_id", "state", "end_datetime", "test_entry"])
        self.env["survey.survey"].flush_model(["mazpulki_is_youth_survey"])
        self.env.cr.execute(
            SQL(
                """SELECT EXTRACT(YEAR FROM ui.end_datetime)::int AS year, ui.survey_id
                     FROM survey_user_input ui
                     JOIN survey_survey s ON s.id = ui.survey_id
                    WHERE s.mazpulki_is_youth_survey
                      AND ui.state = 'done' AND NOT COALESCE(ui.test_entry, FALSE)
                      AND ui.end_datetime >= %(start)s AND ui.end_datetime < %(end)s
                 GROUP BY 1, 2
                   HAVING COUNT(*) >= %(minimum)s""",
                start=f"{year_from}-01-01",
                end=f"{year_to + 1}-01-01",
                minimum=self._mazpulki_survey_min_answers(),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _measure_youth_surveys(self, year_from, year_to, region_ids=None):
        counts = {}
        for year, _survey_id in self._youth_surveys_by_year(year_from, year_to):
            counts[year] = counts.get(year, 0) + 1
        return counts

    @api.model
    def _measure_youth_surveys_records(self, year, region_ids=None):
        return "survey.survey", [("id", "in", [survey_id for __, survey_id in self._youth_surveys_by_year(year, year)])]
