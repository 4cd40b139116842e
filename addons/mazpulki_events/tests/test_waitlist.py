from datetime import timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import MazpulkiEventsCommon


class WaitlistMixin:
    """A youth camp of two seats, both taken by adult members; three families with portal accounts."""

    @classmethod
    def _setup_waitlist(cls):
        now = fields.Datetime.now()
        cls.full_camp = cls.env["event.event"].create(
            {
                "name": "Pilnā nometne Ērgļos",
                "mazpulki_category": "camp",
                "mazpulki_scope": "national",
                "date_begin": now + timedelta(days=20),
                "date_end": now + timedelta(days=23),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": True,
                "website_published": True,
                "seats_limited": True,
                "seats_max": 2,
                "mazpulki_waitlist_offer_hours": 24,
            }
        )
        Registration = cls.env["event.registration"]
        cls.adult_x = cls._create_member("Kristaps Ozoliņš", cls.club_a, years=20)
        cls.adult_y = cls._create_member("Līva Zariņa", cls.club_b, years=22)
        cls.reg_x = Registration.create({"event_id": cls.full_camp.id, "partner_id": cls.adult_x.id})
        cls.reg_y = Registration.create({"event_id": cls.full_camp.id, "partner_id": cls.adult_y.id})
        cls.child_c = cls._create_member("Emīls Kalējs", cls.club_a, years=10)
        cls.mother_a = cls._create_guardian(cls.member_a, "Inga Liepiņa")
        cls.father_b = cls._create_guardian(cls.member_b, "Andris Vītols", relation="father")
        cls.mother_c = cls._create_guardian(cls.child_c, "Zane Kalēja")
        cls.user_mother_a = cls._create_portal_user(cls.mother_a, "inga")
        cls.user_father_b = cls._create_portal_user(cls.father_b, "andris")
        cls.user_mother_c = cls._create_portal_user(cls.mother_c, "zane")
        cls.user_office = new_test_user(cls.env, login="office_events", groups="event.group_event_user")
        cls.Waitlist = cls.env["mazpulki.event.waitlist"]

    def _join(self, member, guardian, event=None, ticket=None):
        return self.Waitlist._mazpulki_join(
            event or self.full_camp, ticket or self.env["event.event.ticket"], member, guardian
        )

    def _offer_mails(self, entry):
        return self.env["mail.mail"].search([("model", "=", entry._name), ("res_id", "=", entry.id)])


