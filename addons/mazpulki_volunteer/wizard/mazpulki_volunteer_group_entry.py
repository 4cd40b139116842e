from odoo import fields, models
from odoo.exceptions import UserError


class MazpulkiVolunteerGroupEntry(models.TransientModel):
    _name = "mazpulki.volunteer.group.entry"
    _description = "Volunteer Hours for a Group"

    date = fields.Date(required=True, default=fields.Date.context_today)
    activity_id = fields.Many2one("mazpulki.volunteer.activity", string="Activity", required=True)
    event_id = fields.Many2one("event.event", string="Event")
    hours = fields.Float(required=True, default=4.0)
    name = fields.Char(string="Description", help="e.g. Talka at Kalnciema school garden")
    volunteer_ids = fields.Many2many("mazpulki.volunteer", string="Volunteers")
    approve = fields.Boolean(
        string="Approve at Once", help="The coordinator saw the work done: the hours are approved when logged."
    )

    def action_confirm(self):
        self.ensure_one()
        if not self.volunteer_ids:
            raise UserError(self.env._("Choose the volunteers who took part."))
        lines = self.env["account.analytic.line"].create(
            [
                {
                    "mazpulki_volunteer_id": volunteer.id,
                    "mazpulki_activity_id": self.activity_id.id,
                    "event_id": self.event_id.id,
                    "date": self.date,
                    "unit_amount": self.hours,
                    "name": self.name or self.activity_id.name,
                }
                for volunteer in self.volunteer_ids
            ]
        )
        if self.approve:
            lines.action_volunteer_approve()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mazpulki_volunteer.account_analytic_line_action_volunteer"
        )
        action["domain"] = [("id", "in", lines.ids)]
        return action
