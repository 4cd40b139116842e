from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.mazpulki_events.tests.common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestWaitlistPaid(MazpulkiEventsCommon):
    """The camp's boat trip (a paid ticket, one seat) is full; two families wait for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.trip_camp = cls.env["event.event"].create(
            {
                "name": "Laivu nometne",
                "mazpulki_category": "camp",
                "date_begin": now + timedelta(days=14),
                "date_end": now + timedelta(days=16),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": True,
                "website_published": True,
                "mazpulki_waitlist_offer_hours": 48,
            }
        )
        cls.boat = cls.env["event.event.ticket"].create(
            {
                "name": "Laivu brauciens",
                "event_id": cls.trip_camp.id,
                "product_id": cls.env.ref("event_product.product_product_event").id,
                "price": 75.0,
                "seats_max": 1,
            }
        )
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.user_father_b = cls._create_portal_user(cls.father_b, "andris")
        cls.child_c = cls._create_member("Emīls Kalējs", cls.club_a, years=10)
        cls.mother_c = cls._create_guardian(cls.child_c, "Zane Kalēja")
        cls.user_mother_c = cls._create_portal_user(cls.mother_c, "zane")
        # the adult member's ticket, paid: the boat is full
        cls.adult_order = cls._order(cls.member_adult)
        cls.adult_order.action_confirm()
        cls.Waitlist = cls.env["mazpulki.event.waitlist"]
        cls.first = cls.Waitlist._mazpulki_join(cls.trip_camp, cls.boat, cls.member_b, cls.father_b)
        cls.second = cls.Waitlist._mazpulki_join(cls.trip_camp, cls.boat, cls.child_c, cls.mother_c)

    @classmethod
    def _order(cls, member):
        order = cls.env["sale.order"].create(
            {
                "partner_id": member.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": cls.boat.product_id.id,
                            "event_id": cls.trip_camp.id,
                            "event_ticket_id": cls.boat.id,
                        },
                    )
                ],
            }
        )
        cls.env["event.registration"].create(
            {
                "event_id": cls.trip_camp.id,
                "event_ticket_id": cls.boat.id,
                "partner_id": member.id,
                "sale_order_id": order.id,
                "sale_order_line_id": order.order_line.id,
            }
        )
        return order

    def _free_the_seat(self):
        self.adult_order._action_cancel()
        self.assertEqual(self.first.state, "offered")

    def test_accepting_creates_the_familys_order_and_holds_the_seat(self):
        self._free_the_seat()
        url = self.first._mazpulki_accept(self.user_father_b)
        registration = self.first.registration_id
        order = registration.sale_order_id
        self.assertEqual(url, order.get_portal_url())
        self.assertEqual(order.partner_id, self.father_b)
        self.assertEqual(order.order_line.event_ticket_id, self.boat)
        self.assertEqual(order.order_line.product_id, self.boat.product_id)
        self.assertTrue(order.amount_total)
        self.assertEqual(registration.partner_id, self.member_b)
        self.assertEqual((registration.state, registration.sale_status), ("draft", "to_pay"))
        self.assertEqual(registration.mazpulki_approval_state, "approved")
        # unpaid, the seat is still the family's: nobody else buys it, the next family waits
        self.assertEqual(self.boat.seats_available, 0)
        self.assertEqual(self.second.state, "waiting")
        order.action_confirm()  # paid
        self.assertEqual(registration.state, "open")
        self.assertEqual(self.boat.seats_available, 0)
        self.assertEqual(self.second.state, "waiting")

    def test_unpaid_order_cancelled_offers_the_next_family(self):
        self._free_the_seat()
        self.first._mazpulki_accept(self.user_father_b)
        self.first.registration_id.sale_order_id._action_cancel()
        self.assertEqual(self.first.registration_id.state, "cancel")
        self.assertEqual(self.second.state, "offered")

    def test_unpaid_when_the_offer_runs_out(self):
        self._free_the_seat()
        self.first._mazpulki_accept(self.user_father_b)
        order = self.first.registration_id.sale_order_id
        with freeze_time(fields.Datetime.now() + timedelta(hours=49)):
            self.Waitlist._cron_mazpulki_waitlist()
        self.assertEqual(self.first.state, "expired")
        self.assertEqual(order.state, "cancel")
        self.assertEqual(self.first.registration_id.state, "cancel")
        self.assertEqual(self.second.state, "offered")

    def test_paid_in_time_is_kept_by_the_cron(self):
        self._free_the_seat()
        self.first._mazpulki_accept(self.user_father_b)
        self.first.registration_id.sale_order_id.action_confirm()
        with freeze_time(fields.Datetime.now() + timedelta(hours=49)):
            self.Waitlist._cron_mazpulki_waitlist()
        self.assertEqual(self.first.state, "accepted")
        self.assertEqual(self.first.registration_id.state, "open")
        self.assertEqual(self.second.state, "waiting")
