from odoo import api, models


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures["funding.raised"] = {
            "name": self.env._("Funding raised"),
            "unit": "eur",
            "compute": "_measure_funding_raised",
            "records": "_measure_funding_records",
            "regional": False,
            "by_funding_source": "_funding_by_source",
        }
        measures["funding.non_project_share"] = {
            "name": self.env._("Non-project funding share"),
            "unit": "percent",
            "compute": "_measure_funding_non_project_share",
            "records": "_measure_funding_records",
            "regional": False,
            "missing": None,  # no funding yet: no share, not 0 %
        }
        return measures

    @api.model
    def _mazpulki_funding_plan(self):
        # the cached xmlid lookup, without env.ref()'s existence query on every measure
        plan_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "mazpulki_strategy.analytic_plan_funding_source", raise_if_not_found=False
        )
        return self.env["account.analytic.plan"].browse(plan_id)

    @api.model
    def _funding_domain(self, year_from, year_to):
        """Analytic lines of income that Odoo's accounting made from posted journal items with a funding source.

        Only accounting makes such lines (see ``account.analytic.line._check_mazpulki_journal_item``): a
        line on a journal item carries the item's own financial account, and volunteers' hour lines,
        which never carry money, are left out even if one pointed at a journal item.
        """
        column = self._mazpulki_funding_plan()._column_name()
        Line = self.env["account.analytic.line"]
        return [
            # first, so that PostgreSQL starts from the journal items' lines, not from every analytic
            # line with a funding source (timesheets of volunteers carry one too)
            ("move_line_id", "!=", False),
            (column, "!=", False),
            ("move_line_id.parent_state", "=", "posted"),
            ("general_account_id.account_type", "in", ("income", "income_other")),
            *([("mazpulki_volunteer_id", "=", False)] if "mazpulki_volunteer_id" in Line._fields else []),
            *self._mazpulki_year_range_domain("date", year_from, year_to),
        ]

    @api.model
    def _funding_by_source(self, year_from, year_to):
        """``{year: {funding_source: amount}}`` from one aggregation of the funding plan's analytic lines.

        Both funding measures read it: within one board call (see the
        registry's ``mazpulki_measure_memo``) the aggregation runs once.
        """
        memo = self.env.context.get("mazpulki_measure_memo")
        key = ("funding.by_source", year_from, year_to)
        if memo is not None and key in memo:
            return memo[key]
        plan = self._mazpulki_funding_plan()
        if not plan:
            return {}
        groups = self.env["account.analytic.line"]._read_group(
            self._funding_domain(year_from, year_to), ["date:year", plan._column_name()], ["amount:sum"]
        )
        result = {}
        for day, account, amount in groups:
            result.setdefault(day.year, {})[account] = amount
        if memo is not None:
            memo[key] = result
        return result

    @api.model
    def _funding_by_kind(self, year_from, year_to):
        """``{year: {kind: amount}}``: the funding by source, summed per kind (project or non-project)."""
        result = {}
        for year, by_source in self._funding_by_source(year_from, year_to).items():
            by_kind = result.setdefault(year, {"project": 0.0, "non_project": 0.0})
            for account, amount in by_source.items():
                by_kind[account.mazpulki_funding_kind or "project"] += amount
        return result

    @api.model
    def _measure_funding_raised(self, year_from, year_to, region_ids=None):
        """Income of posted journal items with a funding source, in the company currency."""
        return {
            year: round(sum(kinds.values()), 2) for year, kinds in self._funding_by_kind(year_from, year_to).items()
        }

    @api.model
    def _measure_funding_non_project_share(self, year_from, year_to, region_ids=None):
        """Non-project funding as a percentage of the funding raised in the year."""
        result = {}
        for year, kinds in self._funding_by_kind(year_from, year_to).items():
            total = sum(kinds.values())
            if total:
                result[year] = round(100.0 * kinds["non_project"] / total, 2)
        return result

    @api.model
    def _measure_funding_records(self, year, region_ids=None):
        return "account.analytic.line", self._funding_domain(year, year)
