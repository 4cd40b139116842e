import base64
import io

import xlsxwriter

from odoo import api, fields, models


class MazpulkiProjectExport(models.TransientModel):
    _name = "mazpulki.project.export"
    _description = "Export a Year's Projects to Excel"

    def _default_year(self):
        return fields.Date.context_today(self).year

    year = fields.Integer(required=True, default=_default_year)
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def action_export(self):
        self.ensure_one()
        self.file_data = base64.b64encode(self._mazpulki_xlsx(self.year))
        self.file_name = f"mazpulki-projects-{self.year}.xlsx"
        # the file downloads and the dialog closes (mazpulki_members' client action)
        return {
            "type": "ir.actions.client",
            "tag": "mazpulki_download",
            "params": {"url": f"/web/content/{self._name}/{self.id}/file_data/{self.file_name}?download=true"},
        }

    @api.model
    def _mazpulki_xlsx(self, year):
        """The year's projects the user may read: a sheet of projects, a summary per theme and per region."""
        Project = self.env["mazpulki.project"]
        domain = [("year", "=", year)]
        states = dict(Project._fields["state"]._description_selection(self.env))
        kinds = dict(Project._fields["kind"]._description_selection(self.env))
        rows = Project.search_read(
            domain,
            [
                "name",
                "kind",
                "theme_id",
                "club_id",
                "region_id",
                "member_count",
                "state",
                "date_submitted",
                "date_report_submitted",
                "date_completed",
                "budget_total",
                "report_hours",
                "review_count",
                "score_average",
                "score_spread",
            ],
            order="region_id, club_id, id",
            load=None,
        )
        names = {}
        for model, key in (
            ("mazpulki.project.theme", "theme_id"),
            ("mazpulki.club", "club_id"),
            ("mazpulki.region", "region_id"),
        ):
            ids = {row[key] for row in rows if row[key]}
            names[key] = dict(
                self.env[model].browse(ids).with_context(active_test=False).mapped(lambda r: (r.id, r.name))
            )
        by_theme = Project._read_group(
            domain,
            ["theme_id"],
            ["__count", "member_count:sum", "budget_total:sum", "report_hours:sum", "score_average:avg"],
        )
        completed_by_theme = dict(
            Project._read_group([*domain, ("state", "=", "completed")], ["theme_id"], ["__count"])
        )
        by_region = Project._read_group(
            domain, ["region_id"], ["__count", "member_count:sum", "budget_total:sum", "report_hours:sum"]
        )
        completed_by_region = dict(
            Project._read_group([*domain, ("state", "=", "completed")], ["region_id"], ["__count"])
        )

        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True})
        date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
        money = book.add_format({"num_format": "#,##0.00"})
        _ = self.env._

        sheet = book.add_worksheet(_("Projects"))
        header = [
            _("Title"),
            _("Kind"),
            _("Theme"),
            _("Club"),
            _("Region"),
            _("Team Size"),
            _("Stage"),
            _("Submitted"),
            _("Report Submitted"),
            _("Completed"),
            _("Budget"),
            _("Hours Spent"),
            _("Reviews"),
            _("Score"),
            _("Spread"),
        ]
        sheet.write_row(0, 0, header, bold)
        for r, row in enumerate(rows, start=1):
            sheet.write_row(
                r,
                0,
                [
                    row["name"],
                    kinds.get(row["kind"], ""),
                    names["theme_id"].get(row["theme_id"], ""),
                    names["club_id"].get(row["club_id"], ""),
                    names["region_id"].get(row["region_id"], ""),
                    row["member_count"],
                ],
            )
            sheet.write(r, 6, states.get(row["state"], ""))
            for c, key in ((7, "date_submitted"), (8, "date_report_submitted"), (9, "date_completed")):
                if row[key]:
                    sheet.write_datetime(r, c, fields.Datetime.to_datetime(row[key]), date_fmt)
            sheet.write_number(r, 10, row["budget_total"], money)
            sheet.write_row(
                r, 11, [row["report_hours"], row["review_count"], row["score_average"], row["score_spread"]]
            )
        sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 0, 40)
        sheet.set_column(2, 4, 24)

        def summary(title, groups, completed, label):
            ws = book.add_worksheet(title)
            ws.write_row(
                0, 0, [label, _("Projects"), _("Completed"), _("Members"), _("Budget"), _("Hours Spent")], bold
            )
            totals = [0, 0, 0, 0.0, 0.0]
            for r, (record, count, members, budget, hours, *_rest) in enumerate(groups, start=1):
                done = completed.get(record, 0)
                ws.write_row(
                    r, 0, [record.name or _("No theme"), count, done, members or 0, budget or 0.0, hours or 0.0]
                )
                for i, value in enumerate((count, done, members or 0, budget or 0.0, hours or 0.0)):
                    totals[i] += value
            ws.write_row(len(groups) + 1, 0, [_("Total"), *totals], bold)
            ws.set_column(0, 0, 36)

        summary(_("By Theme"), by_theme, completed_by_theme, _("Theme"))
        summary(_("By Region"), by_region, completed_by_region, _("Region"))
        book.close()
        return output.getvalue()
