from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import MazpulkiEventsCommon


class FamilyEventMixin:
    @classmethod
    def _create_hike(cls, name="Ziemas pārgājiens Siguldā", **vals):
        """A youth event to come, published, asking a guardian's approval for minors."""
        now = fields.Datetime.now()
        return cls.env["event.event"].create(
            {
                "name": name,
                "mazpulki_category": "national",
                "mazpulki_scope": "national",
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=10, hours=8),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": True,
                "website_published": True,
                **vals,
            }
        )

    def _post_registration(self, event, attendees):
        """What the website's attendee form posts: ``attendees`` a list of dicts (name, email, partner_id)."""
        if not getattr(self, "session", None):
            self.authenticate(None, None)
        questions = {q.question_type: q for q in event.question_ids}
        post = {"csrf_token": http.Request.csrf_token(self)}
        for index, attendee in enumerate(attendees, start=1):
            post[f"{index}-event_ticket_id"] = "0"
            post[f"{index}-name-{questions['name'].id}"] = attendee.get("name", "")
            post[f"{index}-email-{questions['email'].id}"] = attendee.get("email", "")
            if attendee.get("partner_id") is not None:
                post[f"{index}-partner_id"] = str(attendee["partner_id"])
        return self.url_open(f"/event/{event.id}/registration/confirm", data=post)


