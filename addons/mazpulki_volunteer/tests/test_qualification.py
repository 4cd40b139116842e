from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerQualification(MazpulkiVolunteerCommon, HttpCase):
    """Shifts with minors take only volunteers with the role's qualifications; a young volunteer sees her own
    qualifications on /my/volunteering, never anyone else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Kind = cls.env["mazpulki.qualification.kind"]
        cls.first_aid = Kind.create({"name": "Pirmā palīdzība", "validity_years": 3, "grace_months": 6})
        cls.role = cls.env.ref("mazpulki_members.qualification_role_shift_minors")
        cls.role.kind_ids = cls.first_aid
        cls.shift = cls.env["mazpulki.volunteer.shift"].create(
            {
                "name": "Bērnu rotaļu stūrītis",
                "activity_id": cls.activity_event.id,
                "date_begin": datetime.now() + timedelta(days=2),
                "date_end": datetime.now() + timedelta(days=2, hours=3),
                "seats_max": 3,
                "is_published": True,
                "mazpulki_with_minors": True,
            }
        )

    def _first_aid(self, partner, date_obtained):
        return self.env["mazpulki.qualification"].create(
            {"partner_id": partner.id, "kind_id": self.first_aid.id, "date_obtained": date_obtained}
        )

    def test_shift_with_minors_needs_the_qualification(self):
        with self.assertRaises(UserError) as refusal:
            self.shift._mazpulki_sign_up(self.volunteer_peteris)
        self.assertIn("Pirmā palīdzība (missing)", str(refusal.exception))
        self.assertFalse(self.shift.registration_ids)
        self._first_aid(self.partner_peteris, self.today - relativedelta(years=1))
        self.assertEqual(self.shift._mazpulki_sign_up(self.volunteer_peteris).volunteer_id, self.volunteer_peteris)
        # a shift without minors needs nothing
        self.shift.mazpulki_with_minors = False
        self.assertTrue(self.shift._mazpulki_sign_up(self.volunteer_roberts))

    def test_portal_volunteer_sees_her_own_qualifications(self):
        self._first_aid(self.member_a, self.today - relativedelta(years=3) + timedelta(days=30))
        other = self._first_aid(self.member_b, self.today)
        self.env["mazpulki.qualification"].create(
            {"partner_id": self.member_b.id, "kind_id": self.first_aid.copy({"name": "Glābēja kurss"}).id,
             "date_obtained": self.today}
        )  # fmt: skip
        self.authenticate("madara_portal", "madara_portal")
        page = self.url_open("/my/volunteering").text
        self.assertIn("My qualifications", page)
        self.assertIn("Pirmā palīdzība", page)
        self.assertIn("valid until", page)
        self.assertNotIn("Glābēja kurss", page)
        # and by RPC: her own only, no writing
        Qualification = self.env["mazpulki.qualification"].with_user(self.user_portal_madara)
        self.assertEqual(Qualification.search([]).partner_id, self.member_a)
        with self.assertRaises(AccessError):
            other.with_user(self.user_portal_madara).read(["kind_id"])
        with self.assertRaises(AccessError):
            Qualification.search([]).write({"date_obtained": self.today})
        # the shift with minors refuses her on the portal too, with the reason
        self.env["mazpulki.qualification"].search([("partner_id", "=", self.member_a.id)]).unlink()
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        response = self.url_open(f"/my/volunteering/shift/{self.shift.id}/sign_up", data={"csrf_token": token})
        self.assertIn("Pirmā palīdzība (missing)", response.text)
        self.assertFalse(self.shift.registration_ids)
