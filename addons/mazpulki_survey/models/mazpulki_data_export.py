from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's survey answers (the survey, the day, each question and the answer given)."""
        sections = super()._mazpulki_export_sections(member)
        answers = self._mazpulki_export_records(
            "survey_answers",
            self.env._("Survey Answers"),
            self.env["survey.user_input"].search([("partner_id", "=", member.id)], order="create_date, id"),
            [
                ("survey", self.env._("Survey"), lambda a: a.survey_id.title),
                "create_date",
                "state",
                (
                    "answers",
                    self.env._("Answers"),
                    lambda a: "\n".join(
                        f"{line.question_id.title}: {line._get_answer_value()}"
                        for line in a.user_input_line_ids
                        if not line.skipped
                    ),
                ),
            ],
        )
        answers["models"] = ["survey.user_input", "survey.user_input.line"]
        return [*sections, answers]
