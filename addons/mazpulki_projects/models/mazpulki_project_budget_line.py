from odoo import api, fields, models


class MazpulkiProjectBudgetLine(models.Model):
    _name = "mazpulki.project.budget.line"
    _description = "Project Budget Line"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one("mazpulki.project", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    quantity = fields.Float(default=1.0, digits=(16, 2))
    unit_price = fields.Float(digits=(16, 2))
    amount = fields.Float(compute="_compute_amount", store=True, digits=(16, 2))
    funding = fields.Selection(
        [("own", "Own Means"), ("club", "Club"), ("sponsor", "Sponsor"), ("grant", "Grant")],
        default="own",
        required=True,
    )

    @api.depends("quantity", "unit_price")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_price

    @api.model_create_multi
    def create(self, vals_list):
        project_ids = {vals.get("project_id") for vals in vals_list}
        self.env["mazpulki.project"].browse(project_ids - {None})._mazpulki_check_budget_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.project_id._mazpulki_check_budget_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open_applications(self):
        self.project_id._mazpulki_check_budget_editable()
