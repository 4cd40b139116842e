from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mazpulki_events.tests.common import MazpulkiEventsCommon
from odoo.addons.mazpulki_events.tests.test_family_registration import FamilyEventMixin


@tagged("post_install", "-at_install")
class TestFamilyPaidTickets(FamilyEventMixin, MazpulkiEventsCommon, HttpCase):
    """Paid tickets on the website follow the family rules: the child's, approved; a stranger's, a request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hike = cls._create_hike()
        cls.ticket = cls.env["event.event.ticket"].create(
            {
                "name": "Pārgājiena dalība",
                "event_id": cls.hike.id,
                "product_id": cls.env.ref("event_product.product_product_event").id,
                "price": 15.0,
            }
        )
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.user_father = new_test_user(
            cls.env, login="andris", groups="base.group_portal", partner_id=cls.father_b.id, name=cls.father_b.name
        )

    def _post_paid(self, attendees):
        """The attendee form with the paid ticket for each attendee."""
        questions = {q.question_type: q for q in self.hike.question_ids}
        post = {"csrf_token": http.Request.csrf_token(self)}
        for index, attendee in enumerate(attendees, start=1):
            post[f"{index}-event_ticket_id"] = str(self.ticket.id)
            post[f"{index}-name-{questions['name'].id}"] = attendee["name"]
            post[f"{index}-email-{questions['email'].id}"] = attendee["email"]
            if attendee.get("partner_id"):
                post[f"{index}-partner_id"] = str(attendee["partner_id"])
        return self.url_open(f"/event/{self.hike.id}/registration/confirm", data=post)

    def _registration(self):
        return self.env["event.registration"].search([("event_id", "=", self.hike.id)])

    def test_guardian_buys_her_childs_ticket(self):
        self.authenticate("andris", "andris")
        self._post_paid([{"name": "x", "email": "andris@example.lv", "partner_id": self.member_b.id}])
        registration = self._registration()
        self.assertEqual(registration.partner_id, self.member_b)
        self.assertEqual(registration.mazpulki_club_id, self.club_b)
        self.assertEqual(
            (registration.mazpulki_approval_state, registration.mazpulki_approved_by_id),
            ("approved", self.father_b),
        )
        self.assertEqual((registration.state, registration.sale_status), ("draft", "to_pay"))
        # the checkout may change the order's customer: the ticket stays the child's
        registration.sale_order_id.partner_id = self.member_adult
        self.assertEqual(registration.partner_id, self.member_b)
        registration.sale_order_id.action_confirm()  # paid
        self.assertEqual((registration.state, registration.sale_status), ("open", "sold"))
        self.assertEqual(registration.mazpulki_member_id, self.member_b)

    def test_guardian_cannot_buy_a_ticket_for_another_familys_child(self):
        self.authenticate("andris", "andris")
        response = self._post_paid([{"name": "x", "email": "andris@example.lv", "partner_id": self.member_a.id}])
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._registration())

    def test_anonymous_paid_ticket_is_a_request_even_when_paid(self):
        self.authenticate(None, None)
        self._post_paid([{"name": "Roberts Vītols", "email": "andris@example.lv"}])
        registration = self._registration()
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("request", "draft"))
        registration.sale_order_id.action_confirm()  # paid
        self.assertEqual((registration.state, registration.sale_status), ("draft", "sold"))
        # the office matches it: Roberts is 11, his guardian decides from now on
        registration.partner_id = self.member_b
        registration.action_mazpulki_match_request()
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("pending", "draft"))
        registration.action_mazpulki_approve(guardian=self.father_b)
        self.assertEqual(registration.state, "open")

    def test_matched_unpaid_request_waits_for_the_payment(self):
        self.authenticate(None, None)
        self._post_paid([{"name": "Kārlis Bērziņš", "email": "karlis@example.lv"}])
        registration = self._registration()
        registration.partner_id = self.member_adult
        registration.action_mazpulki_match_request()
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("not_needed", "draft"))
        registration.sale_order_id.action_confirm()
        self.assertEqual(registration.state, "open")
