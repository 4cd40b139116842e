import datetime

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestPortalAbsence(MazpulkiMeetingsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.next_meeting = cls._create_meeting(
            cls.club_a, cls.today + datetime.timedelta(days=7), topic="Ciemos pie bitenieka"
        )
        cls.meeting_b_next = cls._create_meeting(cls.club_b, cls.today + datetime.timedelta(days=7))
        cls.mother = cls._create_guardian(cls.member_a2, "Anda Bērziņa")
        cls._create_portal_user(cls.mother, "anda_club")
        # the father of Roberts (club B): another family
        cls.father_b = cls._create_guardian(cls.member_b, "Aivars Vītols", relation="father")
        cls._create_portal_user(cls.father_b, "aivars_club")

    def _report(self, member, meeting, reason):
        return self.url_open(
            f"/my/meetings/{member.id}/{meeting.id}/absence",
            data={"csrf_token": http.Request.csrf_token(self), "reason": reason},
            allow_redirects=False,
        )

    def test_parent_reports_an_absence_and_the_leader_sees_it(self):
        self.authenticate("anda_club", "anda_club_pass")
        page = self.url_open("/my/meetings")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Ciemos pie bitenieka", page.text)
        self.assertIn("Kārlis Bērziņš", page.text)
        self.assertNotIn("Madara", page.text, "only her own child")
        response = self._report(self.member_a2, self.next_meeting, "  Slims ar   gripu ")
        self.assertEqual(response.status_code, 303)
        attendance = self.next_meeting.attendance_ids
        self.assertEqual(attendance.member_id, self.member_a2)
        self.assertEqual(attendance.state, "excused")
        self.assertEqual(attendance.reason, "Slims ar gripu")
        self.assertEqual(attendance.reported_by_id, self.mother)
        self.assertEqual(attendance.source, "portal")
        self.assertIn("Absence reported", self.url_open("/my/meetings").text)
        # the leader sees it in her roll call
        data = self.next_meeting.with_user(self.user_leader_a).mazpulki_roll_call_data()
        row = next(m for m in data["members"] if m["id"] == self.member_a2.id)
        self.assertEqual(row["ahead"], {"by": "Anda Bērziņa", "reason": "Slims ar gripu"})
        # an empty reason is refused
        response = self._report(self.member_a2, self.next_meeting, "   ")
        self.assertIn("error=reason", response.headers["Location"])
        self.assertEqual(self.next_meeting.attendance_ids.reason, "Slims ar gripu")

    def test_a_parent_of_another_family_cannot(self):
        self.authenticate("aivars_club", "aivars_club_pass")
        self.assertNotIn("Kārlis", self.url_open("/my/meetings").text)
        self.assertEqual(self._report(self.member_a2, self.next_meeting, "Slims").status_code, 404)
        # nor for his son at another club's meeting, nor at a meeting already held
        self.assertEqual(self._report(self.member_b, self.next_meeting, "Slims").status_code, 404)
        self._hold(self.meeting_b, present=[self.member_b])
        self.assertEqual(self._report(self.member_b, self.meeting_b, "Slims").status_code, 404)
        self.assertFalse(self.next_meeting.attendance_ids)
        self.assertEqual(self._report(self.member_b, self.meeting_b_next, "Ekskursija").status_code, 303)

    def test_an_unproved_guardian_sees_nothing(self):
        stranger = self.env["res.partner"].create({"name": "Svešā Persona", "email": "svesa@example.lv"})
        self.env["mazpulki.guardian"].sudo().create(
            {"member_id": self.member_a3.id, "guardian_id": stranger.id, "relation": "other"}
        )
        self._create_portal_user(stranger, "svesa_club")
        self.authenticate("svesa_club", "svesa_club_pass")
        self.assertNotIn("Elza", self.url_open("/my/meetings").text)
        self.assertEqual(self._report(self.member_a3, self.next_meeting, "Slims").status_code, 404)
