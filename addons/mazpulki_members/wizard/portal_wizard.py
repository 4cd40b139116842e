from odoo import models
from odoo.exceptions import UserError


class PortalWizardUser(models.TransientModel):
    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        """Say why before trying: a child under 13 needs a guardian's consent first."""
        self.ensure_one()
        # sudo: the wizard's user may see the contact but not its consents
        self.partner_id.sudo()._mazpulki_check_portal_allowed(UserError)
        return super().action_grant_access()
