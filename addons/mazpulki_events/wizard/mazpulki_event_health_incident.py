from odoo import fields, models


class MazpulkiEventHealthIncident(models.TransientModel):
    """The office manager keeps a participant's health answers past the deletion date for an incident."""

    _name = "mazpulki.event.health.incident"
    _description = "Keep Health Information for an Incident"

    registration_id = fields.Many2one("event.registration", required=True, ondelete="cascade")
    report = fields.Text(string="Incident Report", required=True)

    def action_keep(self):
        self.ensure_one()
        self.env["mazpulki.event.health"]._mazpulki_keep_for_incident(self.registration_id, self.report)
        return {"type": "ir.actions.act_window_close"}
