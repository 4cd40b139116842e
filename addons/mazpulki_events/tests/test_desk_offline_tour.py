from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskOfflineTour(MazpulkiEventsCommon, HttpCase):
    def test_offline_desk_tour(self):
        """Prepare offline, cut the network, scan three cards (one refused), type a member number and scan a
        ticket; sync when it is back."""
        self.camp.write(
            {"name": "Bezsaistes nometne", "mazpulki_walkin_allowed": True, "mazpulki_guardian_approval": True}
        )
        self.member_a.mazpulki_card_id.code = "OfflineMadara001"
        self.member_adult.mazpulki_card_id.code = "OfflineKarlis001"
        self.member_b.mazpulki_card_id.code = "OfflineRoberts01"
        # 17 on the camp's first day (yesterday), 18 today: walks in without a guardian today
        today = self.camp._mazpulki_local_day(fields.Datetime.now())
        birthday = self._create_member(
            "Jānis Jubilārs", self.club_a, years=18, birthdate_date=today - relativedelta(years=18)
        )
        birthday.member_number = "MP-900002"  # typed at the desk, offline
        Registration = self.env["event.registration"]
        registration_adult = Registration.create({"event_id": self.camp.id, "partner_id": self.member_adult.id})
        guest = Registration.create({"event_id": self.camp.id, "name": "Viesis Pēteris"})
        guest.barcode = "4242424242424242"
        new_test_user(
            self.env,
            login="offline_manager",
            name="Pasākumu vadītāja",
            groups="event.group_event_manager,mazpulki_members.group_mazpulki_leader",
        )
        self.env.flush_all()
        before = fields.Datetime.now().replace(microsecond=0)
        self.start_tour(
            f"/odoo/action-event.action_event_view/{self.camp.id}",
            "mazpulki_events_offline_desk",
            login="offline_manager",
        )
        after = fields.Datetime.now()
        walkin = Registration.search([("partner_id", "=", birthday.id), ("event_id", "=", self.camp.id)])
        for registration in self.registration_a | registration_adult | walkin | guest:
            self.assertEqual(registration.state, "done")
            self.assertEqual(len(registration.mazpulki_attendance_ids), 1)
            check_in = registration.mazpulki_attendance_ids.check_in
            self.assertTrue(before <= check_in <= after, "recorded at the scan's time")
        scans = self.env["mazpulki.event.desk.scan"].search([("event_id", "=", self.camp.id)])
        self.assertEqual(
            sorted(scans.mapped("status")),
            ["confirmed_registration"] * 4 + ["mazpulki_approval_missing"],
        )
        self.assertEqual(scans.filtered(lambda scan: scan.kind == "ticket").registration_id, guest)
        self.assertFalse(scans.filtered("conflict"))
        self.assertFalse(Registration.search([("partner_id", "=", self.member_b.id)]))
