from odoo.tests import HttpCase, tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestAccountantWords(StrategyCommon):
    """The accountant's dashboard in Latvian (issue 23)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "in", ("account", "mazpulki_strategy"))])._update_translations(
            ["lv_LV"]
        )
        cls.env["ir.module.module"]._mazpulki_load_extra_terms("mazpulki_strategy")

    def test_dashboard_speaks_latvian(self):
        arch = self.env.ref("account.account_journal_dashboard_kanban_view").with_context(lang="lv_LV").arch_db
        for latvian in ("Saņemiet maksājumus tiešsaistē. Sūtiet e-rēķinus.", "Iestatīt banku"):
            self.assertIn(latvian, arch)
        for english in ("Get Paid online", "Bank Setup", "Let artificial intelligence", "Connect your bank"):
            self.assertNotIn(english, arch)


@tagged("post_install", "-at_install")
class TestParentAccountPage(HttpCase):
    def test_no_invoice_sending_preferences_for_a_family(self):
        """/my/account: no "by Email"/"by Post" or e-invoice formats for a parent."""
        self.authenticate("anda", "anda")
        page = self.url_open("/my/account").text
        self.assertIn('name="email"', page)
        self.assertNotIn('name="invoice_sending_method"', page)
        self.assertNotIn('name="invoice_edi_format"', page)
