from odoo import fields, models


class MazpulkiVolunteerActivity(models.Model):
    _name = "mazpulki.volunteer.activity"
    _description = "Volunteer Activity Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="A short code the award rules and reports refer to, e.g. talka.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [("code_uniq", "unique(code)", "Another activity type has this code.")]
