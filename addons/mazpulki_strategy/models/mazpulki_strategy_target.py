from odoo import api, fields, models

STRATEGY_YEARS = range(2021, 2028)


class MazpulkiStrategyTarget(models.Model):
    _name = "mazpulki.strategy.target"
    _description = "Strategy Target"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="The target's code in the strategy, e.g. M4a.")
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    task_id = fields.Many2one("mazpulki.strategy.task", string="Task", required=True, ondelete="cascade")
    area_id = fields.Many2one(related="task_id.area_id", store=True)
    unit = fields.Selection(
        [("count", "Count"), ("percent", "Percent"), ("hours", "Hours"), ("eur", "EUR"), ("yes_no", "Yes / no")],
        required=True,
        default="count",
    )
    comparison = fields.Selection(
        [
            ("at_least", "At least"),
            ("growth_pct", "Growth in % over the previous year"),
            ("growth_base_pct", "Growth in % over the 2021 baseline"),
            ("pp_change", "Change in percentage points over the 2021 baseline"),
            ("yes_no", "Yes / no"),
        ],
        required=True,
        default="at_least",
    )
    source = fields.Selection([("computed", "Computed"), ("entered", "Entered")], required=True, default="computed")
    measure_code = fields.Char(help="The code of the measure in the measure registry that computes the figure.")
    regional = fields.Boolean(help="The figure can be narrowed to regions.")
    active = fields.Boolean(default=True)
    value_ids = fields.One2many("mazpulki.strategy.target.value", "target_id", string="Yearly Targets")
    entry_ids = fields.One2many("mazpulki.strategy.entry", "target_id", string="Entered Values")
    has_data_source = fields.Boolean(compute="_compute_has_data_source")

    _rec_names_search = ["code", "name"]
    _sql_constraints = [("code_unique", "UNIQUE(code)", "Each strategy target has its own code.")]

    @api.depends("source", "measure_code")
    def _compute_has_data_source(self):
        measures = self.env["mazpulki.measure"]._mazpulki_measures()
        for target in self:
            target.has_data_source = target.source == "entered" or target.measure_code in measures

    @api.depends("code", "name")
    def _compute_display_name(self):
        for target in self:
            target.display_name = f"{target.code} {target.name}"


class MazpulkiStrategyTargetValue(models.Model):
    _name = "mazpulki.strategy.target.value"
    _description = "Strategy Yearly Target"
    _order = "target_id, year"

    target_id = fields.Many2one("mazpulki.strategy.target", string="Target", required=True, ondelete="cascade")
    year = fields.Integer(required=True)
    value = fields.Float(string="Target Value", digits=(16, 2))

    _sql_constraints = [("target_year_unique", "UNIQUE(target_id, year)", "A target has one value per year.")]
