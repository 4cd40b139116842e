import json

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import MazpulkiCommon
from .website_common import MazpulkiPublicSiteCase


@tagged("post_install", "-at_install")
class TestPublicSite(MazpulkiPublicSiteCase):
    """The public site is the organisation's: no page an anonymous visitor reaches shows Odoo's samples."""

    def test_public_pages_show_no_odoo_samples(self):
        for path in ("/", "/contactus", "/contactus-thank-you", "/clubs", "/web/login"):
            with self.subTest(path=path):
                self.assert_public_page_is_ours(path)
        with self.subTest(path="404"):
            self.assert_public_page_is_ours("/no-such-page-on-the-site", status=404)

    def test_contact_page_is_the_offices_in_latvian(self):
        company = self.env.company
        company.write({"street": "Kalnciema iela 2", "city": "Rīga", "zip": "LV-1048", "phone": "+371 67 000 000",
                       "email": "info@mazpulki.lv"})  # fmt: skip
        page = self.assert_public_page_is_ours("/contactus")
        for detail in ("Kalnciema iela 2", "+371 67 000 000", "info@mazpulki.lv", company.name):
            self.assertIn(detail, page)
        # The form's labels and the page speak Latvian; the form leaves a message for the office.
        for latvian in ("Sazināties ar biroju", "Jūsu vārds", "Tālrunis", "E-pasts", "Temats", "Ziņa", "Nosūtīt"):
            self.assertIn(latvian, page)
        self.assertIn('data-model_name="mazpulki.contact.message"', page)
        self.assertNotIn("Your name", page)

    def test_contact_form_leaves_a_message_with_only_the_forms_fields(self):
        """Odoo's website form writes the whitelisted fields only: a visitor cannot mark her message answered."""
        response = self.url_open(
            "/website/form/mazpulki.contact.message",
            data={
                "contact_name": "Laura Tūre",
                "email_from": "laura.ture@example.lv",
                "phone": "+371 26114455",
                "name": "Nometne",
                "description": "Vai nometnē var ēst bez glutēna?",
                "state": "done",
                "user_id": str(self.env.ref("base.user_admin").id),
            },
        )
        record_id = json.loads(response.text)["id"]
        message = self.env["mazpulki.contact.message"].browse(record_id)
        self.assertEqual(message.contact_name, "Laura Tūre")
        self.assertEqual(message.state, "new")
        self.assertFalse(message.user_id)
        # the fields the form did not know went to the message's text, as Odoo's form does with custom fields
        self.assertIn("Vai nometnē var ēst bez glutēna?", message.description)

    def test_clubs_search_and_region_filter(self):
        region_vidzeme = self.env.ref("mazpulki_members.region_vidzeme")
        region_kurzeme = self.env.ref("mazpulki_members.region_kurzeme")
        Club = self.env["mazpulki.club"]
        Club.create(
            [
                {"name": "Kuldīgas testa mazpulks", "number": "T-901", "region_id": region_kurzeme.id,
                 "municipality": "Kuldīgas novads"},
                {"name": "Cēsu testa mazpulks", "number": "T-902", "region_id": region_vidzeme.id,
                 "municipality": "Cēsu novads", "meeting_place": "Cēsu Valsts ģimnāzija"},
            ]
        )  # fmt: skip
        # without diacritics, in capitals, as a phone's keyboard types it
        page = self.url_open("/clubs?search=KULDIGA").text
        self.assertIn("Kuldīgas testa mazpulks", page)
        self.assertNotIn("Cēsu testa mazpulks", page)
        # a meeting place is found too
        page = self.url_open("/clubs?search=ģimnāzija").text
        self.assertIn("Cēsu testa mazpulks", page)
        self.assertNotIn("Kuldīgas testa mazpulks", page)
        # the region filter
        page = self.url_open(f"/clubs?region={region_vidzeme.id}").text
        self.assertIn("Cēsu testa mazpulks", page)
        self.assertNotIn("Kuldīgas testa mazpulks", page)
        self.assertIn(f'<option value="{region_vidzeme.id}" selected="selected"', page)
        # nothing found: said so, not an empty page; a bad region is ignored
        page = self.url_open(f"/clubs?search=Kuldīga&region={region_vidzeme.id}").text
        self.assertIn("o_mazpulki_clubs_none", page)
        page = self.url_open("/clubs?region=abc").text
        self.assertIn("Kuldīgas testa mazpulks", page)
        self.assertIn("Cēsu testa mazpulks", page)
        # in Latvian
        page = self.url_open("/lv/clubs?search=Cesu").text
        self.assertIn("Visi reģioni", page)
        self.assertIn("Cēsu testa mazpulks", page)


