from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's requests for help with an event fee: event, who asked, the reason, the decision,
        the share waived and the office's message (the office's people are not named)."""
        sections = super()._mazpulki_export_sections(member)
        requests = self.env["mazpulki.fee.help"].sudo().search([("member_id", "=", member.id)], order="id")
        fee_help = self._mazpulki_export_records(
            "event_fee_help",
            self.env._("Help with Event Fees"),
            requests,
            [
                "event_id",
                (
                    "requested_by",
                    self.env._("Requested By"),
                    lambda r: self._mazpulki_export_person(member, r.requested_by_id),
                ),
                "create_date",
                "reason",
                "state",
                "decision",
                "help_percent",
                "decision_note",
                "date_decided",
            ],
        )
        return [*sections, fee_help]
