from contextlib import nullcontext
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerPortal(MazpulkiVolunteerCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.user_portal_madara.lang = "en_US"
        cls.line_peteris = cls._line(cls.volunteer_peteris, 4, name="Pētera slepenā talka")
        cls.event = cls.env["event.event"].create(
            {
                "name": "Testa salidojums Rīgā",
                "date_begin": datetime.now() + timedelta(days=2),
                "date_end": datetime.now() + timedelta(days=3),
            }
        )
        cls.shift = cls.env["mazpulki.volunteer.shift"].create(
            {
                "name": "Testa maiņa pie galda",
                "event_id": cls.event.id,
                "activity_id": cls.activity_event.id,
                "date_begin": datetime.now() + timedelta(days=2),
                "date_end": datetime.now() + timedelta(days=2, hours=3),
                "seats_max": 1,
                "is_published": True,
            }
        )

    def _token(self):
        return self.url_open("/my/volunteering").text.split('name="csrf_token" value="')[1].split('"')[0]

    def test_tour_volunteer_logs_hours_and_sees_them_pending(self):
        self.start_tour("/my", "mazpulki_portal_volunteering", login="madara_portal")
        line = self.env["account.analytic.line"].search([("mazpulki_volunteer_id", "=", self.volunteer_madara.id)])
        self.assertEqual(len(line), 1)
        self.assertEqual(line.unit_amount, 3.5)
        self.assertEqual(line.volunteer_state, "submitted")
        self.assertEqual(line.mazpulki_activity_id, self.activity_talka)

    def test_others_lines_never_shown(self):
        self._line(self.volunteer_madara, 2, name="Madaras talka")
        self.authenticate("madara_portal", "madara_portal")
        page = self.url_open("/my/volunteering").text
        self.assertIn("Madaras talka", page)
        self.assertNotIn("Pētera slepenā talka", page)

    def test_bad_input_shown_back_and_nothing_saved(self):
        self.authenticate("madara_portal", "madara_portal")
        token = self._token()
        future = (self.today + timedelta(days=5)).isoformat()
        cases = [
            ({"hours": "daudz"}, "Enter the hours as a number"),
            ({"hours": "0"}, "more than zero"),
            ({"hours": "25"}, "24 hours"),
            ({"hours": "2", "date": future}, "future"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                data = {
                    "date": self.yesterday.isoformat(),
                    "activity_id": self.activity_talka.id,
                    "name": "Mana ierakstītā talka",
                    "csrf_token": token,
                    **vals,
                }
                response = self.url_open("/my/volunteering", data=data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn('value="Mana ierakstītā talka"', response.text)
                self.assertIn(f'value="{data["hours"]}"', response.text)
        self.assertFalse(
            self.env["account.analytic.line"].search_count([("mazpulki_volunteer_id", "=", self.volunteer_madara.id)])
        )

    def test_shift_sign_up_full_and_cancel(self):
        self.authenticate("madara_portal", "madara_portal")
        token = self._token()
        self.url_open(f"/my/volunteering/shift/{self.shift.id}/sign_up", data={"csrf_token": token})
        registration = self.shift.registration_ids
        self.assertEqual(registration.volunteer_id, self.volunteer_madara)
        page = self.url_open("/my/volunteering").text
        self.assertIn("Cancel my place", page)
        self.assertIn("Testa salidojums Rīgā", page)
        self.url_open(f"/my/volunteering/shift/{self.shift.id}/cancel", data={"csrf_token": token})
        self.assertEqual(registration.state, "cancelled")
        # Pēteris takes the only place: Madara is refused.
        self.shift._mazpulki_sign_up(self.volunteer_peteris)
        response = self.url_open(f"/my/volunteering/shift/{self.shift.id}/sign_up", data={"csrf_token": token})
        self.assertIn("is full", response.text)

    def test_award_certificate_only_own(self):
        award_type = self.env.ref("mazpulki_volunteer.award_type_prize")
        own, other = self.env["mazpulki.volunteer.award"].create(
            [
                {"volunteer_id": self.volunteer_madara.id, "award_type_id": award_type.id, "year": 2001},
                {"volunteer_id": self.volunteer_peteris.id, "award_type_id": award_type.id, "year": 2001},
            ]
        )
        self.authenticate("madara_portal", "madara_portal")
        self.assertIn(f"/my/volunteering/award/{own.id}/certificate", self.url_open("/my/volunteering").text)
        self.assertEqual(self.url_open(f"/my/volunteering/award/{other.id}/certificate").status_code, 404)
        response = self.url_open(f"/my/volunteering/award/{own.id}/certificate")
        self.assertEqual(response.status_code, 200)

    def test_no_profile_no_page(self):
        self.authenticate("leader_a", "leader_a")
        self.assertEqual(self.url_open("/my/volunteering").status_code, 404)

    def test_hours_page_query_count(self):
        """The page reads a volunteer's lines in a fixed number of queries, however many there are."""
        days = [self.yesterday - timedelta(days=n) for n in range(30)]
        self.env["account.analytic.line"].create(
            [
                {"mazpulki_volunteer_id": self.volunteer_madara.id, "mazpulki_activity_id": self.activity_talka.id,
                 "unit_amount": 2, "date": day}
                for day in days
            ]
        )  # fmt: skip
        self.authenticate("madara_portal", "madara_portal")
        self.url_open("/my/volunteering")  # warm the caches
        with self.assertQueryCount(21) if self._suite_alone() else nullcontext():  # 19 with one language, 21 with two
            self.assertEqual(self.url_open("/my/volunteering").status_code, 200)
        # beside other apps (the shop adds its cart to every page) the count is theirs too; ours stays fixed
        before = self.cr.sql_log_count
        self.url_open("/my/volunteering")
        count = self.cr.sql_log_count - before
        self.env["account.analytic.line"].create(
            [
                {"mazpulki_volunteer_id": self.volunteer_madara.id, "mazpulki_activity_id": self.activity_office.id,
                 "unit_amount": 1, "date": day}
                for day in days
            ]
        )  # fmt: skip
        self.url_open("/my/volunteering")  # warm the caches
        before = self.cr.sql_log_count
        self.url_open("/my/volunteering")
        self.assertEqual(self.cr.sql_log_count - before, count)

    def _suite_alone(self):
        return not self.env["ir.module.module"].search_count(
            [("name", "=", "website_sale"), ("state", "=", "installed")]
        )

    def test_withdraw_own_pending_line_only(self):
        pending = self._line(self.volunteer_madara, 2, name="Kļūdaini ierakstīts")
        approved = self._line(self.volunteer_madara, 3, activity=self.activity_office)
        approved.with_user(self.user_coordinator_riga).action_volunteer_approve()
        self.authenticate("madara_portal", "madara_portal")
        token = self._token()
        for line in (approved, self.line_peteris):
            with self.subTest(line=line.name):
                response = self.url_open(f"/my/volunteering/line/{line.id}/delete", data={"csrf_token": token})
                self.assertEqual(response.status_code, 404)
                self.assertTrue(line.exists())
        self.url_open(f"/my/volunteering/line/{pending.id}/delete", data={"csrf_token": token})
        self.assertFalse(pending.exists())
