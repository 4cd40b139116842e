import io

import xlsxwriter

from odoo import api, models

AGE_BANDS = ((0, 6, "5–6"), (7, 12, "7–12"), (13, 15, "13–15"), (16, 18, "16–18"), (19, 25, "19–25"), (26, 200, "26+"))


class MazpulkiStrategyBoard(models.AbstractModel):
    _inherit = "mazpulki.strategy.board"

    @api.model
    def _statistics_data(self, year):
        """The yearly statistics: members by age band, region and club, and every installed measure of the year.

        Gender is not recorded on members (``res.partner`` has no such field),
        so the statistics do not break members down by it.
        """
        self._check_board_access()
        # counts only, no personal data: the board's readers need not read memberships (sudo for that reason)
        Membership = self.env["mazpulki.membership"].sudo()
        domain = [("year", "=", year)]
        by_age = Membership._read_group(domain, ["age"], ["__count"])
        bands = {label: 0 for __, __, label in AGE_BANDS}
        for age, count in by_age:
            label = next(label for low, high, label in AGE_BANDS if low <= (age or 0) <= high)
            bands[label] += count
        by_club = Membership._read_group(domain, ["region_id", "club_id"], ["__count"], order="region_id, club_id")
        by_region = {}
        for region, __, count in by_club:
            by_region[region.name or ""] = by_region.get(region.name or "", 0) + count
        measure = self.env["mazpulki.measure"].sudo()
        figures = [
            (code, spec["name"], spec.get("unit", "count"), measure.mazpulki_measure_values(code, year, year)[year])
            for code, spec in sorted(measure._mazpulki_measures().items())
        ]
        return {
            "year": year,
            "total": sum(count for __, count in by_age),
            "age_bands": list(bands.items()),
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
