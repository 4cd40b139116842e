from odoo.tests import tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestLatvian(StrategyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_strategy")])._update_translations(["lv_LV"])

    def test_targets_speak_latvian(self):
        target = self.env.ref("mazpulki_strategy.target_m1").with_context(lang="lv_LV")
        self.assertEqual(target.name, "Īstenotie projekti")
        self.assertEqual(target.with_context(lang="en_US").name, "Projects carried out")
        area = self.env.ref("mazpulki_strategy.area_1_2").with_context(lang="lv_LV")
        self.assertEqual(area.name, "Mazpulku vadītāji")

    def test_funding_source_form_in_euros_and_latvian(self):
        """Odoo's analytic account form, where the accountant opens a funding source: a euro, and Latvian."""
        self.env["ir.module.module"]._mazpulki_load_extra_terms("mazpulki_strategy")
        self.env.invalidate_all()
        arch = self.env["account.analytic.account"].with_context(lang="lv_LV").get_views([(False, "form")])
        form = arch["views"]["form"]["arch"]
        self.assertIn('icon="fa-eur"', form)
        self.assertNotIn("fa-usd", form)
        self.assertIn("Bruto peļņa", form)
        fields = self.env["account.analytic.account"].with_context(lang="lv_LV").fields_get(["code", "name"])
        self.assertEqual(fields["code"]["string"], "Atsauce")
        self.assertEqual(fields["name"]["string"], "Analītiskais konts")
