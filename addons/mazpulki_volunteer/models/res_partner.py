from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    mazpulki_volunteer_ids = fields.One2many("mazpulki.volunteer", "partner_id", string="Volunteer Profile")
