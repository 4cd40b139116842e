from datetime import timedelta

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

    def test_waiting_first_and_decisions_only_for_events_to_come(self):
        past, later = self.env["event.event"].create(
            [
                {
                    "name": name,
                    "date_begin": self.now + timedelta(days=begin),
                    "date_end": self.now + timedelta(days=begin + 1),
                    "date_tz": "Europe/Riga",
                    "mazpulki_guardian_approval": True,
                }
                for name, begin in (("Pagājušais pārgājiens", -20), ("Rudens sēņošana", 30))
            ]
        )
        registration_past = self.env["event.registration"].create({"event_id": past.id, "partner_id": self.member_b.id})
        self.registration_b.action_mazpulki_approve(guardian=self.father_b)
        registration_later = self.env["event.registration"].create(
            {"event_id": later.id, "partner_id": self.member_b.id}
        )
        self.authenticate("andris", "andris")
        response = self.url_open("/my/event-approvals")
        self.assertEqual(response.status_code, 200)
        page = response.text
        # What waits comes first: the autumn outing, before the camp (decided) and the past hike.
        self.assertLess(page.index("Rudens sēņošana"), page.index("Testa nometne Ērgļos"))
        self.assertLess(page.index("Rudens sēņošana"), page.index("Pagājušais pārgājiens"))
        self.assertIn("Waiting for your decision: <strong>1</strong>", page)
        # The past hike offers no decision, and refuses one.
        self.assertIn(f"/my/event-approvals/{registration_later.id}/approve", page)
        self.assertNotIn(f"/my/event-approvals/{registration_past.id}/approve", page)
        response = self._decide(registration_past, "approve")
        self.assertIn("The event is over", response.text)
        self.assertEqual(registration_past.mazpulki_approval_state, "pending")

    def test_guardian_is_told_after_approving(self):
        self.authenticate("andris", "andris")
        response = self._decide(self.registration_b, "approve")
        self.assertIn("you approved the registration of Roberts Vītols", response.text)
        self.assertIn("o_mazpulki_approved", response.text)
        response = self._decide(self.registration_b, "decline")
        self.assertIn("You declined the registration of", response.text)

    def test_my_home_counts_what_waits(self):
        self.authenticate("andris", "andris")
        counters = ["mazpulki_approval_count", "mazpulki_approval_all_count"]
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": counters}),
            {"mazpulki_approval_count": 1, "mazpulki_approval_all_count": 1},
        )
        home = self.url_open("/my").text
        self.assertIn("Event registrations to approve", home)
        self._decide(self.registration_b, "approve")
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": counters}),
            {"mazpulki_approval_count": 0, "mazpulki_approval_all_count": 1},
        )
