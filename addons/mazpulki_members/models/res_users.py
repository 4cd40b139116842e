from odoo import api, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.constrains("groups_id", "partner_id", "active")
    def _check_mazpulki_minor_portal_access(self):
        for user in self.filtered(lambda u: u.active and u.share):
            # sudo: the check must see the member's consents whoever grants the access
            partner_sudo = user.partner_id.sudo()
            if partner_sudo.is_mazpulki_member and not partner_sudo._mazpulki_is_portal_allowed():
                raise ValidationError(
                    self.env._(
                        "%s is under 13: a guardian must consent to data processing before the child "
                        "gets portal access.",
                        partner_sudo.name,
                    )
                )