@tagged("post_install", "-at_install")
class TestWaitlist(WaitlistMixin, MazpulkiEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_waitlist()

    def test_join_only_when_full(self):
        self.reg_y.action_cancel()
        self.assertEqual(self.full_camp.seats_available, 1)
        with self.assertRaisesRegex(UserError, "Seats are still free"):
            self._join(self.member_a, self.mother_a)
        self.reg_y.action_confirm()
        entry = self._join(self.member_a, self.mother_a)
        self.assertEqual((entry.state, entry.position), ("waiting", 1))
        with self.assertRaisesRegex(UserError, "on this waiting list already"):
            self._join(self.member_a, self.mother_a)
        with self.assertRaisesRegex(UserError, "registered for this event already"):
            self._join(self.adult_x, self.adult_x)

    @mute_logger("odoo.sql_db")
    def test_one_entry_per_member_event_and_ticket(self):
        values = {"event_id": self.full_camp.id, "member_id": self.member_a.id, "requested_by_id": self.mother_a.id}
        self.Waitlist.create(values)
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.Waitlist.create(values)

    def test_list_keeps_its_order(self):
        first = self._join(self.member_b, self.father_b)
        second = self._join(self.child_c, self.mother_c)
        third = self._join(self.member_a, self.mother_a)
        self.assertEqual((first | second | third).mapped("position"), [1, 2, 3])
        second._mazpulki_withdraw()
        self.assertEqual(third.position, 2)

    def test_cancellation_offers_the_next_family_and_holds_the_seat(self):
        first = self._join(self.member_b, self.father_b)
        second = self._join(self.child_c, self.mother_c)
        self.reg_x.action_cancel()
        self.assertEqual(first.state, "offered")
        self.assertEqual(second.state, "waiting")
        self.assertEqual(first.date_offer_expiry, first.date_offered + timedelta(hours=24))
        mail = self._offer_mails(first)
        self.assertEqual(len(mail), 1)
        self.assertIn(f"/my/event-waitlist/{first.id}/accept?token=", mail.body_html)
        self.assertEqual(mail.recipient_ids, self.father_b)
        # the seat is held for the family: nobody else takes it
        self.assertEqual(self.full_camp.seats_available, 0)
        self.assertTrue(self.full_camp.event_registrations_sold_out)
        walkin = self._create_member("Ātrais Gājējs", self.club_b, years=24)
        with self.assertRaises(ValidationError):
            self.env["event.registration"].create({"event_id": self.full_camp.id, "partner_id": walkin.id})

    def test_accepting_registers_the_child_approved_by_the_guardian(self):
        entry = self._join(self.member_b, self.father_b)
        self.reg_x.action_cancel()
        url = entry._mazpulki_accept(self.user_father_b)
        self.assertIn("accepted", url)
        registration = entry.registration_id
        self.assertEqual(entry.state, "accepted")
        self.assertEqual(registration.partner_id, self.member_b)
        self.assertEqual(registration.state, "open")
        self.assertEqual(registration.mazpulki_approval_state, "approved")
        self.assertEqual(registration.mazpulki_approved_by_id, self.father_b)
        self.assertEqual(self.full_camp.seats_available, 0)
        with self.assertRaisesRegex(UserError, "no longer open"):
            entry._mazpulki_accept(self.user_father_b)

    def test_expired_offer_passes_to_the_next_family(self):
        first = self._join(self.member_b, self.father_b)
        second = self._join(self.child_c, self.mother_c)
        self.reg_x.action_cancel()
        with freeze_time(fields.Datetime.now() + timedelta(hours=23)):
            self.Waitlist._cron_mazpulki_waitlist()
            self.assertEqual((first.state, second.state), ("offered", "waiting"))
        with freeze_time(fields.Datetime.now() + timedelta(hours=25)):
            self.Waitlist._cron_mazpulki_waitlist()
            self.assertEqual((first.state, second.state), ("expired", "offered"))
            self.assertEqual(len(self._offer_mails(second)), 1)
            with self.assertRaisesRegex(UserError, "no longer open"):
                first._mazpulki_accept(self.user_father_b)

    def test_two_seats_at_once_offer_two_families(self):
        first = self._join(self.member_b, self.father_b)
        second = self._join(self.child_c, self.mother_c)
        third = self._join(self.member_a, self.mother_a)
        (self.reg_x | self.reg_y).action_cancel()
        self.assertEqual((first | second | third).mapped("state"), ["offered", "offered", "waiting"])
        self.assertEqual(len(self._offer_mails(first)), 1)
        # the cron finds no free seat: nobody is offered twice, the third still waits
        self.Waitlist._cron_mazpulki_waitlist()
        self.assertEqual(third.state, "waiting")
        self.assertEqual(len(self._offer_mails(first)), 1)

    def test_guardian_declining_frees_the_seat(self):
        self.reg_y.action_cancel()
        # a child registered by her mother on the website: approved, it takes the last seat
        registration = (
            self.env["event.registration"]
            .sudo()
            .create(
                {
                    "event_id": self.full_camp.id,
                    "partner_id": self.child_c.id,
                    "mazpulki_approval_state": "approved",
                    "mazpulki_approved_by_id": self.mother_c.id,
                }
            )
        )
        self.assertEqual(registration.state, "open")
        entry = self._join(self.member_b, self.father_b)
        registration.action_mazpulki_decline(guardian=self.mother_c)
        self.assertEqual(registration.state, "cancel")
        self.assertEqual(entry.state, "offered")

    def test_withdrawing_an_offer_passes_it_on(self):
        first = self._join(self.member_b, self.father_b)
        second = self._join(self.child_c, self.mother_c)
        self.reg_x.action_cancel()
        first._mazpulki_withdraw()
        self.assertEqual((first.state, second.state), ("withdrawn", "offered"))

    def test_more_seats_offer_the_waiting_families(self):
        first = self._join(self.member_b, self.father_b)
        self.full_camp.seats_max = 3
        self.assertEqual(first.state, "offered")

    def test_full_ticket_has_its_own_list(self):
        self.full_camp.seats_max = 10
        boat = self.env["event.event.ticket"].create(
            {"name": "Laivu brauciens", "event_id": self.full_camp.id, "seats_max": 1}
        )
        self.reg_x.event_ticket_id = boat
        self.assertEqual(self.full_camp._mazpulki_waitlist_full_targets(), [(boat, "Laivu brauciens")])
        entry = self._join(self.member_b, self.father_b, ticket=boat)
        self.reg_x.action_cancel()
        self.assertEqual(entry.state, "offered")
        self.assertEqual(boat.seats_available, 0)
        entry._mazpulki_accept(self.user_father_b)
        self.assertEqual(entry.registration_id.event_ticket_id, boat)


@tagged("post_install", "-at_install")
class TestWaitlistAccess(WaitlistMixin, MazpulkiEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_waitlist()
        cls.entry = cls.Waitlist._mazpulki_join(
            cls.full_camp, cls.env["event.event.ticket"], cls.member_b, cls.father_b
        )

    def test_portal_has_no_rights_by_rpc(self):
        Waitlist = self.Waitlist.with_user(self.user_father_b)
        with self.assertRaises(AccessError):
            Waitlist.search([])
        with self.assertRaises(AccessError):
            self.entry.with_user(self.user_father_b).read(["state"])
        with self.assertRaises(AccessError):
            Waitlist.create({"event_id": self.full_camp.id, "member_id": self.member_b.id})
        with self.assertRaises(AccessError):
            self.entry.with_user(self.user_father_b).write({"state": "offered"})
        for action in ("action_mazpulki_offer", "action_mazpulki_withdraw", "action_mazpulki_expire"):
            with self.assertRaises(AccessError):
                getattr(self.entry.with_user(self.user_father_b), action)()

    def test_families_see_only_their_own(self):
        self.assertEqual(self.Waitlist._mazpulki_family_entries(self.user_father_b), self.entry)
        self.assertFalse(self.Waitlist._mazpulki_family_entries(self.user_mother_a))
        self.assertFalse(self.Waitlist._mazpulki_family_entries(self.user_leader_a))

    def test_office_manages_the_list(self):
        entry = self.entry.with_user(self.user_office)
        self.assertEqual(entry.member_id, self.member_b)
        self.assertEqual(self.full_camp.with_user(self.user_office).mazpulki_waitlist_count, 1)
        action = self.full_camp.with_user(self.user_office).action_mazpulki_waitlist()
        self.assertEqual(action["res_model"], "mazpulki.event.waitlist")
        entry.action_mazpulki_withdraw()
        self.assertEqual(self.entry.state, "withdrawn")
        # a club leader is not the office
        with self.assertRaises(AccessError):
            self.Waitlist.with_user(self.user_leader_a).search([])
        with self.assertRaises(AccessError):
            self.entry.with_user(self.user_leader_a).action_mazpulki_offer()

    def test_export_and_anonymisation(self):
        sections = self.env["mazpulki.data.export"]._mazpulki_export_sections(self.member_b)
        waitlist = next(section for section in sections if section["key"] == "event_waitlist")
        self.assertEqual(len(waitlist["rows"]), 1)
        self.assertEqual(waitlist["rows"][0]["requested_by"], self.father_b.name)
        self.member_b.sudo()._mazpulki_erase_personal_data()
        self.assertFalse(self.entry.exists())


@tagged("post_install", "-at_install")
class TestWaitlistPortal(WaitlistMixin, MazpulkiEventsCommon, HttpCase):
    browser_size = "390x844"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_waitlist()

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": self.csrf_token(), **data}, allow_redirects=True)

    def csrf_token(self):
        from odoo import http

        return http.Request.csrf_token(self)

    def test_guardian_joins_from_the_event_page_and_accepts_the_offer(self):
        page = self.url_open(self.full_camp.website_url).text
        link = f"/my/event-waitlist?event_id={self.full_camp.id}"
        self.assertIn(link, page)
        self.assertIn("/web/login", self.url_open(link).url)
        self.authenticate("andris", "andris_pass")
        page = self.url_open(link).text
        form = page[page.index('action="/my/event-waitlist/join"') :]
        self.assertIn(f'value="{self.full_camp.id}-0" selected', form)
        self.assertIn("Roberts Vītols", form[: form.index("</form>")])
        response = self._post("/my/event-waitlist/join", target=f"{self.full_camp.id}-0", person_id=self.member_b.id)
        self.assertEqual(response.status_code, 200)
        entry = self.Waitlist.search([("event_id", "=", self.full_camp.id)])
        self.assertEqual(
            (entry.member_id, entry.requested_by_id, entry.state), (self.member_b, self.father_b, "waiting")
        )
        self.assertIn("Place in the queue: 1", response.text)
        self.reg_x.action_cancel()
        token = entry.sudo().access_token
        response = self.url_open(f"/my/event-waitlist/{entry.id}/accept?token={token}")
        self.assertIn(f"offer={entry.id}", response.url)
        self.assertIn("Accept the seat", response.text)
        response = self._post(f"/my/event-waitlist/{entry.id}/accept")
        self.assertIn("You accepted the seat", response.text)
        self.assertEqual(entry.registration_id.partner_id, self.member_b)
        self.assertEqual(entry.registration_id.state, "open")

    def test_another_family_cannot_join_for_or_accept_someone_elses_child(self):
        entry = self.Waitlist._mazpulki_join(
            self.full_camp, self.env["event.event.ticket"], self.member_b, self.father_b
        )
        self.reg_x.action_cancel()
        self.authenticate("inga", "inga_pass")
        response = self._post("/my/event-waitlist/join", target=f"{self.full_camp.id}-0", person_id=self.child_c.id)
        self.assertEqual(response.status_code, 404)
        token = entry.sudo().access_token
        self.assertEqual(self.url_open(f"/my/event-waitlist/{entry.id}/accept?token={token}").status_code, 404)
        self.assertEqual(self._post(f"/my/event-waitlist/{entry.id}/accept").status_code, 404)
        self.assertEqual(self._post(f"/my/event-waitlist/{entry.id}/withdraw").status_code, 404)
        self.assertEqual(entry.state, "offered")
        self.assertNotIn("Roberts Vītols", self.url_open("/my/event-waitlist").text)
        # the family itself with a wrong token: nothing
        self.authenticate("andris", "andris_pass")
        self.assertEqual(self.url_open(f"/my/event-waitlist/{entry.id}/accept?token=x{token}").status_code, 404)

    def test_join_from_my_page(self):
        self.authenticate("zane", "zane_pass")
        page = self.url_open("/my/event-waitlist").text
        self.assertIn("Join a waiting list", page)
        self.assertIn(self.full_camp.name, page)
        response = self._post("/my/event-waitlist/join", target=f"{self.full_camp.id}-0", person_id=self.child_c.id)
        self.assertIn("You joined the waiting list", response.text)
        entry = self.Waitlist.search([("member_id", "=", self.child_c.id)])
        self.assertEqual(entry.requested_by_id, self.mother_c)
        response = self._post(f"/my/event-waitlist/{entry.id}/withdraw")
        self.assertEqual(entry.state, "withdrawn")


@tagged("post_install", "-at_install")
class TestWaitlistLatvian(WaitlistMixin, MazpulkiEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_events")])._update_translations(["lv_LV"])
        cls._setup_waitlist()

    def test_offer_mail_speaks_latvian(self):
        self.father_b.lang = "lv_LV"
        entry = self._join(self.member_b, self.father_b)
        self.reg_x.action_cancel()
        mail = self._offer_mails(entry)
        self.assertEqual(mail.subject, f"Vieta pasākumā {self.full_camp.name}: Roberts Vītols")
        self.assertIn("Ir atbrīvojusies vieta pasākumā", mail.body_html)
        self.assertIn("Pieņemt vietu", mail.body_html)
