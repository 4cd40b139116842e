import io
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestFunding(StrategyCommon):
    """Funding raised and the non-project share from posted journal items, years far from the demo's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Measure = cls.env["mazpulki.measure"]
        cls.income = cls.env["account.account"].create({"name": "Ziedojumi", "code": "T6101", "account_type": "income"})
        cls.expense = cls.env["account.account"].create(
            {"name": "Pasākumu izmaksas", "code": "T7101", "account_type": "expense"}
        )
        cls.bank = cls.env["account.account"].create(
            {"name": "Naudas līdzekļi", "code": "T2611", "account_type": "asset_current"}
        )
        cls.journal = cls.env["account.journal"].create({"name": "Testa žurnāls", "code": "TFND", "type": "general"})
        cls.state = cls.env.ref("mazpulki_strategy.funding_state_budget")
        cls.eu = cls.env.ref("mazpulki_strategy.funding_eu_programmes")
        cls.companies = cls.env.ref("mazpulki_strategy.funding_companies")
        cls.fees = cls.env.ref("mazpulki_strategy.funding_membership_fees")
        # 2091: 1,000 state budget (project) + 250 companies (non-project) = 1,250; 20 % non-project
        cls._entry("2091-03-10", 1000, cls.state)
        cls._entry("2091-11-30", 250, cls.companies)
        # 2092: 1,000 EU + 500 fees = 1,500 (+20 %); 33.33 % non-project; half of a 400 split between EU and fees
        cls._entry("2092-02-01", 800, cls.eu)
        cls._entry("2092-06-01", 400, {cls.eu: 50, cls.fees: 50})
        cls._entry("2092-12-31", 300, cls.fees)
        # not counted: a draft, an expense, income without a funding source
        cls._entry("2092-05-05", 9999, cls.eu, post=False)
        cls._entry("2092-05-05", 777, cls.eu, account=cls.expense)
        cls._entry("2092-05-05", 555, None)
        # 2093: no data

    @classmethod
    def _entry(cls, day, amount, sources, post=True, account=None):
        if isinstance(sources, dict):
            distribution = {str(source.id): share for source, share in sources.items()}
        else:
            distribution = {str(sources.id): 100} if sources else False
        account = account or cls.income
        income_side = {"credit": amount} if account == cls.income else {"debit": amount}
        other_side = {"debit": amount} if account == cls.income else {"credit": amount}
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.journal.id,
                "date": day,
                "line_ids": [
                    Command.create({"account_id": account.id, "analytic_distribution": distribution, **income_side}),
                    Command.create({"account_id": cls.bank.id, **other_side}),
                ],
            }
        )
        if post:
            move.action_post()
        return move

    def test_funding_raised(self):
        values = self.Measure.mazpulki_measure_values("funding.raised", 2090, 2093)
        self.assertEqual(values, {2090: 0, 2091: 1250.0, 2092: 1500.0, 2093: 0})

    def test_non_project_share(self):
        values = self.Measure.mazpulki_measure_values("funding.non_project_share", 2091, 2093)
        # no funding in 2093: no share ("–" on the board), not 0 % (a fall of 33 points)
        self.assertEqual(values, {2091: 20.0, 2092: 33.33, 2093: None})

    def test_growth_and_points(self):
        raised = self.Measure.mazpulki_measure_values("funding.raised", 2091, 2092)
        share = self.Measure.mazpulki_measure_values("funding.non_project_share", 2091, 2092)
        self.assertEqual(self.Board._compared_value("growth_pct", raised, 2092), 20.0)
        self.assertEqual(round(share[2092] - share[2091], 2), 13.33)

    def test_drilldown_counts_the_lines(self):
        model, domain = self.Measure.mazpulki_measure_records("funding.raised", 2092)
        lines = self.env[model].search(domain)
        self.assertEqual(len(lines), 4)  # 800, two halves of 400, 300
        self.assertEqual(sum(lines.mapped("amount")), 1500.0)

    def test_accountant_manages_sources(self):
        accountant = self.env["res.users"].create(
            {
                "name": "Gunta Grāmatvede",
                "login": "funding_accountant",
                "groups_id": [Command.set(self.env.ref("mazpulki_strategy.group_mazpulki_accountant").ids)],
            }
        )
        source = (
            self.env["account.analytic.account"]
            .with_user(accountant)
            .create(
                {
                    "name": "Pašvaldības fonds",
                    "plan_id": self.env.ref("mazpulki_strategy.analytic_plan_funding_source").id,
                    "mazpulki_funding_kind": "project",
                }
            )
        )
        self.assertEqual(source.mazpulki_funding_kind, "project")

    def test_volunteer_in_kind_value_counts_per_funding_source(self):
        """Installing the strategy points the volunteers' in-kind value at the funding-source plan."""
        plan = self.env.ref("mazpulki_strategy.analytic_plan_funding_source")
        param = self.env["ir.config_parameter"].sudo().get_param("mazpulki_volunteer.funding_plan_id")
        self.assertEqual(param, str(plan.id))

    def _patch_in_kind(self):
        """A money measure of another add-on, split over the funding sources (as the volunteers' in-kind value)."""
        Measure = type(self.env["mazpulki.measure"])
        original = Measure._mazpulki_measures
        no_source = self.env["account.analytic.account"]

        def _measures(measure):
            measures = original(measure)
            measures["test.inkind"] = {
                "name": "Test in-kind value",
                "unit": "eur",
                "compute": "_measure_test_inkind",
                "by_funding_source": "_test_inkind_by_source",
            }
            return measures

        def _by_source(measure, year_from, year_to):
            values = {2091: {self.state: 40.0}, 2092: {self.eu: 65.0, no_source: 32.5}}
            return {year: value for year, value in values.items() if year_from <= year <= year_to}

        for patcher in (
            patch.object(Measure, "_mazpulki_measures", _measures),
            patch.object(Measure, "_test_inkind_by_source", _by_source, create=True),
        ):
            patcher.start()
            self.addCleanup(patcher.stop)

    def test_funding_by_source_with_in_kind_beside(self):
        self._patch_in_kind()
        with freeze_time("2092-07-01"):
            data = self.Board.with_user(self.user_board).get_funding_data(2091, 2093)
        codes = [column["code"] for column in data["columns"]]
        self.assertEqual(codes[0], "funding.raised")
        self.assertIn("test.inkind", codes)
        rows = {row["name"]: row["years"] for row in data["rows"]}
        self.assertEqual(rows[self.state.name][2091]["funding.raised"], 1000.0)
        self.assertEqual(rows[self.state.name][2091]["test.inkind"], 40.0)
        self.assertEqual(rows[self.companies.name][2091]["funding.raised"], 250.0)
        self.assertIsNone(rows[self.companies.name][2091]["test.inkind"])
        # 800 + half of 400 for the EU, 300 + the other half for the fees
        self.assertEqual(rows[self.eu.name][2092]["funding.raised"], 1000.0)
        self.assertEqual(rows[self.fees.name][2092]["funding.raised"], 500.0)
        self.assertEqual(rows[self.eu.name][2092]["test.inkind"], 65.0)
        # in-kind value without a funding source gets a row of its own; money raised always has a source
        self.assertEqual(rows["No funding source"][2092]["test.inkind"], 32.5)
        self.assertIsNone(rows["No funding source"][2092]["funding.raised"])
        self.assertEqual(data["totals"][2091]["funding.raised"], 1250.0)
        self.assertEqual(data["totals"][2092]["funding.raised"], 1500.0)
        self.assertEqual(data["totals"][2092]["test.inkind"], 97.5)
        # a year still to come shows nothing
        self.assertEqual(data["totals"][2093], {})
        self.assertEqual(rows[self.eu.name][2093], {})
        kinds = {row["name"]: row["kind"] for row in data["rows"]}
        self.assertEqual(kinds[self.state.name], "Project funding")
        self.assertEqual(kinds[self.companies.name], "Non-project funding")

    def test_volunteer_in_kind_value_is_counted_per_source(self):
        """The volunteers' add-on declares its in-kind value per funding source in the measure registry."""
        spec = self.Measure._mazpulki_measures().get("volunteer.inkind_value")
        if spec is None:
            self.skipTest("mazpulki_volunteer is not installed")
        self.assertEqual(spec["by_funding_source"], "_volunteer_inkind_by_funding_source")
        with freeze_time("2092-07-01"):
            data = self.Board.get_funding_data(2091, 2092)
        self.assertIn("volunteer.inkind_value", [column["code"] for column in data["columns"]])

    def test_funding_screen_access(self):
        with self.assertRaises(AccessError):
            self.Board.with_user(self.user_employee).get_funding_data(2091, 2092)
        with self.assertRaises(AccessError):
            self.Board.with_user(self.user_leader_a).get_funding_data(2091, 2092)

    def test_funding_sheet_of_the_xlsx(self):
        self._patch_in_kind()
        with freeze_time("2092-07-01"):
            content = self.env["mazpulki.strategy.export"].with_user(self.user_board)._board_xlsx(2091, 2092)
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Funding sources"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header[:2], ["Funding source", "Kind"])
        raised_2092 = header.index("2092 Funding raised")
        inkind_2092 = header.index("2092 Test in-kind value")
        rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(rows[self.eu.name][raised_2092], 1000)
        self.assertEqual(rows[self.eu.name][inkind_2092], 65)
        self.assertEqual(rows["Total"][raised_2092], 1500)
        self.assertEqual(rows["Total"][inkind_2092], 97.5)

    def test_board_aggregates_the_funding_once(self):
        """N1a and N1b read the same aggregation: the board runs it once, another call runs it again."""
        Line = type(self.env["account.analytic.line"])
        original = Line._read_group
        calls = []

        def counting(line, domain, groupby=(), aggregates=(), *args, **kwargs):
            if "amount:sum" in aggregates:
                calls.append(tuple(groupby))
            return original(line, domain, groupby, aggregates, *args, **kwargs)

        with patch.object(Line, "_read_group", counting), freeze_time("2094-01-15"):
            rows = {row["code"]: row for row in self.Board.get_board_data(2091, 2093)["rows"]}
            self.assertEqual(len(calls), 1)
            self.Board.get_board_data(2091, 2093)
            self.assertEqual(len(calls), 2)
        self.assertEqual(rows["N1a"]["years"][2092]["value"], 1500.0)
        self.assertEqual(rows["N1b"]["years"][2092]["value"], 33.33)
