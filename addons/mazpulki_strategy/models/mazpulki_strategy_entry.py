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

    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        entries._link_evidence()
        return entries

    def write(self, vals):
        if {"value", "year", "target_id"} & set(vals):
            vals = {**vals, "entered_by_id": self.env.user.id, "date_entered": fields.Date.context_today(self)}
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._link_evidence()
        return res

    def _link_evidence(self):
        """Attach the evidence to its entry, so that whoever reads the entry reads its evidence.

        A file uploaded on a new entry (or loaded with the demo) belongs to no
        record, and Odoo lets only its uploader read it: the board's list of
        entered values would fail for everyone else.
        """
        for entry in self:
            # sudo: the uploader's own unlinked files, which only the uploader could otherwise write
            unlinked_sudo = entry.attachment_ids.sudo().filtered(
                lambda a, entry=entry: not a.res_id and a.res_model in (False, entry._name)
            )
            unlinked_sudo.write({"res_model": entry._name, "res_id": entry.id})

    def _compute_display_name(self):
        for entry in self:
            entry.display_name = f"{entry.target_id.code} {entry.year}"
