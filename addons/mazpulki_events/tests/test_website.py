import json

from dateutil.relativedelta import relativedelta

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

    def _register(self):
        """Madara registers herself for the camp, as the website's form does; the page she is shown."""
        self.authenticate("madara", "madara")
        self.make_jsonrpc_request(f"/event/{self.camp.id}/registration/new", {"nb_register-0": 1})
        questions = {q.question_type: q for q in self.camp.question_ids}
        post = {"csrf_token": http.Request.csrf_token(self), "1-event_ticket_id": "0"}
        post[f"1-name-{questions['name'].id}"] = "Madara Liepiņa"
        post[f"1-email-{questions['email'].id}"] = "madara@example.lv"
        if "phone" in questions:
            post[f"1-phone-{questions['phone'].id}"] = "+371 20000001"
        return self.url_open(f"/event/{self.camp.id}/registration/confirm", data=post)

    def _tickets_url(self, registrations):
        ids = json.dumps(registrations.ids)
        tickets_hash = self.camp._get_tickets_access_hash(registrations.ids)
        return f"/event/{self.camp.id}/my_tickets?registration_ids={ids}&tickets_hash={tickets_hash}&responsive_html=1"

    def test_minor_is_told_she_waits_for_her_guardian_and_gets_no_ticket(self):
        page = self._register()
        self.assertEqual(page.status_code, 200)
        registration = self.env["event.registration"].search(
            [("event_id", "=", self.camp.id), ("partner_id", "=", self.member_a.id)]
        )
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        # Not "confirmed", no ticket: the page says the registration waits for a guardian.
        self.assertNotIn("Registration confirmed!", page.text)
        self.assertIn("waiting for a guardian", page.text)
        self.assertIn("o_mazpulki_waiting_guardian", page.text)
        self.assertNotIn("my_tickets", page.text)
        # Nor by the tickets' address.
        self.assertEqual(self.url_open(self._tickets_url(registration)).status_code, 404)
        # Her mother approves: the ticket is hers.
        registration.action_mazpulki_approve(guardian=self.mother_a)
        ticket = self.url_open(self._tickets_url(registration))
        self.assertEqual(ticket.status_code, 200)
        self.assertIn("Madara Liepiņa", ticket.text)

    def test_adult_member_is_confirmed_with_tickets(self):
        self.member_a.birthdate_date = self.today - relativedelta(years=19, days=20)
        page = self._register()
        self.assertIn("Registration confirmed!", page.text)
        self.assertNotIn("o_mazpulki_waiting_guardian", page.text)
        self.assertIn("my_tickets", page.text)

    def test_tour_minor_registers_on_the_website(self):
        self.start_tour(f"/event/{self.camp.id}/register", "mazpulki_events_minor_registration", login="madara")
        registration = self.env["event.registration"].search(
            [("event_id", "=", self.camp.id), ("partner_id", "=", self.member_a.id)]
        )
        self.assertEqual(registration.mazpulki_approval_state, "pending")

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
