from odoo import models


class ResPartner(models.Model):
    """Timesheets beside volunteering (see ``mazpulki_members``' retention): volunteer lines are never
    timesheets (no project, task or employee; mazpulki_volunteer scrubs their descriptions), and employees'
    timesheets are staff records, not a member's: nothing more to remove here."""

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "account.analytic.line": "volunteer lines scrubbed by mazpulki_volunteer; timesheets are staff's",
        }
