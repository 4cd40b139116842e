import io

import xlsxwriter

from odoo import api, models

STATUS_COLOURS = {"met": "#D4EDDA", "on_track": "#D6EAF8", "at_risk": "#FFF3CD", "missed": "#F8D7DA"}
MAIN_TARGETS = ("M1", "M7", "M9", "L1")
# Excel number formats per display unit (see mazpulki.strategy.board._display_unit); Excel applies the
# workbook reader's own decimal mark and thousands separator
NUM_FORMATS = {
    "count": "#,##0",
    "hours": "#,##0.0",
    "eur": '#,##0" €"',
    "percent": '#,##0.0#" %"',
    "pp": '#,##0.0#" p.p."',
    "share": "0%",
}


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
        board = self.env["mazpulki.strategy.board"]
        # one cell format per (unit, status): figures stay numbers, shown as the board shows them
        cell_formats = {}

        def cell_format(unit, status, so_far=False):
            key = (unit, status, so_far)
            if key not in cell_formats:
                props = {"border": 1, "num_format": NUM_FORMATS.get(unit, "#,##0.##"), "italic": so_far}
                if status in STATUS_COLOURS:
                    props["bg_color"] = STATUS_COLOURS[status]
                cell_formats[key] = book.add_format(props)
            return cell_formats[key]

        def write_figure(sheet, row_index, col, value, unit, status, so_far=False):
            if unit == "yes_no" and value is not None:
                sheet.write(row_index, col, board._format_figure(value, unit), formats.get(status, plain))
            else:
                sheet.write(row_index, col, value, cell_format(unit, status, so_far))

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
                col = 3 + offset
                if cell["so_far"]:
                    write_figure(summary, index, col, cell["value"], row["value_unit"], cell["status"], so_far=True)
                else:
                    write_figure(summary, index, col, cell["actual"], row["display_unit"], cell["status"])
        summary.write(len(data["rows"]) + 1, 1, _("In italics: the figure so far of a year still running."))

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
                sheet.write_row(index, 0, [row["code"], row["name"]], style)
                if cell["so_far"]:
                    write_figure(sheet, index, 2, cell["value"], row["value_unit"], cell["status"], so_far=True)
                else:
                    write_figure(sheet, index, 2, cell["actual"], row["display_unit"], cell["status"])
                write_figure(sheet, index, 3, cell["target"], row["display_unit"], cell["status"])
                # a share of the target: Excel's percent format shows 0.667 as 67 %
                achieved = cell["achieved"] / 100.0 if cell["achieved"] is not None else None
                sheet.write(index, 4, achieved, cell_format("share", cell["status"]))
                sheet.write(index, 5, statuses.get(cell["status"], ""), style)
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
        # the age bands of mazpulki_members (one definition with the desk's age groups), every band listed
        band_labels = Membership._fields["age_band"]._description_selection(self.env)
        by_band = dict(Membership._read_group(domain, ["age_band"], ["__count"]))
        bands = {label: by_band.get(key, 0) for key, label in band_labels}
        if by_band.get(False):
            bands[self.env._("Not recorded")] = by_band[False]
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
            (spec["name"], spec.get("unit", "count"), measure.mazpulki_measure_values(code, year, year)[year])
            for code, spec in sorted(measure._mazpulki_measures().items(), key=lambda item: item[1]["name"])
        ]
        return {
            "year": year,
            "total": sum(by_band.values()),
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
        figures.set_column(0, 0, 50)
        figures.set_column(1, 2, 14)
        figures.write_row(0, 0, [_("Figure"), _("Value"), _("Unit")], bold)
        units = {"count": _("Count"), "hours": _("Hours"), "eur": "€", "percent": "%"}
        number_formats = {unit: book.add_format({"num_format": NUM_FORMATS.get(unit, "#,##0.##")}) for unit in units}
        for index, (name, unit, value) in enumerate(data["figures"], start=1):
            figures.write(index, 0, name)
            figures.write(index, 1, value, number_formats.get(unit))
            figures.write(index, 2, units.get(unit, unit))
        book.close()
        return output.getvalue()
