from odoo.tests import tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestWords(MazpulkiCommon):
    """Issue 23's words: Odoo's English and wrong Latvian on the screens the suite's users meet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        modules = cls.env["ir.module.module"].search([("name", "in", ("mazpulki_members", "mail", "portal"))])
        modules._update_translations(["lv_LV"])
        cls.env["ir.module.module"]._mazpulki_load_extra_terms("mazpulki_members")

    def _arch(self, xmlid, lang="lv_LV"):
        return self.env.ref(xmlid).with_context(lang=lang).arch_db

    def test_chatter_of_a_done_activity_speaks_latvian(self):
        arch = self._arch("mail.message_activity_done")
        self.assertIn("Atsauksme:", arch)
        self.assertIn("Sākotnējā piezīme:", arch)
        self.assertNotIn("Feedback:", arch)
        todo = self.env.ref("mail.mail_activity_data_todo").with_context(lang="lv_LV")
        self.assertEqual(todo.name, "Uzdevums")
        # the summary's colon follows the word: "Uzdevums paveikts: Zvanīt vecākiem"
        activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.member_a.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "summary": "Zvanīt vecākiem",
                "user_id": self.env.user.id,
            }
        )
        body = str(
            self.env["ir.qweb"]
            .with_context(lang="lv_LV")
            ._render(
                "mail.message_activity_done",
                {"activity": activity, "feedback": "Sarunāts", "display_assignee": False},
            )
        )
        self.assertIn("Uzdevums</span> paveikts: <span", body)
        self.assertIn("Atsauksme:", body)

    def test_creation_note_reads_as_latvian(self):
        self.assertEqual(
            self.member_a.with_context(lang="lv_LV")._creation_message(),
            f"{self.env['ir.model'].with_context(lang='lv_LV')._get('res.partner').name}: ieraksts izveidots",
        )
        self.assertNotIn("izveidoja", self.member_a.with_context(lang="lv_LV")._creation_message())

    def test_the_public_user_signs_in_latvian(self):
        self.assertEqual(self.env.ref("base.public_partner").name, "Vietnes apmeklētājs")

    def test_clubs_show_without_their_number(self):
        self.assertEqual(self.club_a.display_name, self.club_a.name)
        self.assertNotIn("[", self.club_a.display_name)
        # the office still finds a club by its number
        self.assertIn(self.club_a, self.env["mazpulki.club"].search([("display_name", "ilike", self.club_a.number)]))

    def test_latvia_has_its_43_municipalities(self):
        states = self.env["res.country.state"].search([("country_id", "=", self.env.ref("base.lv").id)])
        self.assertEqual(len(states), 43)
        self.assertEqual(len(states.filtered(lambda s: s.name.endswith(" novads"))), 36)
        self.assertIn("Dienvidkurzemes novads", states.mapped("name"))
        self.assertNotIn("Aglonas novads", states.mapped("name"))
        # an address still on a pre-2021 novads keeps it until the office corrects it
        old = self.env["res.country.state"].create(
            {"country_id": self.env.ref("base.lv").id, "code": "LV-001", "name": "Aglonas novads"}
        )
        self.member_a.state_id = old
        self.env["res.country.state"]._mazpulki_latvian_municipalities()
        self.assertTrue(old.exists())
        self.member_a.state_id = False
        self.env["res.country.state"]._mazpulki_latvian_municipalities()
        self.assertFalse(old.exists())

    def test_portal_address_asks_for_the_municipality(self):
        self.assertIn("Novads / valstspilsēta", self._arch("portal.portal_my_details_fields"))
