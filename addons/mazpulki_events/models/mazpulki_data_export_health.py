from odoo import api, fields, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds that health information of the member exists per event, its state, when it is deleted and whom
        to ask for it; never the answers (health data is given to the family on request by the camp's office,
        not in a file that travels by e-mail), nor who read it."""
        sections = super()._mazpulki_export_sections(member)
        # sudo: the export runs for the member's family; only the existence is read, never an answer
        healths = (
            self.env["mazpulki.event.health"].sudo().search([("partner_id", "=", member.id)], order="event_id, id")
        )
        labels = dict(healths._fields["state"]._description_selection(self.env))
        company = self.env.company

        def whom(health):
            organizer = health.event_id.organizer_id or company.partner_id
            return ", ".join(filter(None, [organizer.name, organizer.email or company.email, organizer.phone]))

        rows = [
            {
                "event": health.event_id.name,
                "event_begin": fields.Datetime.to_string(health.event_id.date_begin),
                "state": labels.get(health.state),
                "date_delete": fields.Datetime.to_string(health.date_delete) if health.date_delete else None,
                "kept": bool(health.incident_keep),
                "ask": whom(health),
            }
            for health in healths
        ]
        section = {
            "key": "event_health",
            "title": self.env._("Health Information for Events (content not included)"),
            "models": ["mazpulki.event.health", "mazpulki.event.health.read.log"],
            "columns": [
                ("event", self.env._("Event")),
                ("event_begin", self.env._("Begins")),
                ("state", self.env._("Health Information")),
                ("date_delete", self.env._("Deleted On")),
                ("kept", self.env._("Kept for an Incident")),
                ("ask", self.env._("Ask for the content")),
            ],
            "rows": rows,
        }
        return [*sections, section]
