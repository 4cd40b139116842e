import calendar

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang

BASELINE_YEAR = 2021
# comparisons of a year's whole figure with an earlier year's: not told while the year runs
GROWTH_COMPARISONS = ("growth_pct", "growth_base_pct")


class MazpulkiStrategyBoard(models.AbstractModel):
    """The live board: every target of the strategy against the figures of a range of years."""

    _name = "mazpulki.strategy.board"
    _description = "Strategy Board"

    @api.model
    def _check_board_access(self):
        if not self.env.user.has_group("mazpulki_strategy.group_mazpulki_board"):
            raise AccessError(self.env._("Only board members and officers may read the strategy board."))

    @api.model
    def _year_fraction(self, year, today):
        """How much of ``year`` has passed on ``today``: 0 before it, 1 after it."""
        if year < today.year:
            return 1.0
        if year > today.year:
            return 0.0
        days = 366 if calendar.isleap(year) else 365
        return today.timetuple().tm_yday / days

    @api.model
    def _achievement(self, comparison, actual, target):
        """The percentage of the target achieved by ``actual`` (already in the comparison's terms)."""
        if comparison == "yes_no":
            return 100.0 if actual >= 1 else 0.0
        if target > 0:
            return round(100.0 * actual / target, 1)
        return 100.0 if actual >= target else 0.0

    @api.model
    def _status(self, achieved, fraction):
        """Met at 100 %; else missed once the year is over; in the year, on track when pro-rata by day."""
        if achieved >= 100:
            return "met"
        if fraction >= 1:
            return "missed"
        if fraction <= 0:
            return "none"
        return "on_track" if achieved >= 100 * fraction else "at_risk"

    @api.model
    def _compared_value(self, comparison, values, year):
        """The year's figure in the comparison's terms (growth in %, change in points), None when it cannot be told."""
        value = values.get(year)
        if value is None:
            return None
        if comparison == "growth_pct":
            previous = values.get(year - 1)
            return round(100.0 * (value - previous) / previous, 2) if previous else None
        if comparison == "growth_base_pct":
            base = values.get(BASELINE_YEAR)
            return round(100.0 * (value - base) / base, 2) if base else None
        if comparison == "pp_change":
            base = values.get(BASELINE_YEAR)
            return round(value - base, 2) if base is not None else None
        return value

    @api.model
    def _display_unit(self, comparison, unit):
        """The unit a row's figures and targets are shown in: a growth is in %, a change in percentage points."""
        if comparison in GROWTH_COMPARISONS:
            return "percent"
        if comparison == "pp_change":
            return "pp"
        if comparison == "yes_no":
            return "yes_no"
        return unit

    @api.model
    def _format_figure(self, value, unit, signed=False):
        """A figure as the board shows it in the user's language: "4,02 %", "3 000 €", "Jā", "–" for none.

        The PDF and the XLSX's text use this; the board's web client formats
        the same way with Odoo's ``formatFloat`` (same decimal mark and
        thousands separator, from the user's language).
        """
        if value is None or value is False:
            return "–"
        if unit == "yes_no":
            return self.env._("Yes") if value >= 1 else self.env._("No")
        rounded = round(float(value), 0 if unit == "eur" else 2)
        # no trailing zeros: "4,5 %", "12 h", "4,02 %"
        digits = 0 if rounded.is_integer() else 1 if round(rounded, 1) == rounded else 2
        text = formatLang(self.env, rounded, digits=digits)
        if signed and rounded > 0:
            text = "+" + text
        suffix = {"percent": " %", "pp": " p.p.", "eur": " €", "hours": " h"}.get(unit, "")
        return text + suffix

    @api.model
    def _measure_with_memo(self):
        """The measure registry, as superuser, with the memo of this call (see ``mazpulki_measure_memo``).

        A caller computing the board and its funding table together (the
        exports) puts one memo in the context for both; otherwise each call
        gets a fresh one.
        """
        memo = self.env.context.get("mazpulki_measure_memo")
        return self.env["mazpulki.measure"].sudo().with_context(mazpulki_measure_memo={} if memo is None else memo)

    @api.readonly
    @api.model
    def get_board_data(self, year_from, year_to, area_ids=None, region_ids=None):
        """Every target × year of the range with its figure, target, % achieved and status.

        Each measure is computed once for the whole range (plus the previous
        year and the 2021 baseline that growth and points need), so the
        number of queries depends on the number of measures, not of records.
        Figures only: the measures read past record rules (see
        ``mazpulki.measure``), the drill-down opens records with the user's
        own rights.
        """
        self._check_board_access()
        year_from, year_to = int(year_from), int(year_to)
        if year_from > year_to:
            raise UserError(self.env._("The first year of the board comes after its last year."))
        region_ids = [int(region_id) for region_id in region_ids or []]
        today = fields.Date.context_today(self)
        years = list(range(year_from, year_to + 1))
        domain = [("area_id", "in", [int(area_id) for area_id in area_ids])] if area_ids else []
        targets = self.env["mazpulki.strategy.target"].search_fetch(
            domain, ["code", "name", "unit", "comparison", "source", "measure_code", "regional", "area_id"]
        )
        target_values = {
            (tv.target_id.id, tv.year): tv.value
            for tv in self.env["mazpulki.strategy.target.value"].search_fetch(
                [("target_id", "in", targets.ids), ("year", "in", years)], ["target_id", "year", "value"]
            )
        }
        entries = self.env["mazpulki.strategy.entry"].search_fetch(
            [
                ("target_id", "in", targets.ids),
                ("year", ">=", min(year_from - 1, BASELINE_YEAR)),
                ("year", "<=", year_to),
            ],
            ["target_id", "year", "value"],
        )
        entered = {}
        for entry in entries:
            entered.setdefault(entry.target_id.id, {})[entry.year] = entry.value
        frozen = {
            (line.target_id.id, line.year): line.actual
            for line in self.env["mazpulki.strategy.snapshot.line"].search_fetch(
                [("target_id", "in", targets.ids), ("year", "in", years)], ["target_id", "year", "actual"]
            )
        }
        closed_years = self.env["mazpulki.strategy.snapshot"].search([("year", "in", years)]).mapped("year")
        # Figures, never personal data: the board's readers need not read the
        # members, projects or journal items behind them (sudo for that reason).
        measure = self._measure_with_memo()
        registry = measure._mazpulki_measures()
        measure_values = {}
        range_from = min(year_from - 1, BASELINE_YEAR)
        for code in {t.measure_code for t in targets if t.source == "computed" and t.measure_code in registry}:
            spec = registry[code]
            regional = spec.get("regional", True)
            values = measure.mazpulki_measure_values(code, range_from, year_to, region_ids if regional else None)
            measure_values[code] = (values, regional, spec)

        rows = []
        for target in targets:
            if target.source == "computed":
                has_source = target.measure_code in measure_values
                values, regional, spec = measure_values.get(target.measure_code, ({}, False, {}))
            else:
                has_source = True
                values, regional, spec = entered.get(target.id, {}), False, {}
            row = {
                "id": target.id,
                "code": target.code,
                "name": target.name,
                "area_id": target.area_id.id,
                "area": target.area_id.display_name,
                "unit": target.unit,
                "display_unit": self._display_unit(target.comparison, target.unit),
                # the unit of the figure itself (members, euros, ...), which a growth or a yes/no is drawn from
                "value_unit": spec.get("unit", "count") if target.source == "computed" else target.unit,
                "comparison": target.comparison,
                "source": target.source,
                "measure_code": target.measure_code or False,
                "has_data_source": has_source,
                "drilldown": bool(has_source and target.source == "computed" and spec.get("records")),
                "national": bool(region_ids) and not regional,
                "years": {},
            }
            for year in years:
                target_value = target_values.get((target.id, year))
                # a year still to come has no figure yet, not a zero (nor a fall of 100 %)
                known = has_source and year <= today.year
                value = values.get(year) if known else None
                fraction = self._year_fraction(year, today)
                # a growth compares whole years: the year still running shows its figure so far, no growth yet
                # (in January, funding "−95 %" against last year says nothing)
                running = 0 < fraction < 1 and target.comparison in GROWTH_COMPARISONS
                actual = self._compared_value(target.comparison, values, year) if known and not running else None
                if actual is None or target_value is None or fraction <= 0:
                    achieved, status = None, "none"
                else:
                    achieved = self._achievement(target.comparison, actual, target_value)
                    status = self._status(achieved, fraction)
                frozen_actual = frozen.get((target.id, year))
                row["years"][year] = {
                    "value": value,
                    "so_far": running and value is not None,
                    "actual": actual,
                    "target": target_value,
                    "achieved": achieved,
                    "status": status,
                    "frozen": frozen_actual,
                    "difference": (
                        round(actual - frozen_actual, 2)
                        if frozen_actual is not None and actual is not None and not region_ids
                        else None
                    ),
                }
            rows.append(row)
        return {"years": years, "closed_years": closed_years, "today": fields.Date.to_string(today), "rows": rows}

    @api.readonly
    @api.model
    def get_funding_data(self, year_from, year_to):
        """The money raised per funding source and year, and every figure counted per source beside it.

        The first column is the funding raised (N1a); the others are the money
        measures of installed add-ons that split over the funding sources (the
        volunteers' in-kind value), found through the measure registry's
        ``by_funding_source``. One aggregation per column over the range.
        """
        self._check_board_access()
        year_from, year_to = int(year_from), int(year_to)
        if year_from > year_to:
            raise UserError(self.env._("The first year of the board comes after its last year."))
        # Figures, never personal data: the board's readers need not read journal items or analytic
        # accounts (sudo for that reason, as for the board's measures).
        measure = self._measure_with_memo()
        registry = measure._mazpulki_measures()
        codes = sorted(
            (code for code, spec in registry.items() if spec.get("by_funding_source")),
            key=lambda code: (code != "funding.raised", code),
        )
        today = fields.Date.context_today(self)
        years = list(range(year_from, year_to + 1))
        values = {}
        for code in codes:
            # the board's own range (with the baseline), so that a board computed in the same call
            # (an export, the PDF) has this aggregation in the memo already
            by_year = measure.mazpulki_measure_by_funding_source(code, min(year_from - 1, BASELINE_YEAR), year_to)
            for year, by_source in by_year.items():
                if year not in years or year > today.year:
                    continue
                for source, value in by_source.items():
                    values[code, year, source.id] = values.get((code, year, source.id), 0.0) + value
        plan = measure._mazpulki_funding_plan()
        sources = self.env["account.analytic.account"].sudo().with_context(active_test=False)
        sources = sources.search_fetch([("plan_id", "=", plan.id)], ["name", "mazpulki_funding_kind", "active"])
        kinds = dict(sources._fields["mazpulki_funding_kind"]._description_selection(self.env))
        used = {source_id for (__, __, source_id) in values}
        rows = [
            {"id": source.id, "name": source.name, "kind": kinds.get(source.mazpulki_funding_kind, "")}
            for source in sources
            if source.active or source.id in used
        ]
        if False in used:
            rows.append({"id": False, "name": self.env._("No funding source"), "kind": ""})
        for row in rows:
            row["years"] = {
                year: {code: values.get((code, year, row["id"])) for code in codes} if year <= today.year else {}
                for year in years
            }
        totals = {
            year: {code: sum(values.get((code, year, row["id"])) or 0.0 for row in rows) for code in codes}
            if year <= today.year
            else {}
            for year in years
        }
        return {
            "years": years,
            "columns": [
                {"code": code, "name": registry[code]["name"], "unit": registry[code]["unit"]} for code in codes
            ],
            "rows": rows,
            "totals": totals,
        }

    @api.model
    def action_close_year(self, year):
        """Freeze the figures of ``year``: a later correction then shows as a difference."""
        if not self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            raise AccessError(self.env._("Only officers and managers may close a year of the strategy."))
        year = int(year)
        if year >= fields.Date.context_today(self).year:
            raise UserError(self.env._("The year %s has not ended yet: only a past year can be closed.", year))
        Snapshot = self.env["mazpulki.strategy.snapshot"]
        if Snapshot.search_count([("year", "=", year)]):
            raise UserError(self.env._("The year %s is already closed.", year))
        data = self.get_board_data(year, year)
        return Snapshot.create(
            {
                "year": year,
                "line_ids": [
                    Command.create(
                        {
                            "target_id": row["id"],
                            "actual": row["years"][year]["actual"] or 0.0,
                            "target_value": row["years"][year]["target"] or 0.0,
                            "achieved_pct": row["years"][year]["achieved"] or 0.0,
                            "status": row["years"][year]["status"],
                        }
                    )
                    for row in data["rows"]
                    if row["years"][year]["actual"] is not None
                ],
            }
        )

    @api.model
    def action_open_records(self, target_id, year, region_ids=None):
        """The records behind a computed figure, opened with the user's own rights."""
        self._check_board_access()
        target = self.env["mazpulki.strategy.target"].browse(int(target_id))
        if target.source != "computed":
            raise UserError(self.env._("The figure of %s is entered by hand: see its evidence.", target.code))
        measure = self.env["mazpulki.measure"]
        spec = measure._mazpulki_measure_spec(target.measure_code)
        regional = spec.get("regional", True)
        model, domain = measure.mazpulki_measure_records(
            target.measure_code, int(year), region_ids=[int(r) for r in region_ids or []] if regional else None
        )
        # the user's own rights: a board member without access to the records gets an access error
        self.env[model].check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": f"{target.code} {year}: {spec['name']}",
            "res_model": model,
            "domain": domain,
            "views": [(False, "list"), (False, "form")],
            "context": {"active_test": False},
            "target": "current",
        }
