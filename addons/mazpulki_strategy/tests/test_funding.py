from odoo import Command
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
        self.assertEqual(values, {2091: 20.0, 2092: 33.33, 2093: 0})

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
