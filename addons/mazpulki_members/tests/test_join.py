import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJoinForm(HttpCase):
    """The public club finder and the enrolment form, and what they refuse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.club = cls.env["mazpulki.club"].create(
            {
                "name": "Testa mazpulks",
                "number": "T-901",
                "region_id": cls.env.ref("mazpulki_members.region_kurzeme").id,
                "municipality": "Tukuma novads",
                "meeting_place": "Testa skola, trešdienās",
                "public_email": "testa.skola@example.lv",
            }
        )
        cls.leader = new_test_user(
            cls.env,
            login="test_join_leader",
            email="leader.private@example.lv",
            groups="mazpulki_members.group_mazpulki_leader",
        )
        cls.env["mazpulki.club.leader"].create(
            {"club_id": cls.club.id, "partner_id": cls.leader.partner_id.id, "date_start": "2020-01-01"}
        )
        cls.join_url = f"/clubs/{cls.env['ir.http']._slug((cls.club.id, cls.club.name))}/join"
        cls.Application = cls.env["mazpulki.member.application"]
        cls.env["ir.config_parameter"].set_param("mazpulki_members.application_rate_limit", 5)

    def _form(self, **values):
        return {
            "applicant": "guardian",
            "name": "Emīls Kalējs",
            "birthdate_date": str(self.today - relativedelta(years=8, days=20)),
            "school_name": "Testa skola",
            "school_grade": "2.a",
            "guardian_name": "Laura Kalēja",
            "guardian_relation": "mother",
            "guardian_email": "laura.kaleja@example.lv",
            "guardian_phone": "+371 26114455",
            "consent_data_processing": "1",
            "homepage": "",
            **values,
        }

    def _csrf_token(self):
        response = self.url_open(self.join_url)
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def _post(self, token, **values):
        return self.url_open(self.join_url, data={**self._form(**values), "csrf_token": token}, allow_redirects=False)

    def _applications(self):
        return self.Application.search([("club_id", "=", self.club.id)])

    def test_club_finder_shows_the_public_contact_never_the_leaders(self):
        response = self.url_open("/clubs")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Testa mazpulks", response.text)
        self.assertIn("Testa skola, trešdienās", response.text)
        self.assertIn("testa.skola@example.lv", response.text)
        self.assertIn(self.join_url, response.text)
        self.assertNotIn("leader.private@example.lv", response.text)

    def test_a_good_application_is_created_and_nothing_else(self):
        token = self._csrf_token()
        partners_before = self.env["res.partner"].search_count([])
        response = self._post(token)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/clubs/thanks"))
        application = self._applications()
        self.assertEqual(application.name, "Emīls Kalējs")
        self.assertEqual(application.sudo().applicant_ip, "127.0.0.1")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "No contact before the decision")
        self.assertEqual(application.activity_ids.user_id, self.leader)

    def test_a_wrong_field_keeps_what_was_typed(self):
        token = self._csrf_token()
        response = self._post(token, guardian_phone="12ab")
        self.assertEqual(response.status_code, 200)
        self.assertIn("at least 8 digits", response.text)
        self.assertIn('value="Emīls Kalējs"', response.text)
        self.assertIn('value="laura.kaleja@example.lv"', response.text)
        self.assertFalse(self._applications())

    def test_an_under_13_without_consent_is_refused(self):
        token = self._csrf_token()
        response = self._post(token, consent_data_processing="")
        self.assertIn("under 13 a parent or guardian must consent", response.text)
        self.assertFalse(self._applications())

    def test_csrf_is_required(self):
        self.url_open(self.join_url)
        response = self.url_open(self.join_url, data=self._form(), allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._applications())

    def test_a_scripted_burst_of_50_is_stopped(self):
        token = self._csrf_token()
        mails_before = self.env["mail.mail"].search_count([])
        # A script filling every field, the hidden one too: answered as if all went well, nothing created.
        for i in range(25):
            response = self._post(token, name=f"Bots Numurs{i}", homepage="http://spam.example.com")
            self.assertEqual(response.status_code, 303)
        self.assertFalse(self._applications())
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before, "No e-mail for spam")
        # A script leaving the hidden field empty: the rate limit stops it after 5 an hour.
        statuses = [self._post(token, name=f"Skripts Numurs{i}").status_code for i in range(25)]
        self.assertEqual(statuses.count(303), 5)
        self.assertEqual(statuses.count(429), 20)
        self.assertEqual(len(self._applications()), 5, "Nothing created past the limit")
        self.assertFalse(self.env["res.partner"].search([("email", "=", "laura.kaleja@example.lv")]))

    def test_a_public_visitor_reads_no_application(self):
        application = self.Application.create(
            {
                **{k: v for k, v in self._form().items() if k != "homepage"},
                "club_id": self.club.id,
                "consent_data_processing": True,
                "applicant": "member",
                "birthdate_date": self.today - relativedelta(years=15),
                "email": "paula@example.lv",
            }
        )
        application._portal_ensure_token()
        confirm = f"/clubs/application/{application.id}/confirm"
        self.assertEqual(self.url_open(confirm).status_code, 404)
        self.assertEqual(self.url_open(f"{confirm}?access_token=wrong").status_code, 404)
        self.assertEqual(self.url_open(f"/clubs/application/{application.id + 1000}/confirm").status_code, 404)
        response = self.url_open(f"{confirm}?access_token={application.access_token}")
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        self.url_open(confirm, data={"csrf_token": token, "access_token": application.access_token})
        self.assertTrue(application.date_guardian_confirmed, "The guardian confirmed from the e-mailed link")
