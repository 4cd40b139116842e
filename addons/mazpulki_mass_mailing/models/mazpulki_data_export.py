from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the mailings sent to the member and those that showed them (subject and dates, no other people)."""
        sections = super()._mazpulki_export_sections(member)
        traces = self.env["mailing.trace"].search(
            [("model", "=", "res.partner"), ("res_id", "=", member.id)], order="sent_datetime, id"
        )
        received = self._mazpulki_export_records(
            "mailings_received",
            self.env._("Mailings Received"),
            traces,
            [
                ("mailing", self.env._("Mailing"), lambda t: t.mass_mailing_id.subject),
                "email",
                "sent_datetime",
                "open_datetime",
                "trace_status",
            ],
        )
        featured = self._mazpulki_export_records(
            "mailings_featuring",
            self.env._("Mailings That Showed the Member"),
            self.env["mailing.mailing"].search([("mazpulki_featured_member_ids", "in", member.ids)]),
            ["subject", "state", "sent_date"],
        )
        return [*sections, received, featured]