@tagged("post_install", "-at_install")
class TestContactFormTour(MazpulkiPublicSiteCase):
    """A parent writes to the office from the contact page on a 390-px phone; the office sees the message."""

    browser_size = "390x844"
    touch_enabled = True

    def test_tour_contact_form_reaches_the_office(self):
        self.env.company.street = "Kalnciema iela 2"
        self.start_tour("/lv/contactus", "mazpulki_contactus")
        message = self.env["mazpulki.contact.message"].search([("email_from", "=", "laura.ture@example.lv")])
        self.assertEqual(len(message), 1)
        self.assertEqual(message.name, "Nometne ar diētu")
        self.assertEqual(message.phone, "+371 26114455")
        self.assertEqual(message.state, "new")
        office = new_test_user(self.env, login="office_reader", groups="mazpulki_members.group_mazpulki_officer")
        self.assertEqual(
            self.env["mazpulki.contact.message"].with_user(office).search([("state", "=", "new")]), message
        )


@tagged("post_install", "-at_install")
class TestContactMessageAccess(MazpulkiCommon):
    """Messages to the office may be about any club or family: only the office reads them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.message = cls.env["mazpulki.contact.message"].create(
            {"contact_name": "Laura Tūre", "email_from": "laura@example.lv", "name": "Jautājums", "description": "?"}
        )
        cls.user_portal = cls._create_portal_user(cls.member_a, "madara_portal")

    def test_only_the_office_reads_messages(self):
        self.assertEqual(self.message.with_user(self.user_officer).contact_name, "Laura Tūre")
        self.message.with_user(self.user_officer).action_mark_done()
        self.assertEqual(self.message.state, "done")
        self.assertEqual(self.message.user_id, self.user_officer)
        for user in (self.user_leader_a, self.user_employee, self.user_portal):
            with self.subTest(user=user.login), mute_logger("odoo.addons.base.models.ir_model"):
                with self.assertRaises(AccessError):
                    self.message.with_user(user).read(["contact_name"])
                with self.assertRaises(AccessError):
                    self.env["mazpulki.contact.message"].with_user(user).create(
                        {"contact_name": "X", "email_from": "x@example.lv", "name": "X", "description": "X"}
                    )

    def test_the_office_roles_menu(self):
        menu = self.env.ref("mazpulki_members.mazpulki_contact_message_menu")
        visible = self.env["ir.ui.menu"].with_user(self.user_officer)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.user_leader_a)._visible_menu_ids())

    def test_answered_messages_are_deleted_after_a_year(self):
        self.message.state = "done"
        self.message.flush_recordset()
        self.env.cr.execute(
            "UPDATE mazpulki_contact_message SET write_date = now() - interval '13 months' WHERE id = %s",
            [self.message.id],
        )
        self.message.invalidate_recordset()
        fresh = self.message.copy({"state": "done"})
        waiting = self.message.copy({"state": "new"})
        self.env["mazpulki.contact.message"]._gc_answered_messages()
        self.assertFalse(self.message.exists())
        self.assertTrue(fresh.exists())
        self.assertTrue(waiting.exists())
