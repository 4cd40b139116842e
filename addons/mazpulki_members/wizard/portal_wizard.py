from odoo import models
from odoo.exceptions import UserError


class PortalWizardUser(models.TransientModel):
    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        """Say why before trying: a child under 13 needs a guardian's consent first."""
        self.ensure_one()
        # sudo: the wizard's user may see the contact but not its consents
        partner_sudo = self.partner_id.sudo()
        if partner_sudo.is_mazpulki_member and not partner_sudo._mazpulki_is_portal_allowed():
            raise UserError(
                self.env._(
                    "%s is under 13: a guardian must consent to data processing before the child "
                    "gets portal access.",
                    partner_sudo.name,
                )
            )
        return super().action_grant_access()
