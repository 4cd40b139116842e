from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestBulkRegistration(MazpulkiEventsCommon):
    def _wizard(self, **context):
        return self.env["mazpulki.event.register"].with_context(**context)

    def test_register_a_club(self):
        extra = self._create_member("Elza Ozola", self.club_a, years=12)
        wizard = self._wizard(active_model="mazpulki.club", active_ids=self.club_a.ids).create(
            {"event_id": self.camp.id}
        )
        self.assertEqual(wizard.member_ids, self.member_a | self.member_adult | extra)
        action = wizard.action_register()
        registrations = self.env["event.registration"].search(action["domain"])
        # Madara was already registered: Kārlis and Elza are added
        self.assertEqual(registrations.partner_id, self.member_adult | extra)
        self.assertEqual(registrations.mazpulki_club_id, self.club_a)

    def test_register_from_member_list_needs_approval_and_respects_seats(self):
        self.camp.write({"mazpulki_guardian_approval": True, "seats_limited": True, "seats_max": 2})
        wizard = self._wizard(active_model="res.partner", active_ids=(self.member_b | self.member_adult).ids).create(
            {"event_id": self.camp.id}
        )
        action = wizard.action_register()
        registrations = self.env["event.registration"].search(action["domain"])
        by_member = {r.partner_id: r for r in registrations}
        self.assertEqual(by_member[self.member_b].mazpulki_approval_state, "pending")
        self.assertEqual(by_member[self.member_adult].state, "open")
        third = self._create_member("Jānis Lapiņš", self.club_b, years=20)
        with self.assertRaises(ValidationError):
            self._wizard(active_model="res.partner", active_ids=third.ids).create(
                {"event_id": self.camp.id}
            ).action_register()
        with self.assertRaises(UserError):
            self._wizard(active_model="res.partner", active_ids=self.member_adult.ids).create(
                {"event_id": self.camp.id}
            ).action_register()
