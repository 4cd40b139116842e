from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the person's qualifications and overrides, and whether a background check is held.

        A background check is sensitive data: the export says that one exists, its day and whom to ask
        (the office), never its result (house rule: exports never carry the content of sensitive data).
        """
        sections = super()._mazpulki_export_sections(member)
        qualifications = self._mazpulki_export_records(
            "qualifications",
            self.env._("Qualifications"),
            member.mazpulki_qualification_ids.sorted(lambda q: (q.kind_id.sequence, q.date_obtained)),
            [
                "kind_id",
                "date_obtained",
                "date_valid_until",
                "origin",
                "reference",
                (
                    "recorded_by",
                    self.env._("Recorded By"),
                    lambda q: self.env._("Office") if q.recorded_by_id else None,
                ),
            ],
        )
        overrides = self._mazpulki_export_records(
            "qualification_overrides",
            self.env._("Qualification Overrides"),
            member.with_context(active_test=False).mazpulki_qualification_override_ids,
            ["role_id", "reason", "date", "date_valid_until"],
        )
        checks = self.env["mazpulki.background.check"].sudo().search([("partner_id", "=", member.id)])
        background = self._mazpulki_export_records(
            "background_checks",
            self.env._("Background Checks"),
            checks,
            [
                "date_check",
                "date_delete",
                (
                    "note",
                    self.env._("Result"),
                    lambda c: self.env._("Held by the office; ask the office of Latvijas Mazpulki for it."),
                ),
            ],
        )
        background["models"] = ["mazpulki.background.check", "mazpulki.background.check.log"]
        return [*sections, qualifications, overrides, background]
