from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskGateTour(MazpulkiEventsCommon, HttpCase):
    def test_desk_gate_tour(self):
        """As the desk role: the attendee list, a typed short code, a pasted member number, no camera after
        "Continue", a child walking in with her guardian at the gate, and namesakes told apart."""
        self.camp.write({"name": "Vārtu nometne", "mazpulki_walkin_allowed": True, "mazpulki_guardian_approval": True})
        self.registration_a.mazpulki_approval_state = "approved"  # Madara's mother approved on the portal
        self.member_a.mazpulki_card_id.short_code = "K7M29QX0"
        self.member_adult.member_number = "MP-900001"
        self.member_b.mazpulki_card_id.code = "TourCardRoberts1"
        new_test_user(
            self.env, login="gate_desk", name="Edgars Vārtos", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        self.start_tour(
            f"/odoo/action-event.action_event_view/{self.camp.id}", "mazpulki_events_desk_gate", login="gate_desk"
        )
        registrations = self.env["event.registration"].search([("event_id", "=", self.camp.id)])
        self.assertEqual(set(registrations.mapped("name")), {"Madara Liepiņa", "Kārlis Bērziņš", "Roberts Vītols"})
        self.assertEqual(set(registrations.mapped("state")), {"done"})
        roberts = registrations.filtered(lambda r: r.partner_id == self.member_b)
        self.assertRecordValues(
            roberts,
            [
                {
                    "mazpulki_approval_state": "approved",
                    "mazpulki_gate_consent": True,
                    "mazpulki_gate_guardian_name": "Pēteris Vītols",
                    "mazpulki_gate_guardian_phone": "+371 29 123 456",
                }
            ],
        )
        self.assertEqual(roberts.mazpulki_gate_recorded_by_id.login, "gate_desk")
