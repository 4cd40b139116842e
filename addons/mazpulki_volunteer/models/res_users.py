from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mazpulki_role = fields.Selection(
        selection_add=[("coordinator", "Volunteer Coordinator")],
        ondelete={"coordinator": "set null"},
    )

    @api.model
    def _mazpulki_role_groups(self):
        roles = super()._mazpulki_role_groups()
        roles["coordinator"] = ["mazpulki_volunteer.group_mazpulki_volunteer_coordinator"]
        return roles

    @api.model
    def _mazpulki_role_home_actions(self):
        # a coordinator lands on the hours waiting for approval
        homes = super()._mazpulki_role_home_actions()
        homes["coordinator"] = "mazpulki_volunteer.account_analytic_line_action_volunteer"
        return homes
