from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mazpulki_volunteer_hourly_rate = fields.Float(
        string="Volunteer Hour Value",
        config_parameter="mazpulki_volunteer.hourly_rate",
        help="Value of one approved volunteer hour (EUR) counted as in-kind contribution.",
    )
    mazpulki_volunteer_funding_plan_id = fields.Many2one(
        "account.analytic.plan",
        string="Funding Source Plan",
        config_parameter="mazpulki_volunteer.funding_plan_id",
        help="The analytic plan whose accounts are the funding sources in-kind value is reported by.",
    )
