from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    mazpulki_is_youth_survey = fields.Boolean(
        string="Youth Survey",
        index=True,
        help="A survey of the strategy's youth surveys (M6d): it counts in a year once it has "
        "the minimum number of completed answers given that year.",
    )
