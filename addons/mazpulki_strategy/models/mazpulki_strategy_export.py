import io

import xlsxwriter

from odoo import api, models

AGE_BANDS = ((0, 6, "5–6"), (7, 12, "7–12"), (13, 15, "13–15"), (16, 18, "16–18"), (19, 25, "19–25"), (26, 200, "26+"))

STATUS_COLOURS = {"met": "#D4EDDA", "on_track": "#D6EAF8", "at_risk": "#FFF3CD", "missed": "#F8D7DA"}
MAIN_TARGETS = ("M1", "M7", "M9", "L1")


class MazpulkiStrategyExport(models.AbstractModel):
    """The board and the yearly statistics as files: XLSX workbooks (the PDF is a QWeb report)."""

    _name = "mazpulki.strategy.export"
    _description = "Strategy Exports"

    @api.model
    def _board_xlsx(self, year_from, year_to, area_ids=None, region_ids=None):
        """The board as an XLSX workbook: a summary sheet, a sheet per year, status colours, a chart."""
        self = self.with_context(mazpulki_measure_memo={})  # the board and its funding sheet share aggregations
        data = self.env["mazpulki.strategy.board"].get_board_data(year_from, year_to, area_ids, region_ids)
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
        self._funding_sheet(book, bold, plain, year_from, year_to)
        book.close()
        return output.getvalue()

    @api.model
    def _funding_sheet(self, book, bold, plain, year_from, year_to):
        """The sheet of the funding raised per source and year, with the in-kind value beside it."""
        funding = self.env["mazpulki.strategy.board"].get_funding_data(year_from, year_to)
        if not funding["columns"]:
            return
        _ = self.env._
        money = book.add_format({"border": 1, "num_format": "#,##0.00"})
        total_money = book.add_format({"border": 1, "num_format": "#,##0.00", "bold": True})
        sheet = book.add_worksheet(_("Funding sources"))
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 1, 20)
        sheet.set_column(2, 1 + len(funding["years"]) * len(funding["columns"]), 16)
        headers = [_("Funding source"), _("Kind")]
        for year in funding["years"]:
            headers += [f"{year} {column['name']}" for column in funding["columns"]]
        sheet.write_row(0, 0, headers, bold)
        rows = [*funding["rows"], {"name": _("Total"), "kind": "", "years": funding["totals"]}]
        for index, row in enumerate(rows, start=1):
            is_total = index == len(rows)
            sheet.write_row(index, 0, [row["name"], row["kind"]], bold if is_total else plain)
            col = 2
            for year in funding["years"]:
                for column in funding["columns"]:
                    sheet.write(index, col, row["years"][year].get(column["code"]), total_money if is_total else money)
                    col += 1

    @api.model
    def _statistics_data(self, year):
        """The yearly statistics: members by age band, gender, region and club, and every installed measure."""
        self.env["mazpulki.strategy.board"]._check_board_access()
        # counts only, no personal data: the board's readers need not read memberships (sudo for that reason)
        Membership = self.env["mazpulki.membership"].sudo()
        domain = [("year", "=", year)]
        by_age = Membership._read_group(domain, ["age"], ["__count"])
        bands = {label: 0 for __, __, label in AGE_BANDS}
        for age, count in by_age:
            label = next(label for low, high, label in AGE_BANDS if low <= (age or 0) <= high)
            bands[label] += count
        genders = dict(Membership._fields["gender"]._description_selection(self.env))
        by_gender = [
            (genders.get(gender, self.env._("Not recorded")), count)
            for gender, count in Membership._read_group(domain, ["gender"], ["__count"], order="gender")
        ]
        by_club = Membership._read_group(domain, ["region_id", "club_id"], ["__count"], order="region_id, club_id")
        by_region = {}
        for region, __, count in by_club:
            by_region[region.name or ""] = by_region.get(region.name or "", 0) + count
        measure = self.env["mazpulki.measure"].sudo().with_context(mazpulki_measure_memo={})
        figures = [
            (code, spec["name"], spec.get("unit", "count"), measure.mazpulki_measure_values(code, year, year)[year])
            for code, spec in sorted(measure._mazpulki_measures().items())
        ]
        return {
            "year": year,
            "total": sum(count for __, count in by_age),
            "age_bands": list(bands.items()),
            "genders": by_gender,
            "regions": sorted(by_region.items()),
            "clubs": [(region.name or "", club.name, count) for region, club, count in by_club],
            "figures": figures,
        }

    @api.model
    def _statistics_xlsx(self, year):
        """The yearly statistics a ministry or funder asks for, as an XLSX workbook."""
        data = self._statistics_data(year)
        _ = self.env._
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True, "bg_color": "#E9ECEF", "border": 1})

        sheet = book.add_worksheet(_("Members"))
        sheet.set_column(0, 1, 30)
        sheet.write_row(0, 0, [_("Members in %s", year), data["total"]], bold)
        row = 2
        sheet.write_row(row, 0, [_("Age band"), _("Members")], bold)
        for label, count in data["age_bands"]:
            row += 1
            sheet.write_row(row, 0, [label, count])
        row += 2
        sheet.write_row(row, 0, [_("Gender"), _("Members")], bold)
        for label, count in data["genders"]:
            row += 1
            sheet.write_row(row, 0, [label, count])
        row += 2
        sheet.write_row(row, 0, [_("Region"), _("Members")], bold)
        for label, count in data["regions"]:
            row += 1
            sheet.write_row(row, 0, [label, count])

        clubs = book.add_worksheet(_("Clubs"))
        clubs.set_column(0, 1, 30)
        clubs.write_row(0, 0, [_("Region"), _("Club"), _("Members")], bold)
        for index, values in enumerate(data["clubs"], start=1):
            clubs.write_row(index, 0, values)

        figures = book.add_worksheet(_("Figures"))
        figures.set_column(0, 1, 40)
        figures.write_row(0, 0, [_("Measure"), _("Figure"), _("Unit"), _("Value")], bold)
        for index, values in enumerate(data["figures"], start=1):
            figures.write_row(index, 0, values)
        book.close()
        return output.getvalue()
