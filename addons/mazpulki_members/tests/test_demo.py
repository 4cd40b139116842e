from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo shows the organisation: its own people, not Odoo's samples."""

    def test_no_sample_contact_of_odoo_is_active(self):
        samples = self.env["ir.model.data"]._mazpulki_demo_samples("res.partner", ("base",))
        kept = self.env["res.company"].search([]).partner_id | self.env["res.users"].search([]).partner_id
        self.assertFalse((samples - kept).filtered("active"), "Azure Interior and the like are archived")
        self.assertFalse(self.env["res.partner"].search_count([("name", "=like", "Azure Interior%")]))
        self.assertFalse(self.env.ref("base.user_demo").active)
        self.assertFalse(self.env.ref("base.demo_user0").active, "no sample portal login")

    def test_the_office_is_a_latvian_person(self):
        admin = self.env.ref("base.partner_admin")
        self.assertNotIn("Mitchell", admin.name)
        self.assertEqual(admin.name, "Dace Jansone")
        self.assertEqual(admin.country_id, self.env.ref("base.lv"))
        self.assertFalse(admin.state_id)

    def test_every_demo_member_has_a_gender(self):
        Partner = self.env["res.partner"].with_context(active_test=False)
        self.assertTrue(Partner.search_count([("is_mazpulki_member", "=", True)]))
        self.assertFalse(Partner.search([("is_mazpulki_member", "=", True), ("mazpulki_gender", "=", False)]))


@tagged("post_install", "-at_install")
class TestLogInLink(TransactionCase):
    def test_the_header_link_logs_in_not_signs_up(self):
        """Odoo's Latvian for the header's "Sign in" reads "Piereģistrēties" (sign up): the link says log in."""
        self.env["res.lang"]._activate_lang("lv_LV")
        modules = self.env["ir.module.module"].search([("name", "in", ("portal", "mazpulki_members"))])
        modules._update_translations(["lv_LV"])
        arch = self.env.ref("portal.user_sign_in").with_context(lang="lv_LV").get_combined_arch()
        self.assertIn("Pieteikties", arch)
        self.assertNotIn("Piereģistrēties", arch)
