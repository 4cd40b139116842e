from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _get_signup_invitation_scope(self):
        # The portal is by invitation only (mazpulki_members), on the website too: the website's
        # own setting is ignored, which apps set to free sign-up on install (the shop, and with it
        # paid event tickets, sets every website to 'b2c').
        return "b2b"