@tagged("post_install", "-at_install")
class TestFamilyRegistration(FamilyEventMixin, MazpulkiEventsCommon, HttpCase):
    """A guardian registers her children on the website: each registration is the child's, approved."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hike = cls._create_hike()
        cls.anda = cls.env.ref("mazpulki_members.user_portal_guardian_demo")
        cls.marta = cls.env.ref("mazpulki_members.member_marta_berzina_demo")
        cls.karlis = cls.env.ref("mazpulki_members.member_karlis_berzins_demo")
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.user_father = new_test_user(
            cls.env, login="andris", groups="base.group_portal", partner_id=cls.father_b.id, name=cls.father_b.name
        )

    def _registrations(self, event):
        return self.env["event.registration"].search([("event_id", "=", event.id)])

    def test_tour_parent_registers_two_children_on_a_phone(self):
        self.assertEqual(self.anda.partner_id.ward_ids.member_id, self.marta | self.karlis)
        self.start_tour(f"/event/{self.hike.id}/register", "mazpulki_events_family_registration", login="anda")
        registrations = self._registrations(self.hike)
        self.assertEqual(registrations.partner_id, self.marta | self.karlis)
        for registration in registrations:
            member = registration.partner_id
            self.assertEqual(registration.mazpulki_member_id, member)
            self.assertEqual(registration.name, member.name)
            self.assertEqual(registration.mazpulki_club_id, member.mazpulki_club_id)
            self.assertTrue(registration.mazpulki_club_id)
            self.assertTrue(registration.mazpulki_age_group)
            self.assertEqual(registration.mazpulki_approval_state, "approved")
            self.assertEqual(registration.mazpulki_approved_by_id, self.anda.partner_id)
            self.assertTrue(registration.mazpulki_approved_on)
            self.assertEqual(registration.state, "open")

    def test_form_offers_the_children_without_the_parents_data(self):
        self.authenticate("anda", "anda")
        form = self.make_jsonrpc_request(f"/event/{self.hike.id}/registration/new", {"nb_register-0": 2})
        self.assertIn("o_mazpulki_attendee_person", form)
        self.assertIn("Marta Bērziņa", form)
        self.assertIn("Kārlis Bērziņš", form)
        self.assertIn("Full name", form)
        self.assertNotIn(f'value="{self.anda.name}"', form)
        # a youth event offers no "someone else": each place is a member or the parent
        self.assertNotIn('value="0">Someone else', form)

    def test_parent_registers_herself_and_a_child(self):
        self.authenticate("anda", "anda")
        response = self._post_registration(
            self.hike,
            [
                {"name": "x", "email": "anda.berzina@example.lv", "partner_id": self.anda.partner_id.id},
                {"name": "x", "email": "anda.berzina@example.lv", "partner_id": self.karlis.id},
            ],
        )
        self.assertEqual(response.status_code, 200)
        registrations = self._registrations(self.hike)
        own = registrations.filtered(lambda r: r.partner_id == self.anda.partner_id)
        child = registrations - own
        self.assertEqual(own.mazpulki_approval_state, "not_needed")
        self.assertEqual((child.partner_id, child.name), (self.karlis, "Kārlis Bērziņš"))
        self.assertEqual(child.mazpulki_approval_state, "approved")

    def test_parent_cannot_register_someone_elses_child(self):
        self.authenticate("anda", "anda")
        response = self._post_registration(
            self.hike, [{"name": "Roberts Vītols", "email": "x@example.lv", "partner_id": self.member_b.id}]
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._registrations(self.hike))
        # nor hide another family's child among her own
        response = self._post_registration(
            self.hike,
            [
                {"name": "Marta", "email": "x@example.lv", "partner_id": self.marta.id},
                {"name": "Roberts", "email": "x@example.lv", "partner_id": self.member_b.id},
            ],
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._registrations(self.hike))

    def test_anonymous_visitor_cannot_name_a_member(self):
        self.authenticate(None, None)
        response = self._post_registration(
            self.hike, [{"name": "Marta Bērziņa", "email": "x@example.lv", "partner_id": self.marta.id}]
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._registrations(self.hike))

    def test_parent_cannot_approve_someone_elses_child_by_rpc(self):
        registration = self.env["event.registration"].create({"event_id": self.hike.id, "partner_id": self.member_b.id})
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        with self.assertRaises(AccessError):
            registration.with_user(self.anda).action_mazpulki_approve()
        with self.assertRaises(AccessError):
            registration.with_user(self.anda).write({"mazpulki_approval_state": "approved"})
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(self.anda).create(
                {
                    "event_id": self.hike.id,
                    "partner_id": self.member_b.id,
                    "mazpulki_approval_state": "approved",
                }
            )
        # the web client's RPC answers the same
        self.authenticate("anda", "anda")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/event.registration/action_mazpulki_approve",
                {
                    "model": "event.registration",
                    "method": "action_mazpulki_approve",
                    "args": [registration.ids],
                    "kwargs": {},
                },
            )
        self.assertEqual(registration.mazpulki_approval_state, "pending")

    def test_member_registering_herself_still_waits_for_her_guardian(self):
        madara = new_test_user(
            self.env, login="madara", groups="base.group_portal", partner_id=self.member_a.id, name=self.member_a.name
        )
        self._create_guardian(self.member_a, "Inga Liepiņa")
        self.authenticate("madara", "madara")
        self._post_registration(self.hike, [{"name": "Madara Liepiņa", "email": "madara@example.lv"}])
        registration = self._registrations(self.hike)
        self.assertEqual(registration.partner_id, madara.partner_id)
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        self.assertEqual(registration.state, "draft")

    def test_tour_decline_asks_first(self):
        registration = self.env["event.registration"].create({"event_id": self.hike.id, "partner_id": self.member_b.id})
        self.start_tour("/my/event-approvals", "mazpulki_events_decline_asks_first", login="andris")
        self.assertEqual(registration.mazpulki_approval_state, "declined")
        self.assertEqual(registration.mazpulki_approved_by_id, self.father_b)
        self.assertTrue(registration.mazpulki_approved_on)


@tagged("post_install", "-at_install")
class TestYouthEventRequest(FamilyEventMixin, MazpulkiEventsCommon, HttpCase):
    """An anonymous visitor's registration to a youth event is a request the office matches to a member."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hike = cls._create_hike()
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")

    def _requests(self):
        return self.env["event.registration"].search([("event_id", "=", self.hike.id)])

    def test_youth_event_by_category(self):
        self.assertTrue(self.hike.mazpulki_youth_event)
        self.assertFalse(self._create_hike(mazpulki_category="pd_seminar").mazpulki_youth_event)
        self.assertTrue(self.env.ref("mazpulki_events.event_hike_demo").mazpulki_youth_event)
        self.assertFalse(self.env.ref("mazpulki_events.event_leader_training_demo").mazpulki_youth_event)

    def test_tour_anonymous_visitor_sends_a_request(self):
        self.start_tour(f"/event/{self.hike.id}/register", "mazpulki_events_youth_request")
        request = self._requests()
        self.assertEqual(request.name, "Elza Lapiņa")
        self.assertEqual((request.mazpulki_approval_state, request.state), ("request", "draft"))
        self.assertFalse(request.mazpulki_member_id)

    def test_request_is_not_confirmed_and_has_no_ticket(self):
        page = self._post_registration(self.hike, [{"name": "Roberts Vītols", "email": "andris@example.lv"}])
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Registration confirmed!", page.text)
        self.assertIn("Registration request received", page.text)
        self.assertNotIn("my_tickets", page.text)
        request = self._requests()
        self.assertEqual((request.mazpulki_approval_state, request.state), ("request", "draft"))
        # the desk does not let an unmatched request in by Odoo's ticket either
        self.assertEqual(self.scan(request.barcode, event=self.hike)["status"], "unconfirmed_registration")

    def test_office_matches_the_request_to_a_member(self):
        self._post_registration(self.hike, [{"name": "Roberts Vītols", "email": "andris@example.lv"}])
        request = self._requests()
        portal = new_test_user(self.env, login="ieva", groups="base.group_portal")
        with self.assertRaises(AccessError):
            request.with_user(portal).action_mazpulki_match_request()
        officer = new_test_user(
            self.env, login="office", groups="event.group_event_user,mazpulki_members.group_mazpulki_officer"
        )
        request = request.with_user(officer)
        request.partner_id = self.member_b
        request.action_mazpulki_match_request()
        # Roberts is 11: from now on his guardian decides, and is asked by e-mail
        self.assertEqual((request.mazpulki_approval_state, request.state), ("pending", "draft"))
        self.assertEqual(request.mazpulki_club_id, self.club_b)
        self.assertTrue(self.env["mail.mail"].search([("recipient_ids", "in", self.father_b.ids)]))

    def test_matched_adult_is_confirmed(self):
        self._post_registration(self.hike, [{"name": "Kārlis Bērziņš", "email": "karlis@example.lv"}])
        officer = new_test_user(self.env, login="office", groups="event.group_event_user")
        request = self._requests().with_user(officer)
        request.partner_id = self.member_adult
        request.action_mazpulki_match_request()
        self.assertEqual((request.mazpulki_approval_state, request.state), ("not_needed", "open"))

    def test_leaders_event_takes_anonymous_registrations_as_odoo_does(self):
        seminar = self._create_hike(name="Vadītāju seminārs", mazpulki_category="pd_seminar")
        self._post_registration(seminar, [{"name": "Ilze Kalniņa", "email": "ilze@example.lv"}])
        registration = self.env["event.registration"].search([("event_id", "=", seminar.id)])
        self.assertEqual((registration.mazpulki_approval_state, registration.state), ("not_needed", "open"))
