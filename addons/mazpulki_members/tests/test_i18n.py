from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestLatvian(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_members")])._update_translations(["lv_LV"])

    def test_validation_messages_speak_latvian(self):
        member = self.member_a.with_context(lang="lv_LV")
        with self.assertRaises(ValidationError) as caught:
            member.personal_code = "12345"
        message = str(caught.exception)
        self.assertNotIn("is not a valid Latvian personal code", message)
        self.assertIn("12345", message)

    def test_menu_and_fields_speak_latvian(self):
        club_field = self.env["res.partner"].with_context(lang="lv_LV").fields_get(["mazpulki_club_id"])
        self.assertEqual(club_field["mazpulki_club_id"]["string"], "Mazpulks")
        region = self.env.ref("mazpulki_members.region_riga").with_context(lang="lv_LV")
        self.assertEqual(region.name, "Rīga/Pierīga")

    def test_moving_a_member_to_another_club_is_refused_in_latvian(self):
        member = self.member_a.with_user(self.user_leader_a).with_context(lang="lv_LV")
        with self.assertRaises(UserError) as caught:
            member.mazpulki_club_id = self.club_b
        message = str(caught.exception)
        self.assertIn("nav jūsu vadīts mazpulks", message)
        self.assertIn("Pieprasīt pārcelšanu", message)
        self.assertNotIn("access", message)

    def test_member_list_name_column_reads_vards_uzvards(self):
        view = self.env.ref("mazpulki_members.res_partner_view_list_member")
        arch = self.env["res.partner"].with_context(lang="lv_LV").get_view(view.id)["arch"]
        self.assertIn('string="Vārds, uzvārds"', arch)

    def test_odoos_own_terms_the_office_meets_speak_latvian(self):
        # Odoo 18 leaves "Download (vCard)" in the contacts' Actions menu untranslated; i18n_extra/lv.po fills it
        action = self.env.ref("web.download_contact").with_context(lang="lv_LV")
        self.assertEqual(action.name, "Lejupielādēt (vCard)")
