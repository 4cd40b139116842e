from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestEventAccess(MazpulkiEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_desk = new_test_user(
            cls.env, login="desk", name="Galda Lietotājs", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        cls.registration_b = cls.env["event.registration"].create(
            {"event_id": cls.camp.id, "partner_id": cls.member_b.id}
        )
        cls.guardian_a = cls._create_guardian(cls.member_a, "Inga Liepiņa")

    def test_desk_scans_but_sees_no_personal_data(self):
        result = self.scan(self.code_a, user=self.user_desk)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertNotIn("personal_code", result)
        self.assertNotIn("birthdate_date", result)
        registration = self.registration_a.with_user(self.user_desk)
        self.assertEqual(registration.name, "Madara Liepiņa")
        with self.assertRaises(AccessError):
            self.member_a.with_user(self.user_desk).read(["name"])
        for model in ("mazpulki.guardian", "mazpulki.consent", "mazpulki.member.card"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_desk).search([])

    def test_leader_sees_own_clubs_registrations(self):
        Registration = self.env["event.registration"].with_user(self.user_leader_a)
        visible = Registration.search([("event_id", "=", self.camp.id)])
        self.assertEqual(visible, self.registration_a)
        with self.assertRaises(AccessError):
            self.registration_b.with_user(self.user_leader_a).read(["name"])
        visible_b = (
            self.env["event.registration"].with_user(self.user_leader_b).search([("event_id", "=", self.camp.id)])
        )
        self.assertEqual(visible_b, self.registration_b)

    def test_leader_cannot_scan_or_edit(self):
        with self.assertRaises(AccessError):
            self.scan(self.code_a, user=self.user_leader_a)
        with self.assertRaises(AccessError):
            self.registration_a.with_user(self.user_leader_a).write({"name": "Cits"})

    def test_leader_sees_own_attendance_only(self):
        self.scan(self.code_a)
        self.scan(self.code_b)
        Attendance = self.env["mazpulki.event.attendance"]
        self.assertEqual(
            Attendance.with_user(self.user_leader_a).search([("event_id", "=", self.camp.id)]).registration_id,
            self.registration_a,
        )
        self.assertEqual(len(Attendance.with_user(self.user_desk).search([("event_id", "=", self.camp.id)])), 2)

    def test_leader_opens_the_event_form(self):
        """Leaders read events (and what an event form shows) without editing them."""
        camp = self.camp.with_user(self.user_leader_a)
        camp.read(["name", "event_mail_ids", "event_ticket_ids", "question_ids", "stage_id", "tag_ids"])
        self.registration_a.with_user(self.user_leader_a).read(["registration_answer_ids", "event_ticket_id"])
        with self.assertRaises(AccessError):
            camp.write({"name": "Cita nometne"})
