from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import format_date

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestPortal(MazpulkiCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Madara (15) uses the portal herself; Roberts (11) through his father.
        cls.member_a.email = "madara@example.lv"
        cls.user_madara = new_test_user(
            cls.env,
            login="madara",
            groups="base.group_portal",
            partner_id=cls.member_a.id,
            name=cls.member_a.name,
            email=cls.member_a.email,
        )
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.env["mazpulki.consent"].create(
            {"member_id": cls.member_b.id, "given_by_id": cls.father_b.id, "consent_type": "data_processing"}
        )
        cls.user_father = new_test_user(
            cls.env,
            login="andris",
            groups="base.group_portal",
            partner_id=cls.father_b.id,
            name=cls.father_b.name,
            email=cls.father_b.email,
        )

    def test_tour_member_sees_qr_card(self):
        self.start_tour("/my", "mazpulki_portal_membership", login="madara")
        self.assertEqual(self.member_a.phone, "+371 29123456")

    def test_member_cannot_open_another_members_page(self):
        self.authenticate("madara", "madara")
        for url in (f"/my/membership/{self.member_b.id}", f"/my/membership/{self.member_b.id}/card"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Roberts", response.text)
                self.assertNotIn(self.member_b.member_number, response.text)
        # A forged POST changes nothing either.
        response = self.url_open(
            f"/my/membership/{self.member_b.id}", data={"phone": "+371 20000000", "csrf_token": self.csrf_token()}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.member_b.phone)

    def csrf_token(self):
        return (
            self.url_open("/my/membership/%d" % self.member_a.id)
            .text.split('name="csrf_token" value="')[1]
            .split('"')[0]
        )

    def test_guardian_sees_child_and_card(self):
        self.authenticate("andris", "andris")
        listing = self.url_open("/my/membership")
        # A parent sees the list of their children, even of one.
        self.assertTrue(listing.url.endswith("/my/membership"))
        self.assertIn("My Children", listing.text)
        self.assertIn(f'href="/my/membership/{self.member_b.id}"', listing.text)
        response = self.url_open(f"/my/membership/{self.member_b.id}")
        self.assertIn("Roberts Vītols", response.text)
        self.assertIn("data:image/png;base64,", response.text)
        # The parent reads about their child's card, and finds the way back to the list.
        self.assertIn("Your child's QR card", response.text)
        self.assertIn("Download your child's card (PDF)", response.text)
        breadcrumbs = response.text.split("o_portal_submenu")[1].split("</ol>")[0]
        self.assertIn('href="/my/membership"', breadcrumbs)
        self.assertIn("My Children", breadcrumbs)
        pdf = self.url_open(f"/my/membership/{self.member_b.id}/card")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        self.assertEqual(self.url_open(f"/my/membership/{self.member_a.id}").status_code, 404)

    def test_invalid_input_is_shown_back_and_not_saved(self):
        self.authenticate("madara", "madara")
        token = self.csrf_token()
        response = self.url_open(
            f"/my/membership/{self.member_a.id}",
            data={"email": "madara(at)example", "city": "Tukums", "phone": "", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Enter a valid e-mail address", response.text)
        # What was typed is still in the form, and nothing was written.
        self.assertIn('value="madara(at)example"', response.text)
        self.assertIn('value="Tukums"', response.text)
        self.assertEqual(self.member_a.email, "madara@example.lv")
        self.assertFalse(self.member_a.city)

    def test_child_without_consent_has_no_portal_page(self):
        # Roberts got access with his father's consent; once it is withdrawn he sees nothing.
        user_roberts = new_test_user(
            self.env, login="roberts", groups="base.group_portal", partner_id=self.member_b.id, name=self.member_b.name
        )
        self.member_b.consent_ids.date_withdrawn = self.today
        self.authenticate(user_roberts.login, user_roberts.login)
        self.assertEqual(self.url_open(f"/my/membership/{self.member_b.id}").status_code, 404)
        listing = self.url_open("/my/membership").text
        self.assertIn("There is no membership to show", listing)
        self.assertNotIn(f"/my/membership/{self.member_b.id}", listing)

    def test_home_counts_memberships(self):
        self.authenticate("andris", "andris")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mazpulki_member_count"]})
        self.assertEqual(counters["mazpulki_member_count"], 1)
        self.assertLess(self.member_b.birthdate_date, self.today - relativedelta(years=10))

    def _post_account(self, **fields):
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        country = str(self.env.ref("base.lv").id)
        return self.url_open("/my/account", data={"country_id": country, "csrf_token": token, **fields})

    def test_my_account_keeps_registry_rules_for_a_member(self):
        """Odoo's /my/account validates like "My membership" and leaves the name to the office."""
        self.authenticate("madara", "madara")
        page = self.url_open("/my/account")
        self.assertNotIn('name="company_name"', page.text)
        self.assertNotIn('name="vat"', page.text)
        self.assertIn("o_mazpulki_registry_note", page.text)

        response = self._post_account(
            name="Madara Citādā",
            email="madara@example.lv",
            phone="12",
            zipcode="LV-3016-EXTRA-LONG",
            company_name="Madaras SIA",
            vat="LV40003000000",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("at least 8 digits", response.text)
        self.assertIn("at most 10 characters", response.text)
        self.assertIn("kept in the Mazpulki registry", response.text)
        # What was typed is shown back; nothing was stored.
        self.assertIn("LV-3016-EXTRA-LONG", response.text)
        self.member_a.invalidate_recordset()
        self.assertEqual(self.member_a.name, "Madara Liepiņa")
        self.assertFalse(self.member_a.phone)
        self.assertFalse(self.member_a.zip)

    def test_my_account_saves_valid_contact_details_of_a_guardian(self):
        self.authenticate("andris", "andris")
        response = self._post_account(
            email="andris@example.lv", phone="+371 29111222", zipcode="LV-3001", city="Jelgava", street="Lielā iela 1"
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my/home"), response.url)
        self.father_b.invalidate_recordset()
        self.assertEqual(
            (self.father_b.name, self.father_b.phone, self.father_b.zip, self.father_b.city),
            ("Andris Vītols", "+371 29111222", "LV-3001", "Jelgava"),
        )

    def test_membership_page_shows_the_first_joining(self):
        first_join = self.today.replace(year=self.year - 3, month=9, day=12)
        self.env["mazpulki.membership"].create(
            {"member_id": self.member_a.id, "club_id": self.club_a.id, "year": self.year - 2, "date_join": first_join}
        )
        self.authenticate("madara", "madara")
        page = self.url_open(f"/my/membership/{self.member_a.id}").text
        self.assertIn("Member since", page)
        self.assertIn(format_date(self.env, first_join), page)
        # This year's record was created today; it is no new joining.
        self.assertNotIn(format_date(self.env, self.today), page)

    def test_member_breadcrumbs_lead_home(self):
        self.authenticate("madara", "madara")
        response = self.url_open("/my/membership")
        self.assertTrue(response.url.endswith(f"/my/membership/{self.member_a.id}"))
        breadcrumbs = response.text.split("o_portal_submenu")[1].split("</ol>")[0]
        self.assertIn('href="/my/home"', breadcrumbs)
        self.assertIn("My Membership", breadcrumbs)
        # No link back to /my/membership: it would only come back here.
        self.assertNotIn('href="/my/membership"', breadcrumbs)
        self.assertIn("Your QR card", response.text)

    def test_home_tile_has_the_size_of_odoos_tiles(self):
        """The tile's pictogram is a 64 px SVG like Odoo's own (sale's bag.svg), not the 256 px app icon."""
        self.authenticate("madara", "madara")
        home = self.url_open("/my/home").text
        self.assertIn("/mazpulki_members/static/src/img/portal_membership.svg", home)
        # No add-on of the suite puts its 256 px app icon on a tile.
        self.assertNotIn("/static/description/icon.png", home)

    def test_name_column_and_address_labels_are_the_suites_own(self):
        """Labels the suite translates itself: "Name and Surname", "Postal Code", "Street (line 2)"."""
        Partner = self.env["res.partner"]
        arch = Partner.get_view(self.env.ref("mazpulki_members.res_partner_view_list_member").id)["arch"]
        self.assertIn('string="Name and Surname"', arch)
        form = Partner.get_view(self.env.ref("mazpulki_members.res_partner_view_form_member").id)["arch"]
        self.assertIn('string="Postal Code"', form)
        self.authenticate("madara", "madara")
        account = self.url_open("/my/account").text
        self.assertIn("Postal Code", account)
        self.assertIn("Street (line 2)", account)
        self.assertIn("Name and Surname", account)
        self.assertNotIn("Zip / Postal Code", account)
