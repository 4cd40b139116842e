from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MazpulkiStrategyEntry(models.Model):
    _name = "mazpulki.strategy.entry"
    _description = "Strategy Entered Value"
    _inherit = ["mail.thread"]
    _order = "year desc, target_id"

    target_id = fields.Many2one(
        "mazpulki.strategy.target",
        string="Target",
        required=True,
        ondelete="cascade",
        domain=[("source", "=", "entered")],
        tracking=True,
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    value = fields.Float(digits=(16, 2), tracking=True, help="For a yes/no target, 1 is yes and 0 is no.")
    note = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    entered_by_id = fields.Many2one("res.users", string="Entered By", default=lambda self: self.env.user, readonly=True)
    date_entered = fields.Date(default=fields.Date.context_today, readonly=True)

    _sql_constraints = [("target_year_unique", "UNIQUE(target_id, year)", "A target has one entered value per year.")]

    @api.constrains("target_id")
    def _check_target_entered(self):
        for entry in self:
            if entry.target_id.source != "entered":
                raise ValidationError(
                    self.env._(
                        "The target %s is computed from data: its value cannot be entered.", entry.target_id.code
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for entry in self:
            if not 2000 <= entry.year <= 2100:
                raise ValidationError(self.env._("The year %s is not a valid year.", entry.year))

    def write(self, vals):
        if {"value", "year", "target_id"} & set(vals):
            vals = {**vals, "entered_by_id": self.env.user.id, "date_entered": fields.Date.context_today(self)}
        return super().write(vals)

    def _compute_display_name(self):
        for entry in self:
            entry.display_name = f"{entry.target_id.code} {entry.year}"
