from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestBooks(TransactionCase):
    """The organisation keeps Latvian books in euros; the demo's funding entries survive the chart."""

    def test_company_keeps_latvian_books_in_euros(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(company.chart_template, "lv")
        self.assertEqual(company.country_id, self.env.ref("base.lv"))
        self.assertFalse(company.state_id, "a Latvian address has no US state")

    def test_funding_entries_are_posted_in_euros(self):
        journal = self.env.ref("mazpulki_strategy.demo_journal_funding")
        lines = self.env["account.move.line"].search([("journal_id", "=", journal.id)])
        self.assertEqual(len(lines.move_id), 70)
        self.assertEqual(set(lines.mapped("parent_state")), {"posted"})
        self.assertEqual(lines.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(lines.company_currency_id, self.env.ref("base.EUR"))

    def test_board_funding_figures_of_the_demo(self):
        values = self.env["mazpulki.measure"].mazpulki_measure_values("funding.raised", 2021, 2025)
        self.assertEqual(values, {2021: 107000.0, 2022: 111300.0, 2023: 123600.0, 2024: 132400.0, 2025: 140200.0})

    def test_no_sample_books(self):
        """Neither Odoo's sample invoices nor the sample company of Latvia's chart are in the demo."""
        samples = self.env["ir.model.data"]._mazpulki_demo_samples("account.move", ("account", "l10n_lv"))
        self.assertFalse(samples)
        self.assertFalse(self.env["account.move"].search_count([("move_type", "!=", "entry")]))
        self.assertEqual(self.env["res.company"].search([]), self.env.ref("base.main_company"))

    def test_accountant_journal_items_show_the_funding_source_and_full_dates(self):
        accountant = self.env["res.users"].create(
            {
                "name": "Gunta Grāmatvede",
                "login": "books_accountant",
                "groups_id": [Command.set(self.env.ref("mazpulki_strategy.group_mazpulki_accountant").ids)],
            }
        )
        action = self.env.ref("account.action_account_moves_all")
        view = self.env["account.move.line"].with_user(accountant).get_view(action.view_id.id, "list")
        arch = etree.fromstring(view["arch"])
        [distribution] = arch.xpath("//field[@name='analytic_distribution']")
        self.assertEqual(distribution.get("optional"), "show")
        [date] = arch.xpath("//field[@name='date']")
        self.assertEqual(date.get("width"), "100px", "a Latvian date (2025.09.20.) is wider than Odoo's 80 px")
