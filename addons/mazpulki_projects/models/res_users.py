from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _mazpulki_role_groups(self):
        # the office's manager edits the public website (the themes page, the home page)
        roles = super()._mazpulki_role_groups()
        roles["manager"] = [*roles["manager"], "website.group_website_designer"]
        return roles

    @api.model
    def _mazpulki_role_home_actions(self):
        # a leader lands on the applications waiting for a decision
        homes = super()._mazpulki_role_home_actions()
        homes["leader"] = "mazpulki_projects.mazpulki_project_action_to_decide"
        return homes
