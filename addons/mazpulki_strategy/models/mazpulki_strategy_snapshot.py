from odoo import fields, models


class MazpulkiStrategySnapshot(models.Model):
    _name = "mazpulki.strategy.snapshot"
    _description = "Strategy Closed Year"
    _order = "year desc"

    year = fields.Integer(required=True, readonly=True)
    closed_by_id = fields.Many2one("res.users", string="Closed By", readonly=True, default=lambda self: self.env.user)
    date_closed = fields.Datetime(readonly=True, default=fields.Datetime.now)
    line_ids = fields.One2many("mazpulki.strategy.snapshot.line", "snapshot_id", string="Frozen Figures", readonly=True)

    _sql_constraints = [("year_unique", "UNIQUE(year)", "A year is closed once.")]

    def _compute_display_name(self):
        for snapshot in self:
            snapshot.display_name = str(snapshot.year)


class MazpulkiStrategySnapshotLine(models.Model):
    _name = "mazpulki.strategy.snapshot.line"
    _description = "Strategy Frozen Figure"
    _order = "snapshot_id, target_id"

    snapshot_id = fields.Many2one("mazpulki.strategy.snapshot", required=True, ondelete="cascade")
    year = fields.Integer(related="snapshot_id.year", store=True)
    target_id = fields.Many2one("mazpulki.strategy.target", string="Target", required=True, ondelete="cascade")
    actual = fields.Float(digits=(16, 2))
    target_value = fields.Float(digits=(16, 2))
    achieved_pct = fields.Float(string="% Achieved", digits=(16, 1))
    status = fields.Selection(
        [("met", "Met"), ("on_track", "On track"), ("at_risk", "At risk"), ("missed", "Missed"), ("none", "No status")]
    )
