from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestGuardianPortal(MazpulkiEventsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.camp.mazpulki_guardian_approval = True
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.mother_a = cls._create_guardian(cls.member_a, "Inga Liepiņa")
        cls.user_father = new_test_user(
            cls.env, login="andris", groups="base.group_portal", partner_id=cls.father_b.id, name=cls.father_b.name
        )
        cls.user_mother = new_test_user(
            cls.env, login="inga", groups="base.group_portal", partner_id=cls.mother_a.id, name=cls.mother_a.name
        )
        cls.registration_b = cls.env["event.registration"].create(
            {"event_id": cls.camp.id, "partner_id": cls.member_b.id}
        )

    def _decide(self, registration, decision):
        return self.url_open(
            f"/my/event-approvals/{registration.id}/{decision}",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_child_registration_waits_and_guardian_is_told(self):
        self.assertEqual(self.registration_b.mazpulki_approval_state, "pending")
        self.assertEqual(self.registration_b.state, "draft")
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.father_b.ids)])
        self.assertTrue(mail)
        self.assertIn("Roberts Vītols", mail.subject)
        self.assertIn("/my/event-approvals", mail.body_html)

    def test_guardian_approves_on_the_portal(self):
        self.authenticate("andris", "andris")
        page = self.url_open("/my/event-approvals")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Roberts Vītols", page.text)
        self.assertNotIn("Madara Liepiņa", page.text)
        response = self._decide(self.registration_b, "approve")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.registration_b.mazpulki_approval_state, "approved")
        self.assertEqual(self.registration_b.state, "open")
        self.assertEqual(self.registration_b.mazpulki_approved_by_id, self.father_b)
        self.assertEqual(self.scan(self.code_b)["status"], "confirmed_registration")

    def test_guardian_declines(self):
        self.authenticate("andris", "andris")
        self._decide(self.registration_b, "decline")
        self.assertEqual(self.registration_b.mazpulki_approval_state, "declined")
        self.assertEqual(self.registration_b.state, "cancel")
        self.assertEqual(self.scan(self.code_b)["status"], "canceled_registration")

    def test_other_family_cannot_approve(self):
        self.authenticate("inga", "inga")
        page = self.url_open("/my/event-approvals")
        self.assertNotIn("Roberts Vītols", page.text)
        response = self._decide(self.registration_b, "approve")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.registration_b.mazpulki_approval_state, "pending")
