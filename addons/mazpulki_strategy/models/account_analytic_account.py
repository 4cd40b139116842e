from odoo import fields, models


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    mazpulki_funding_kind = fields.Selection(
        [("project", "Project funding"), ("non_project", "Non-project funding")],
        string="Funding Kind",
        help="For a funding source: whether the money is tied to a grant project.",
    )
