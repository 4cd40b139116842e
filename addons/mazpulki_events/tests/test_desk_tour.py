from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskTour(MazpulkiEventsCommon, HttpCase):
    def test_registration_desk_tour(self):
        self.camp.name = "Tour nometne"
        self.member_a.mazpulki_card_id.code = "TourCardMadara01"
        old_card = self.member_b.mazpulki_card_id
        old_card.code = "TourCardRevoked1"
        old_card._revoke("lost")
        new_test_user(
            self.env,
            login="event_manager",
            name="Pasākumu vadītāja",
            groups="event.group_event_manager,mazpulki_members.group_mazpulki_leader",
        )
        self.start_tour(
            f"/odoo/action-event.action_event_view/{self.camp.id}",
            "mazpulki_events_registration_desk",
            login="event_manager",
        )
        self.assertEqual(self.registration_a.state, "done")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 1)
