from odoo import api, models
from odoo.exceptions import AccessError


class ReportEventHealthMedic(models.AbstractModel):
    """The medic's list: each participant with allergies, medication and its times, conditions and the
    emergency contacts. Made on request for the camp lead and the medic of the event only (checked here, for
    the real user even under sudo), logged in the read log (channel ``pdf``), never stored (the report action
    has no attachment)."""

    _name = "report.mazpulki_events.report_event_health_medic"
    _description = "Medic's List"

    @api.model
    def _get_report_values(self, docids, data=None):
        events = self.env["event.event"].sudo().browse(docids).exists()  # sudo: the role is checked per event
        Health = self.env["mazpulki.event.health"].with_user(self.env.user)  # the real user, never the sudo
        docs = []
        for event in events:
            if Health._mazpulki_scope(event) != "full":
                raise AccessError(self.env._("Only the camp lead and the medic of this event print the medic's list."))
            read = Health._mazpulki_read_for_staff(event, log=False)
            healths = Health.sudo().search([("event_id", "=", event.id)])
            self.env["mazpulki.event.health.read.log"].with_user(self.env.user)._mazpulki_log(
                healths.filtered(lambda h: h.registration_id.state != "cancel"), "full", channel="pdf"
            )
            docs.append({"event": event, "rows": read["rows"]})
        return {"doc_ids": docids, "doc_model": "event.event", "docs": docs}
