from psycopg2 import IntegrityError

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.mazpulki_events.tests.common import MazpulkiEventsCommon
from odoo.addons.mazpulki_events.tests.test_family_registration import FamilyEventMixin
from odoo.addons.mazpulki_members.tests.common import prove_guardian


class FeeHelpCommon(MazpulkiEventsCommon, HttpCase):
    """Roberts (11) goes to the camp (85 EUR); his father Andris cannot pay it all and asks the office for help."""

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
        # Madara's mother: another family, with a portal account of her own
        cls.mother_a = cls._create_guardian(cls.member_a, "Sandra Liepiņa")
        cls.user_mother_a = new_test_user(
            cls.env, login="sandra", groups="base.group_portal", partner_id=cls.mother_a.id, name=cls.mother_a.name
        )
        cls.user_desk = new_test_user(
            cls.env, login="desk", name="Pēteris Galds", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        board_groups = "base.group_user"
        if cls.env.ref("mazpulki_strategy.group_mazpulki_board", raise_if_not_found=False):
            board_groups = "mazpulki_strategy.group_mazpulki_board"
        cls.user_board = new_test_user(cls.env, login="board", name="Inese Valde", groups=board_groups)
        cls.FeeHelp = cls.env["mazpulki.fee.help"]
        # the organisation sells in euros (Odoo's demo "Default" price list may be in dollars)
        cls.pricelist_eur = cls.env["product.pricelist"].create(
            {"name": "Standarta cenas", "currency_id": cls.env.company.currency_id.id}
        )

    # --- helpers -------------------------------------------------------------

    def _buy_ticket(self, member, buyer=None):
        """What the website does: an order of the buyer with the ticket, then the member's registration."""
        order = self.env["sale.order"].create(
            {
                "partner_id": (buyer or member).id,
                "pricelist_id": self.pricelist_eur.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.ticket.product_id.id,
                            "event_id": self.camp.id,
                            "event_ticket_id": self.ticket.id,
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

    def _ask(self, registration, reason="Mēs šobrīd nevaram samaksāt visu nometnes maksu."):
        return self.FeeHelp._mazpulki_portal_request(self.father_b, registration.id, reason)

    def _post_request(self, registration_id, reason):
        return self.url_open(
            "/my/fee-help/request",
            data={
                "registration_id": str(registration_id),
                "reason": reason,
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def _decide(self, request, decision, percent=50, note=None):
        request_office = request.with_user(self.user_officer)
        request_office.write({"decision": decision, "reduction_percent": percent, "decision_note": note})
        return request_office


@tagged("post_install", "-at_install")
class TestFeeHelp(FeeHelpCommon):
    # --- the family's request on /my -----------------------------------------

    def test_family_asks_on_my_page(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        self.authenticate("andris", "andris")
        page = self.url_open("/my/fee-help")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'value="{registration.id}"', page.text)
        self.assertIn(self.camp.name, page.text)
        # an empty reason: the form says why, nothing is stored
        response = self._post_request(registration.id, "   ")
        self.assertIn("o_mazpulki_fee_help_error", response.text)
        self.assertFalse(self.FeeHelp.search([("member_id", "=", self.member_b.id)]))
        # the reason given: the office has the request
        response = self._post_request(registration.id, "Šogad esmu bez darba.")
        self.assertTrue(response.url.endswith("/my/fee-help?sent=1"))
        request = self.FeeHelp.search([("member_id", "=", self.member_b.id)])
        self.assertEqual(
            (request.state, request.event_id, request.requested_by_id, request.registration_id, request.reason),
            ("requested", self.camp, self.father_b, registration, "Šogad esmu bez darba."),
        )
        self.assertIn("Šogad esmu bez darba.", self.url_open("/my/fee-help").text)
        # asking again for the same child and event is refused with a message
        response = self._post_request(registration.id, "Vēlreiz")
        self.assertEqual(self.FeeHelp.search_count([("member_id", "=", self.member_b.id)]), 1)

    def test_other_family_cannot_ask_or_read(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        self.authenticate("sandra", "sandra")
        self.assertEqual(self._post_request(registration.id, "Gribu atlaidi").status_code, 404)
        self.assertEqual(self.FeeHelp.search_count([("member_id", "=", self.member_b.id)]), 1)
        page = self.url_open("/my/fee-help").text
        self.assertNotIn(request.reason, page)
        self.assertNotIn(self.member_b.name, page)

    # --- the office's decision -----------------------------------------------

    def test_reduction_reprices_the_order_through_the_pricelist(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        self.assertEqual(order.amount_untaxed, 85)
        full = order.amount_total
        request = self._ask(registration)
        self._decide(request, "reduction", 50).action_approve()
        self.assertEqual(
            (request.state, request.help_percent, request.decided_by_id), ("approved", 50, self.user_officer)
        )
        self.assertEqual(order.pricelist_id, request.pricelist_id)
        self.assertEqual(order.pricelist_id.mazpulki_fee_help_percent, 50)
        self.assertEqual(order.amount_untaxed, 42.5)
        self.assertEqual(order.state, "draft", "half the fee is still to pay")
        self.assertAlmostEqual(order.order_line.mazpulki_fee_help_amount, full / 2, delta=0.01)
        # the family is told, in its own mail
        mail = self.env["mail.mail"].search([("model", "=", "mazpulki.fee.help"), ("res_id", "=", request.id)])
        self.assertEqual(mail.recipient_ids, self.father_b)
        # Odoo's own "Update prices" keeps the help: it is the price list's, not a typed amount
        order.action_update_prices()
        self.assertEqual(order.amount_untaxed, 42.5)
        # a change of the order's customer (the checkout's billing contact) keeps it too
        order.partner_id = self.member_adult
        self.assertEqual(order.pricelist_id, request.pricelist_id)
        # paid: the registration is confirmed once the guardian approved it
        order.action_confirm()
        registration.action_mazpulki_approve(guardian=self.father_b)
        self.assertEqual((registration.sale_status, registration.state), ("sold", "open"))

    def test_later_order_gets_the_help(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        self._decide(request, "reduction", 40).action_approve()
        order._action_cancel()
        new_order, __ = self._buy_ticket(self.member_b, buyer=self.father_b)
        self.assertEqual(new_order.pricelist_id, request.pricelist_id)
        self.assertEqual(new_order.amount_untaxed, 51)
        # another child's order for the camp is not helped
        other_order, __ = self._buy_ticket(self.member_a, buyer=self.mother_a)
        self.assertNotEqual(other_order.pricelist_id, request.pricelist_id)
        self.assertEqual(other_order.amount_untaxed, 85)

    def test_waiver_leaves_nothing_to_pay_and_never_blocks(self):
        order, registration = self._buy_ticket(self.member_b)
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        request = self._ask(registration)
        self._decide(request, "waiver", note="Lai Robertam jauka nometne!").action_approve()
        self.assertEqual(request.help_percent, 100)
        self.assertEqual(order.amount_total, 0)
        self.assertEqual(order.state, "sale", "nothing to pay: the waived order is confirmed")
        self.assertEqual(registration.sale_status, "free")
        self.assertEqual(registration.state, "draft", "still waits for the guardian")
        registration.action_mazpulki_approve(guardian=self.father_b)
        self.assertEqual(registration.state, "open")

    def test_paid_order_is_not_repriced(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        order.action_confirm()
        full = order.amount_total
        request = self._ask(registration)
        self._decide(request, "reduction", 50).action_approve()
        self.assertEqual(order.amount_total, full)
        self.assertIn("refund the difference", order.message_ids[0].body)

    def test_refusal_needs_a_message(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        full = order.amount_total
        request = self._ask(registration)
        with self.assertRaises(UserError):
            self._decide(request, "reduction").action_refuse()
        self._decide(request, "reduction", note="Šogad palīdzības fonds ir iztērēts.").action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertEqual(order.amount_total, full)
        mail = self.env["mail.mail"].search([("model", "=", "mazpulki.fee.help"), ("res_id", "=", request.id)])
        self.assertIn("palīdzības fonds", mail.body_html)
        # refused: the family may ask again
        self.assertTrue(self._ask(registration))

    @mute_logger("odoo.sql_db")
    def test_reduction_share_is_checked(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            request.write({"reduction_percent": 100})
            request.flush_recordset()

    # --- who sees it ---------------------------------------------------------

    def test_only_the_office_reads_and_decides(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        self.assertIn(request, self.FeeHelp.with_user(self.user_officer).search([]))
        for user in (self.user_leader_b, self.user_desk, self.user_board, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.FeeHelp.with_user(user).search_read([], ["reason"])
                with self.assertRaises(AccessError):
                    request.with_user(user).action_approve()
        self.assertEqual(request.state, "requested")

    def test_portal_rpc_reads_and_writes_nothing(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        for user in (self.user_father, self.user_mother_a):
            with self.subTest(user=user.login):
                FeeHelp = self.FeeHelp.with_user(user)
                with self.assertRaises(AccessError):
                    FeeHelp.search_read([], ["reason"])
                with self.assertRaises(AccessError):
                    request.with_user(user).read(["reason"])
                with self.assertRaises(AccessError):
                    request.with_user(user).write({"state": "approved"})
                with self.assertRaises(AccessError):
                    FeeHelp.create(
                        {
                            "event_id": self.camp.id,
                            "member_id": self.member_b.id,
                            "requested_by_id": user.partner_id.id,
                            "reason": "x",
                        }
                    )
                with self.assertRaises(AccessError):
                    request.with_user(user).action_approve()
        # the other family reads nothing of this family's order either
        with self.assertRaises(AccessError):
            order.order_line.with_user(self.user_mother_a).read(["price_total"])
        with self.assertRaises(AccessError):
            order.order_line.with_user(self.user_father).write({"discount": 100})
        self.assertEqual(request.state, "requested")

    # --- the board's figure, the export and the anonymisation ----------------

    def test_board_sees_the_help_given_per_year(self):
        year = self.camp.date_begin.year
        Measure = self.env["mazpulki.measure"].with_user(self.user_board)

        def figures():
            return (
                Measure.mazpulki_measure_values("events.fee_help_families", year, year)[year],
                Measure.mazpulki_measure_values("events.fee_help_amount", year, year)[year],
            )

        families, amount = figures()  # what the database already holds (the demo)
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        full = order.amount_total
        request = self._ask(registration)
        self._decide(request, "reduction", 50).action_approve()
        self.assertEqual(figures(), (families + 1, amount), "a family helped; nothing given until the order is paid")
        order.action_confirm()
        self.assertAlmostEqual(figures()[1], amount + full / 2, delta=0.01)
        # a second child of the same family is the same family
        order_a, registration_a = self._buy_ticket(self.member_a, buyer=self.father_b)
        prove_guardian(self.env, self.member_a, self.father_b, "father")
        self._decide(self._ask(registration_a), "waiver").action_approve()
        self.assertEqual(figures()[0], families + 1)
        with self.assertRaises(AccessError):
            self.env["mazpulki.measure"].with_user(self.user_father).mazpulki_measure_values(
                "events.fee_help_amount", year, year
            )

    def test_export_lists_and_anonymisation_removes_the_reason(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration, reason="Ģimenē ir slimība.")
        self._decide(request, "reduction", note="Veiksmi!").action_approve()
        sections = self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.member_b)
        section = next(s for s in sections if s["key"] == "event_fee_help")
        self.assertEqual(section["rows"][0]["reason"], "Ģimenē ir slimība.")
        self.assertEqual(section["rows"][0]["requested_by"], self.father_b.name)
        other = self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.member_a)
        self.assertFalse(next(s for s in other if s["key"] == "event_fee_help")["rows"])
        self.env["mazpulki.erasure"]._anonymise(self.member_b, "request")
        request.invalidate_recordset()
        self.assertNotIn("slimība", request.reason)
        self.assertFalse(request.decision_note)
        self.assertEqual((request.state, request.help_percent), ("approved", 50))


@tagged("post_install", "-at_install")
class TestFeeHelpLatvian(FeeHelpCommon):
    """The family reads the decision in Latvian, the language of its contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_events_sale")])._update_translations(["lv_LV"])
        cls.father_b.lang = "lv_LV"

    def test_decision_mail_speaks_latvian(self):
        order, registration = self._buy_ticket(self.member_b, buyer=self.father_b)
        request = self._ask(registration)
        self._decide(request, "reduction", 50).action_approve()
        mail = self.env["mail.mail"].search([("model", "=", "mazpulki.fee.help"), ("res_id", "=", request.id)])
        self.assertIn("atbalsts dalības maksai apstiprināts", mail.subject)
        self.assertIn("Dalības maksa ir samazināta par", mail.body_html)
        # the price list the family's order shows is named in Latvian too
        pricelist = self.env["product.pricelist"]._mazpulki_fee_help_pricelist(35)
        self.assertEqual(pricelist.with_context(lang="lv_LV").name, "Maksas samazinājums 35 %")
        with self.assertRaisesRegex(UserError, "kāpēc lūdzat atbalstu"):
            self.FeeHelp.with_context(lang="lv_LV")._mazpulki_portal_request(self.father_b, registration.id, " ")


@tagged("post_install", "-at_install")
class TestFeeHelpPhone(FeeHelpCommon):
    """The guardian asks on a 390-px phone, in Latvian, from the portal home."""

    browser_size = "390x844"
    touch_enabled = True

    def test_guardian_asks_on_a_phone(self):
        lang = self.env["res.lang"]._activate_lang("lv_LV")
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("portal", "website", "mazpulki_events", "mazpulki_events_sale"))]
        )
        modules._update_translations(["lv_LV"])
        self.env["website"].get_current_website().language_ids |= lang
        self.user_father.lang = "lv_LV"
        self._buy_ticket(self.member_b, buyer=self.father_b)
        self.start_tour("/lv/my", "mazpulki_fee_help_phone", login="andris")
        request = self.FeeHelp.search([("member_id", "=", self.member_b.id)])
        self.assertEqual((request.state, request.requested_by_id), ("requested", self.father_b))
        self.assertIn("varu samaksāt pusi", request.reason)


@tagged("post_install", "-at_install")
class TestFeeHelpOnTheWebsite(FamilyEventMixin, FeeHelpCommon):
    """The office helped Andris with Roberts's hike fee before he bought the ticket: the website's cart gets it."""

    def test_website_order_gets_the_approved_help(self):
        hike = self._create_hike()
        ticket = self.env["event.event.ticket"].create(
            {
                "name": "Pārgājiena dalība",
                "event_id": hike.id,
                "product_id": self.env.ref("event_product.product_product_event").id,
                "price": 20.0,
            }
        )
        # Andris asked by phone; the office typed the request in and waived the fee
        request = self.FeeHelp.with_user(self.user_officer).create(
            {
                "event_id": hike.id,
                "member_id": self.member_b.id,
                "requested_by_id": self.father_b.id,
                "reason": "Esmu bez darba.",
            }
        )
        self._decide(request, "waiver").action_approve()
        self.authenticate("andris", "andris")
        questions = {q.question_type: q for q in hike.question_ids}
        self.url_open(
            f"/event/{hike.id}/registration/confirm",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "1-event_ticket_id": str(ticket.id),
                f"1-name-{questions['name'].id}": "Roberts Vītols",
                f"1-email-{questions['email'].id}": "andris@example.lv",
                "1-partner_id": str(self.member_b.id),
            },
        )
        bought = self.env["event.registration"].search([("event_id", "=", hike.id), ("sale_order_id", "!=", False)])
        self.assertEqual(bought.mazpulki_member_id, self.member_b)
        order = bought.sale_order_id
        self.assertEqual(order.pricelist_id.mazpulki_fee_help_percent, 100)
        self.assertEqual(order.amount_total, 0)
        self.assertEqual((order.state, bought.sale_status), ("sale", "free"))
        self.assertEqual((bought.mazpulki_approval_state, bought.state), ("approved", "open"))
