from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskOfflineTour(MazpulkiEventsCommon, HttpCase):
    def test_offline_desk_tour(self):
        """Prepare offline, cut the network, scan three cards (one refused), sync when it is back."""
        self.camp.name = "Bezsaistes nometne"
        self.member_a.mazpulki_card_id.code = "OfflineMadara001"
        self.member_adult.mazpulki_card_id.code = "OfflineKarlis001"
        self.member_b.mazpulki_card_id.code = "OfflineRoberts01"
        registration_adult = self.env["event.registration"].create(
            {"event_id": self.camp.id, "partner_id": self.member_adult.id}
        )
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
        for registration in self.registration_a | registration_adult:
            self.assertEqual(registration.state, "done")
            self.assertEqual(len(registration.mazpulki_attendance_ids), 1)
            check_in = registration.mazpulki_attendance_ids.check_in
            self.assertTrue(before <= check_in <= after, "recorded at the scan's time")
        scans = self.env["mazpulki.event.desk.scan"].search([("event_id", "=", self.camp.id)])
        self.assertEqual(
            sorted(scans.mapped("status")),
            ["confirmed_registration", "confirmed_registration", "mazpulki_not_registered"],
        )
        self.assertFalse(scans.filtered("conflict"))
        self.assertFalse(self.env["event.registration"].search([("partner_id", "=", self.member_b.id)]))
