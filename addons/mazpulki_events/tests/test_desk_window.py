from datetime import datetime, time, timedelta

import pytz
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import MazpulkiEventsCommon

RIGA = pytz.timezone("Europe/Riga")


def riga(day, hour, minute=0):
    """A time at the event (Riga) as the naive UTC datetime Odoo stores."""
    return RIGA.localize(datetime.combine(day, time(hour, minute))).astimezone(pytz.utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestDeskWindow(MazpulkiEventsCommon):
    """The desk's window: from midnight of the first day at the event (Riga) to the event's end.

    A member's card and Odoo's own ticket give the same answer at each moment.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Datetime.now().replace(tzinfo=pytz.utc).astimezone(RIGA).date()
        # three days ahead, as in the issue; within this membership year
        first_day = today + timedelta(days=3)
        if (first_day + timedelta(days=3)).year != cls.year:
            first_day = today - timedelta(days=8)
        cls.first_day = first_day
        cls.seminar = cls.env["event.event"].create(
            {
                "name": "Testa sanāksme Siguldā",
                "mazpulki_category": "camp",
                "mazpulki_scope": "national",
                "date_begin": riga(first_day, 10),
                "date_end": riga(first_day + timedelta(days=2), 17),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": False,
            }
        )
        cls.member_registration = cls.env["event.registration"].create(
            {"event_id": cls.seminar.id, "partner_id": cls.member_adult.id}
        )
        cls.guest = cls.env["event.registration"].create({"event_id": cls.seminar.id, "name": "Viesis Pēteris"})

    def scan_both(self, when):
        """Scan the member's card and the guest's ticket at ``when`` (UTC); both answers."""
        with freeze_time(when):
            card = self.scan(self.code_adult, event=self.seminar)
            ticket = self.scan(self.guest.barcode, event=self.seminar)
        return card["status"], ticket["status"]

    def test_before_the_first_day(self):
        for when in (riga(self.first_day - timedelta(days=3), 12), riga(self.first_day - timedelta(days=1), 23, 59)):
            self.assertEqual(self.scan_both(when), ("not_ongoing_event", "not_ongoing_event"))
        self.assertEqual(self.member_registration.state, "open")
        self.assertEqual(self.guest.state, "open")
        self.assertFalse(self.member_registration.mazpulki_attendance_ids)
        self.assertFalse(self.guest.mazpulki_attendance_ids)

    def test_early_on_the_first_day(self):
        # 00:30 in Riga is still the day before in UTC: the event's time zone decides
        when = riga(self.first_day, 0, 30)
        self.assertEqual(when.date(), self.first_day - timedelta(days=1))
        self.assertEqual(self.scan_both(when), ("confirmed_registration", "confirmed_registration"))
        for registration in self.member_registration | self.guest:
            self.assertEqual(registration.state, "done")
            self.assertEqual(registration.mazpulki_attendance_ids.day, self.first_day)

    def test_each_day(self):
        days = [self.first_day + timedelta(days=n) for n in range(3)]
        for day in days:
            self.assertEqual(self.scan_both(riga(day, 9)), ("confirmed_registration", "confirmed_registration"))
            self.assertEqual(self.scan_both(riga(day, 9, 5)), ("already_registered", "already_registered"))
        for registration in self.member_registration | self.guest:
            self.assertEqual(sorted(registration.mazpulki_attendance_ids.mapped("day")), days)

    def test_after_the_end(self):
        last_day = self.first_day + timedelta(days=2)
        self.assertEqual(self.scan_both(riga(last_day, 17, 1)), ("not_ongoing_event", "not_ongoing_event"))
        self.assertEqual(
            self.scan_both(riga(last_day + timedelta(days=1), 9)), ("not_ongoing_event", "not_ongoing_event")
        )
        self.assertFalse((self.member_registration | self.guest).mazpulki_attendance_ids)

    def test_walkin_before_the_first_day(self):
        self.seminar.mazpulki_walkin_allowed = True
        with freeze_time(riga(self.first_day - timedelta(days=3), 12)):
            result = self.scan(self.code_a, event=self.seminar)
        self.assertEqual(result["status"], "not_ongoing_event")
        self.assertFalse(
            self.env["event.registration"].search(
                [("event_id", "=", self.seminar.id), ("partner_id", "=", self.member_a.id)]
            )
        )
        with freeze_time(riga(self.first_day, 8)):
            result = self.scan(self.code_a, event=self.seminar)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertTrue(result["mazpulki_walkin"])
        registration = self.env["event.registration"].browse(result["id"])
        self.assertEqual(registration.mazpulki_attendance_ids.day, self.first_day)

    def test_cancelled_before_the_first_day(self):
        (self.member_registration | self.guest).action_cancel()
        when = riga(self.first_day - timedelta(days=1), 12)
        self.assertEqual(self.scan_both(when), ("canceled_registration", "canceled_registration"))

    def test_marked_attended_by_hand_before_the_event(self):
        """The office marking an attendance ahead records the first day, never a day outside the event."""
        with freeze_time(riga(self.first_day - timedelta(days=2), 12)):
            self.member_registration.action_set_done()
        self.assertEqual(self.member_registration.mazpulki_attendance_ids.day, self.first_day)

    def test_desk_is_open(self):
        self.assertFalse(self.seminar._mazpulki_desk_is_open(riga(self.first_day - timedelta(days=1), 23, 59)))
        self.assertTrue(self.seminar._mazpulki_desk_is_open(riga(self.first_day, 0)))
        self.assertTrue(self.seminar._mazpulki_desk_is_open(riga(self.first_day + timedelta(days=2), 16, 59)))
        self.assertFalse(self.seminar._mazpulki_desk_is_open(riga(self.first_day + timedelta(days=2), 17)))
