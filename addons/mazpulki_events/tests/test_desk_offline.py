import json
import uuid
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..models.mazpulki_event_desk_scan import card_hash
from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskOffline(MazpulkiEventsCommon):
    """The offline desk: what it downloads, and the sync of the scans it queued."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk = new_test_user(
            cls.env, login="desk_offline", name="Galds bez tīkla", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        cls.desk_2 = new_test_user(
            cls.env, login="desk_offline_2", name="Otrs galds", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        cls.key = cls.camp._mazpulki_desk_key()

    def _scan(self, code, desk_status="confirmed_registration", when=None):
        return {
            "uuid": str(uuid.uuid4()),
            "card_hash": card_hash(self.key, code),
            "scanned_at": fields.Datetime.to_string(when or fields.Datetime.now() - timedelta(minutes=30)),
            "desk_status": desk_status,
        }

    def sync(self, scans, user=None):
        return self.env["mazpulki.event.desk.scan"].with_user(user or self.desk).mazpulki_sync(self.camp.id, scans)

    # what the desk downloads

    def test_offline_data_holds_no_card_code_and_no_personal_data(self):
        self.camp.mazpulki_walkin_allowed = True
        # in a language, as the web client calls it (the age groups' labels are read then)
        data = self.camp.with_user(self.desk).with_context(lang="en_US").mazpulki_desk_offline_data()
        text = json.dumps(data, default=str)
        for member in (self.member_a, self.member_b, self.member_adult):
            self.assertNotIn(member.mazpulki_card_id.code, text)
            self.assertNotIn(str(member.birthdate_date), text)
        entry = next(e for e in data["entries"] if e["h"] == card_hash(self.key, self.code_a))
        self.assertEqual(
            set(entry),
            {"h", "r", "s", "a", "m", "u", "d", "n", "c", "g", "k"},
            "only what the desk decides on and shows",
        )
        # a typed short code or member number: only their keyed hashes
        card_a = self.member_a.mazpulki_card_id
        self.assertEqual(
            set(entry["k"]), {card_hash(self.key, card_a.short_code), card_hash(self.key, self.member_a.member_number)}
        )
        for typed in (card_a.short_code, self.member_a.member_number):
            self.assertNotIn(typed, text)
        self.assertEqual(entry["n"], "Madara Liepiņa")
        self.assertEqual(entry["c"], "Testa mazpulks Kurzemē")
        self.assertEqual(entry["r"], self.registration_a.id)
        self.assertTrue(entry["m"])
        # walk-ins: a member without a registration is there too
        self.assertIn(card_hash(self.key, self.code_adult), {e["h"] for e in data["entries"]})
        for guardian_field in ("guardian", "consent", "birth", "personal", "email", "phone"):
            self.assertNotIn(f'"{guardian_field}', text)

    def test_offline_data_needs_the_desk(self):
        leader = self.user_leader_a
        with self.assertRaises(AccessError):
            self.camp.with_user(leader).mazpulki_desk_offline_data()
        with self.assertRaises(AccessError):
            self.env["mazpulki.event.desk.scan"].with_user(leader).mazpulki_sync(self.camp.id, [])

    def test_the_key_is_not_readable(self):
        with self.assertRaises(AccessError):
            self.camp.with_user(self.desk).read(["mazpulki_desk_key"])

    # sync

    def test_batch_sent_twice_counts_once(self):
        when = fields.Datetime.now() - timedelta(hours=2)
        scans = [self._scan(self.code_a, when=when), self._scan("NoSuchCard", desk_status="mazpulki_unknown_card")]
        first = self.sync(scans)
        second = self.sync(scans)
        self.assertEqual(first, second)
        self.assertEqual([r["status"] for r in first], ["confirmed_registration", "mazpulki_unknown_card"])
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 1)
        self.assertEqual(self.registration_a.state, "done")
        # the scan's own time, not the sync's
        self.assertEqual(self.registration_a.mazpulki_attendance_ids.check_in, when)
        self.assertEqual(self.registration_a.mazpulki_attendance_ids.user_id, self.desk)
        self.assertEqual(self.env["mazpulki.event.desk.scan"].search_count([("event_id", "=", self.camp.id)]), 2)

    def test_two_desks_scan_the_same_member(self):
        first = self.sync([self._scan(self.code_a)], user=self.desk)
        second = self.sync([self._scan(self.code_a)], user=self.desk_2)
        self.assertEqual(first[0]["status"], "confirmed_registration")
        self.assertFalse(first[0]["conflict"])
        self.assertEqual(second[0]["status"], "already_registered")
        self.assertEqual(second[0]["conflict"], "duplicate")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 1)
        conflicts = self.env["mazpulki.event.desk.scan"].search([("state", "=", "conflict")])
        self.assertEqual(len(conflicts), 1)
        self.assertEqual(conflicts.user_id, self.desk_2)
        self.assertEqual(conflicts.registration_id, self.registration_a)
        manager = new_test_user(self.env, login="event_boss", groups="event.group_event_manager")
        conflicts.with_user(manager).action_mazpulki_resolve()
        self.assertEqual(conflicts.state, "resolved")

    def test_card_revoked_while_offline(self):
        scan = self._scan(self.code_a)
        self.member_a.mazpulki_card_id._revoke("lost")
        result = self.sync([scan])
        self.assertEqual(result[0]["status"], "mazpulki_revoked_card")
        self.assertEqual(result[0]["conflict"], "revoked")
        self.assertFalse(self.registration_a.mazpulki_attendance_ids)

    def test_walkins_past_the_seat_limit(self):
        self.camp.write({"mazpulki_walkin_allowed": True, "seats_limited": True, "seats_max": 1})
        result = self.sync([self._scan(self.code_adult)])
        self.assertEqual(result[0]["status"], "mazpulki_no_seats")
        self.assertEqual(result[0]["conflict"], "no_seats")

    def test_offline_scan_records_its_own_day(self):
        """A scan made yesterday evening (at the event) and synced today counts for yesterday."""
        yesterday = fields.Datetime.now() - timedelta(days=1)
        self.camp.date_begin = yesterday - timedelta(hours=2)
        self.sync([self._scan(self.code_a, when=yesterday)])
        self.assertEqual(self.registration_a.mazpulki_attendance_ids.day, self.camp._mazpulki_local_day(yesterday))
        today = self._scan(self.code_a, when=fields.Datetime.now())  # 24 hours later: another day at the event
        self.assertEqual(self.sync([today])[0]["status"], "confirmed_registration")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 2)

    def test_scan_before_the_event_is_refused_as_online(self):
        now = fields.Datetime.now()
        self.camp.write({"date_begin": now + timedelta(days=3), "date_end": now + timedelta(days=5)})
        result = self.sync([self._scan(self.code_a, desk_status="not_ongoing_event", when=fields.Datetime.now())])
        self.assertEqual(result[0]["status"], "not_ongoing_event")
        self.assertFalse(result[0]["conflict"])

    def test_sync_query_count(self):
        """A batch's queries do not grow with its scans: cards, tickets and walk-ins read and written at once."""
        self.camp.mazpulki_walkin_allowed = True
        others = [self._create_member(f"Dalībnieks {i}", self.club_b, years=20) for i in range(60)]
        registrations = self.env["event.registration"].create(
            [{"event_id": self.camp.id, "partner_id": m.id} for m in others[:40]]
        )
        guests = self.env["event.registration"].create(
            [{"event_id": self.camp.id, "name": f"Viesis {i}"} for i in range(20)]
        )
        self.sync([self._scan(self.code_a)])  # the card hashes of the event's key, made once per worker

        def batch(members, tickets, walkins):
            return (
                [self._scan(m.mazpulki_card_id.code) for m in members]
                + [self._scan(g.barcode) for g in tickets]
                + [self._scan(m.mazpulki_card_id.code) for m in walkins]
            )

        small = batch(others[:2], guests[:2], others[40:42])
        large = batch(others[2:40], guests[2:], others[42:])
        self.env.invalidate_all()
        # 25: the walk-ins' registrations lock the event's seats first (one query, the waiting list's)
        with self.assertQueryCount(25):
            result = self.sync(small)
        self.assertEqual({r["status"] for r in result}, {"confirmed_registration"})
        self.env.invalidate_all()
        with self.assertQueryCount(24):
            result = self.sync(large)
        self.assertEqual({r["status"] for r in result}, {"confirmed_registration"})
        self.assertTrue(all(r.state == "done" for r in registrations | guests))

    # Odoo's own tickets, offline

    def test_offline_data_holds_tickets_hashed(self):
        guest = self.env["event.registration"].create({"event_id": self.camp.id, "name": "Viesis Pēteris"})
        data = self.camp.with_user(self.desk).with_context(lang="en_US").mazpulki_desk_offline_data()
        text = json.dumps(data, default=str)
        for registration in guest | self.registration_a:
            self.assertNotIn(registration.barcode, text, "the hash of the barcode, never the barcode")
        tickets = {ticket["h"]: ticket for ticket in data["tickets"]}
        ticket = tickets[card_hash(self.key, guest.barcode)]
        self.assertEqual(set(ticket), {"h", "r", "s", "d", "n"})
        self.assertEqual((ticket["r"], ticket["s"], ticket["n"]), (guest.id, "open", "Viesis Pēteris"))
        # a member's ticket: the rest (name, club, age group, days) is the member's entry
        member_ticket = tickets[card_hash(self.key, self.registration_a.barcode)]
        self.assertEqual(member_ticket, {"h": member_ticket["h"], "r": self.registration_a.id})

    def test_ticket_synced(self):
        """A ticket scanned offline: Odoo's rules at the scan's time, once, and a conflict across desks."""
        guest = self.env["event.registration"].create({"event_id": self.camp.id, "name": "Viesis Pēteris"})
        when = fields.Datetime.now() - timedelta(hours=1)
        scan = self._scan(guest.barcode, when=when)
        self.assertEqual(self.sync([scan]), self.sync([scan]))
        self.assertEqual(guest.state, "done")
        self.assertEqual(guest.mazpulki_attendance_ids.check_in, when)
        log = self.env["mazpulki.event.desk.scan"].search([("uuid", "=", scan["uuid"])])
        self.assertEqual((log.kind, log.status, log.registration_id), ("ticket", "confirmed_registration", guest))
        # the same ticket at a second desk, offline too
        second = self.sync([self._scan(guest.barcode)], user=self.desk_2)[0]
        self.assertEqual((second["status"], second["conflict"]), ("already_registered", "duplicate"))
        self.assertEqual(len(guest.mazpulki_attendance_ids), 1)

    def test_ticket_rules(self):
        """Cancelled, unconfirmed, before the desk opens, another event: as Odoo's scan answers online."""
        Registration = self.env["event.registration"]
        cancelled = Registration.create({"event_id": self.camp.id, "name": "Atteicies"})
        cancelled.action_cancel()
        unconfirmed = Registration.create({"event_id": self.camp.id, "name": "Neapstiprināts", "state": "draft"})
        other_event = self.camp.copy({"name": "Cits pasākums"})
        elsewhere = Registration.create({"event_id": other_event.id, "name": "Citur"})
        early = Registration.create({"event_id": self.camp.id, "name": "Agri"})
        before = self.camp.date_begin - timedelta(days=1)
        result = self.sync(
            [
                self._scan(cancelled.barcode, desk_status="canceled_registration"),
                self._scan(unconfirmed.barcode, desk_status="unconfirmed_registration"),
                self._scan(elsewhere.barcode, desk_status="mazpulki_unknown_card"),
                self._scan(early.barcode, desk_status="not_ongoing_event", when=before),
            ]
        )
        self.assertEqual(
            [r["status"] for r in result],
            ["canceled_registration", "unconfirmed_registration", "need_manual_confirmation", "not_ongoing_event"],
        )
        self.assertFalse([r for r in result if r["conflict"]])
        self.assertEqual((elsewhere.state, early.state), ("open", "open"), "checked in by hand, never by the sync")

    # the age on the scan's day

    def _birthday_today(self):
        """The camp began two days ago; a member turns 18 today (at the camp) and walks in."""
        now = fields.Datetime.now()
        self.camp.write(
            {"date_begin": now - timedelta(days=2), "mazpulki_walkin_allowed": True, "mazpulki_guardian_approval": True}
        )
        today = self.camp._mazpulki_local_day(now)
        birthdate = today - relativedelta(years=18)
        return self._create_member("Jānis Jubilārs", self.club_a, years=18, birthdate_date=birthdate)

    def test_walkin_aged_on_the_scan_day(self):
        member = self._birthday_today()
        code = member.mazpulki_card_id.code
        yesterday = fields.Datetime.now() - timedelta(days=1)
        result = self.sync([self._scan(code, desk_status="mazpulki_approval_missing", when=yesterday)])
        self.assertEqual(result[0]["status"], "mazpulki_approval_missing", "17 yesterday")
        result = self.sync([self._scan(code, when=fields.Datetime.now())])
        self.assertEqual(result[0]["status"], "confirmed_registration", "18 today")
        self.assertFalse(result[0]["conflict"])
        registration = self.env["event.registration"].search([("partner_id", "=", member.id)])
        self.assertEqual((registration.state, registration.mazpulki_approval_state), ("done", "not_needed"))
        # the online desk too
        self.assertEqual(self.scan(code)["status"], "already_registered")

    def test_offline_data_gives_the_birthday(self):
        member = self._birthday_today()
        data = self.camp.with_user(self.desk).with_context(lang="en_US").mazpulki_desk_offline_data()
        entry = next(e for e in data["entries"] if e["h"] == card_hash(self.key, member.mazpulki_card_id.code))
        today = self.camp._mazpulki_local_day(fields.Datetime.now())
        self.assertTrue(entry["u"], "under 18 on the first day")
        self.assertEqual(entry["t"], [today.isoformat(), False, "18–25 years"], "18 from today")
        self.assertEqual(entry["g"], "13–17 years")
        others = [e for e in data["entries"] if e["h"] != entry["h"]]
        self.assertFalse([e for e in others if "t" in e], "no birthday during the camp: no day given")

    def test_offline_data_over_the_new_year(self):
        """A camp over the New Year: from January 1st, the membership of the new year counts."""
        year = self.camp._mazpulki_local_day(fields.Datetime.now()).year
        self.camp.write({"date_begin": datetime(year, 12, 30, 8), "date_end": datetime(year + 1, 1, 2, 12)})
        data = self.camp.with_user(self.desk).with_context(lang="en_US").mazpulki_desk_offline_data()
        entry = next(e for e in data["entries"] if e["h"] == card_hash(self.key, self.code_a))
        self.assertTrue(entry["m"])
        self.assertEqual(entry["y"], [f"{year + 1}-01-01", False], "not yet a member for the new year")
