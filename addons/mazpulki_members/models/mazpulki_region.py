from odoo import fields, models


class MazpulkiRegion(models.Model):
    _name = "mazpulki.region"
    _description = "Region of Latvia"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in exports and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    club_ids = fields.One2many("mazpulki.club", "region_id")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Each region needs its own code."),
    ]
