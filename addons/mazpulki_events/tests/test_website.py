from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestWebsiteRegistration(MazpulkiEventsCommon, HttpCase):
    """A member logged in on the website registers with the data of the registry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.camp.write({"website_published": True, "mazpulki_guardian_approval": True})
        cls.member_a.write({"email": "madara@example.lv", "phone": "+371 20000001"})
        cls.mother_a = cls._create_guardian(cls.member_a, "Inga Liepiņa")
        cls.registration_a.unlink()
        cls.user_madara = new_test_user(
            cls.env,
            login="madara",
            groups="base.group_portal",
            partner_id=cls.member_a.id,
            name=cls.member_a.name,
            email=cls.member_a.email,
        )

    def test_member_registers_on_the_website(self):
        self.authenticate("madara", "madara")
        form = self.make_jsonrpc_request(f"/event/{self.camp.id}/registration/new", {"nb_register-0": 1})
        self.assertIn("Madara Liepiņa", form)
        self.assertIn("madara@example.lv", form)
        questions = {q.question_type: q for q in self.camp.question_ids}
        post = {"csrf_token": http.Request.csrf_token(self), "1-event_ticket_id": "0"}
        post[f"1-name-{questions['name'].id}"] = "Madara Liepiņa"
        post[f"1-email-{questions['email'].id}"] = "madara@example.lv"
        if "phone" in questions:
            post[f"1-phone-{questions['phone'].id}"] = "+371 20000001"
        response = self.url_open(f"/event/{self.camp.id}/registration/confirm", data=post)
        self.assertEqual(response.status_code, 200)
        registration = self.env["event.registration"].search(
            [("event_id", "=", self.camp.id), ("partner_id", "=", self.member_a.id)]
        )
        self.assertEqual(registration.mazpulki_member_id, self.member_a)
        self.assertEqual(registration.mazpulki_club_id, self.club_a)
        # Madara is 15: her mother approves on the portal before she can be checked in.
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        self.assertTrue(self.env["mail.mail"].search([("recipient_ids", "in", self.mother_a.ids)]))
