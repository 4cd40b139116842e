from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mazpulki_role = fields.Selection(
        selection_add=[("board", "Board Member"), ("accountant", "Accountant")],
        ondelete={"board": "set null", "accountant": "set null"},
    )

    @api.model
    def _mazpulki_role_groups(self):
        roles = super()._mazpulki_role_groups()
        roles["board"] = ["mazpulki_strategy.group_mazpulki_board"]
        roles["accountant"] = ["mazpulki_strategy.group_mazpulki_accountant"]
        return roles

    @api.model
    def _mazpulki_role_home_actions(self):
        # the board reads the strategy board; the accountant keeps the funding sources
        homes = super()._mazpulki_role_home_actions()
        homes["board"] = "mazpulki_strategy.mazpulki_strategy_board_action"
        homes["accountant"] = "mazpulki_strategy.account_analytic_account_action_funding"
        return homes
