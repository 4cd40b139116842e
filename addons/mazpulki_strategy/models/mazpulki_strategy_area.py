from odoo import api, fields, models


class MazpulkiStrategyArea(models.Model):
    _name = "mazpulki.strategy.area"
    _description = "Strategy Area"
    _order = "code"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    task_ids = fields.One2many("mazpulki.strategy.task", "area_id", string="Tasks")

    _rec_names_search = ["code", "name"]
    _sql_constraints = [("code_unique", "UNIQUE(code)", "Each strategy area has its own code.")]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for area in self:
            area.display_name = f"{area.code} {area.name}"


class MazpulkiStrategyTask(models.Model):
    _name = "mazpulki.strategy.task"
    _description = "Strategy Task"
    _order = "area_id, sequence, id"

    sequence = fields.Integer(default=10)
    area_id = fields.Many2one("mazpulki.strategy.area", string="Area", required=True, ondelete="cascade")
    name = fields.Char(required=True, translate=True)
    target_ids = fields.One2many("mazpulki.strategy.target", "task_id", string="Targets")
