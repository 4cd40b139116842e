import io

import xlsxwriter

from odoo import api, models

STATUS_COLOURS = {"met": "#D4EDDA", "on_track": "#D6EAF8", "at_risk": "#FFF3CD", "missed": "#F8D7DA"}
MAIN_TARGETS = ("M1", "M7", "M9", "L1")


class MazpulkiStrategyBoard(models.AbstractModel):
    _inherit = "mazpulki.strategy.board"

    @api.model
    def _board_xlsx(self, year_from, year_to, area_ids=None, region_ids=None):
        """The board as an XLSX workbook: a summary sheet, a sheet per year, status colours, a chart."""
        data = self.get_board_data(year_from, year_to, area_ids, region_ids)
        _ = self.env._
        statuses = dict(self.env["mazpulki.strategy.snapshot.line"]._fields["status"]._description_selection(self.env))
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True, "bg_color": "#E9ECEF", "border": 1})
        formats = {
            status: book.add_format({"bg_color": colour, "border": 1}) for status, colour in STATUS_COLOURS.items()
        }
        plain = book.add_format({"border": 1})
        years = data["years"]

        summary = book.add_worksheet(_("Summary"))
        summary.write_row(0, 0, [_("Code"), _("Target"), _("Source"), *years], bold)
        summary.set_column(0, 0, 8)
        summary.set_column(1, 1, 50)
        summary.set_column(2, 2, 14)
        for index, row in enumerate(data["rows"], start=1):
            source = _("Entered") if row["source"] == "entered" else _("Computed")
            if not row["has_data_source"]:
                source = _("No data source")
            summary.write_row(index, 0, [row["code"], row["name"], source], plain)
            for offset, year in enumerate(years):
                cell = row["years"][year]
                summary.write(index, 3 + offset, cell["actual"], formats.get(cell["status"], plain))

        main_rows = [(index, row) for index, row in enumerate(data["rows"], start=1) if row["code"] in MAIN_TARGETS]
        if main_rows:
            chart = book.add_chart({"type": "column"})
            sheet_name = _("Summary")
            for index, row in main_rows:
                chart.add_series(
                    {
                        "name": f"{row['code']} {row['name']}",
                        "categories": [sheet_name, 0, 3, 0, 2 + len(years)],
                        "values": [sheet_name, index, 3, index, 2 + len(years)],
                    }
                )
            chart.set_title({"name": _("Main targets")})
            summary.insert_chart(len(data["rows"]) + 2, 1, chart)

        for year in years:
            sheet = book.add_worksheet(str(year))
            sheet.write_row(
                0, 0, [_("Code"), _("Target"), _("Actual"), _("Target value"), _("% achieved"), _("Status")], bold
            )
            sheet.set_column(1, 1, 50)
            sheet.set_column(2, 5, 14)
            for index, row in enumerate(data["rows"], start=1):
                cell = row["years"][year]
                style = formats.get(cell["status"], plain)
                sheet.write_row(
                    index,
                    0,
                    [
                        row["code"],
                        row["name"],
                        cell["actual"],
                        cell["target"],
                        cell["achieved"],
                        statuses.get(cell["status"], ""),
                    ],
                    style,
                )
        book.close()
        return output.getvalue()
