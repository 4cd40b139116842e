from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.constrains("groups_id", "partner_id", "active")
    def _check_mazpulki_minor_portal_access(self):
        portal_users = self.filtered(lambda u: u.active and u.share)
        # sudo: the check must see the member's consents whoever grants the access
        portal_users.partner_id.sudo()._mazpulki_check_portal_allowed()

    @api.constrains("login", "groups_id", "partner_id", "active")
    def _check_mazpulki_guardian_address(self):
        # sudo: the check reads the member's guardians whoever creates the account
        for user in self.filtered(lambda u: u.active and u.share).sudo():
            user.partner_id._mazpulki_check_portal_address(user.login)
