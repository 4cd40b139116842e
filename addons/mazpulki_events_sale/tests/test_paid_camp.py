from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mazpulki_events.tests.common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestPaidCamp(MazpulkiEventsCommon, HttpCase):
    """A minor's paid camp ticket: paid first (Odoo's checkout), approved by the guardian, then scanned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.camp.write({"mazpulki_guardian_approval": True, "seats_max": 10, "seats_limited": True})
        cls.ticket = cls.env["event.event.ticket"].create(
            {
                "name": "Nometnes dalība",
                "event_id": cls.camp.id,
                "product_id": cls.env.ref("event_product.product_product_event").id,
                "price": 85.0,
            }
        )
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.user_father = new_test_user(
            cls.env, login="andris", groups="base.group_portal", partner_id=cls.father_b.id, name=cls.father_b.name
        )

    def _buy_ticket(self, member):
        """What the website does for a logged-in member: an order with the ticket and the member's registration."""
        order = self.env["sale.order"].create(
            {
                "partner_id": member.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.ticket.product_id.id,
                            "event_id": self.camp.id,
                            "event_ticket_id": self.ticket.id,
                            "price_unit": 85.0,
                        },
                    )
                ],
            }
        )
        registration = self.env["event.registration"].create(
            {
                "event_id": self.camp.id,
                "event_ticket_id": self.ticket.id,
                "partner_id": member.id,
                "sale_order_id": order.id,
                "sale_order_line_id": order.order_line.id,
            }
        )
        return order, registration

    def _decide(self, registration, decision):
        self.authenticate("andris", "andris")
        return self.url_open(
            f"/my/event-approvals/{registration.id}/{decision}",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_paid_then_approved_then_scanned(self):
        order, registration = self._buy_ticket(self.member_b)
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        self.assertEqual((registration.state, registration.sale_status), ("draft", "to_pay"))
        order.action_confirm()  # paid: the payment confirms the order
        self.assertEqual(registration.sale_status, "sold")
        self.assertEqual(registration.state, "draft", "paid, but the guardian has not approved yet")
        # neither Odoo's ticket barcode nor the member's card checks in an unapproved minor
        self.assertEqual(self.scan(registration.barcode)["status"], "unconfirmed_registration")
        self.assertNotEqual(self.scan(self.code_b).get("status"), "confirmed_registration")
        self.assertEqual(registration.state, "draft")
        self.assertEqual(self._decide(registration, "approve").status_code, 200)
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("approved", "open"))
        self.assertEqual(self.scan(registration.barcode)["status"], "confirmed_registration")
        self.assertEqual(registration.state, "done")

    def test_approved_before_paid_waits_for_payment(self):
        order, registration = self._buy_ticket(self.member_b)
        self._decide(registration, "approve")
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("approved", "draft"))
        self.assertEqual(self.scan(registration.barcode)["status"], "unconfirmed_registration")
        order.action_confirm()
        self.assertEqual(registration.state, "open")

    def test_declined_frees_the_seat_and_cancels_the_order(self):
        seats = self.camp.seats_available
        order, registration = self._buy_ticket(self.member_b)
        order.action_confirm()
        self._decide(registration, "decline")
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("declined", "cancel"))
        self.assertEqual(order.state, "cancel")
        self.assertEqual(self.camp.seats_available, seats)
        self.assertEqual(self.scan(registration.barcode)["status"], "canceled_registration")
        # a change to the order never opens a declined registration again
        registration.invalidate_recordset()
        self.assertEqual(registration.state, "cancel")

    def test_adult_paid_ticket_confirmed_by_payment(self):
        order, registration = self._buy_ticket(self.member_adult)
        self.assertEqual(registration.mazpulki_approval_state, "not_needed")
        order.action_confirm()
        self.assertEqual(registration.state, "open")

    def test_orders_card_only_with_an_order(self):
        # a guardian with no order of their own: no "Your Orders" card
        self.start_tour("/my", "mazpulki_portal_no_orders", login="andris")
        shirt = self.env["product.product"].create({"name": "Nometnes krekls", "list_price": 12.0})
        order = self.env["sale.order"].create(
            {"partner_id": self.father_b.id, "order_line": [(0, 0, {"product_id": shirt.id})]}
        )
        order.action_confirm()
        self.start_tour("/my", "mazpulki_portal_orders", login="andris")
        # Sales' own icon on its card; the suite's euro replaces only Invoicing's dollar envelope
        self.authenticate("andris", "andris")
        html = self.url_open("/my").text
        self.assertIn("/sale/static/src/img/bag.svg", html)
        self.assertNotIn("/account/static/src/img/Bill.svg", html)
