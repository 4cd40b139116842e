from odoo import fields, models


class MazpulkiVolunteerReject(models.TransientModel):
    _name = "mazpulki.volunteer.reject"
    _description = "Reject Volunteer Hours"

    line_ids = fields.Many2many("account.analytic.line", string="Hours")
    reason = fields.Text(required=True, help="The volunteer reads it on the portal.")

    def action_reject(self):
        self.ensure_one()
        self.line_ids._mazpulki_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
