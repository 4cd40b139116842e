import base64
import io

import xlsxwriter

from odoo import fields, models


class MazpulkiVolunteerExport(models.TransientModel):
    _name = "mazpulki.volunteer.export"
    _description = "Volunteer Hours of the Year (XLSX)"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char()

    def action_export(self):
        self.ensure_one()
        self.write(
            {"file_data": base64.b64encode(self._mazpulki_xlsx()), "file_name": f"brivpratigie_{self.year}.xlsx"}
        )
        # the file downloads and the dialog closes (mazpulki_members' client action)
        return {
            "type": "ir.actions.client",
            "tag": "mazpulki_download",
            "params": {"url": f"/web/content/{self._name}/{self.id}/file_data/{self.file_name}?download=true"},
        }

    def _mazpulki_xlsx(self):
        """Approved hours of the year per volunteer and month, one aggregation, as an XLSX workbook."""
        groups = self.env["account.analytic.line"]._read_group(
            [
                ("mazpulki_volunteer_id", "!=", False),
                ("volunteer_state", "=", "approved"),
                ("date", ">=", f"{self.year}-01-01"),
                ("date", "<", f"{self.year + 1}-01-01"),
            ],
            ["mazpulki_volunteer_id", "mazpulki_team_id", "date:month"],
            ["unit_amount:sum"],
        )
        rows = {}
        for volunteer, team, month, hours in groups:
            row = rows.setdefault(volunteer, {"team": team.name or "", "months": [0.0] * 12})
            row["months"][month.month - 1] += hours
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(str(self.year))
        bold = workbook.add_format({"bold": True})
        header = [self.env._("Volunteer"), self.env._("Team")] + [f"{m:02d}" for m in range(1, 13)]
        header.append(self.env._("Total"))
        sheet.write_row(0, 0, header, bold)
        sheet.set_column(0, 1, 28)
        for index, (volunteer, row) in enumerate(sorted(rows.items(), key=lambda item: item[0].name or ""), start=1):
            sheet.write_row(index, 0, [volunteer.name, row["team"], *row["months"], sum(row["months"])])
        workbook.close()
        return output.getvalue()
