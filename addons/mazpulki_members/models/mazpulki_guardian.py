from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MazpulkiGuardian(models.Model):
    _name = "mazpulki.guardian"
    _description = "Guardian of a Member"
    _order = "member_id, sequence, id"
    _rec_name = "guardian_id"

    sequence = fields.Integer(default=10)
    member_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_mazpulki_member", "=", True)],
    )
    guardian_id = fields.Many2one(
        "res.partner",
        string="Guardian",
        required=True,
        ondelete="restrict",
        index=True,
        domain=[("is_company", "=", False)],
    )
    relation = fields.Selection(
        [
            ("mother", "Mother"),
            ("father", "Father"),
            ("grandparent", "Grandparent"),
            ("legal_guardian", "Legal Guardian"),
            ("other", "Other Relative"),
        ],
        required=True,
        default="mother",
    )
    phone = fields.Char(related="guardian_id.phone", readonly=False)
    email = fields.Char(related="guardian_id.email", readonly=False)

    _sql_constraints = [
        ("member_guardian_uniq", "unique(member_id, guardian_id)", "This guardian is already listed for the member."),
    ]

    @api.constrains("member_id", "guardian_id")
    def _check_not_self(self):
        for link in self:
            if link.member_id == link.guardian_id:
                raise ValidationError(self.env._("%s cannot be their own guardian.", link.member_id.name))
