from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestTransfer(MazpulkiCommon):
    def test_leader_cannot_move_a_member_to_a_club_they_do_not_lead(self):
        member = self.member_a.with_user(self.user_leader_a)
        with self.assertRaisesRegex(UserError, "is not a club you lead.*Request Transfer"):
            member.mazpulki_club_id = self.club_b
        self.assertEqual(self.member_a.mazpulki_club_id, self.club_a)

    def test_leader_moves_members_between_their_own_clubs(self):
        self.env["mazpulki.club.leader"].create(
            {"club_id": self.club_b.id, "partner_id": self.user_leader_a.partner_id.id, "date_start": self.today}
        )
        self.member_a.with_user(self.user_leader_a).mazpulki_club_id = self.club_b
        self.assertEqual(self.member_a.mazpulki_club_id, self.club_b)

    def test_leader_cannot_register_a_member_in_another_club(self):
        with self.assertRaisesRegex(UserError, "is not a club you lead"):
            self.env["res.partner"].with_user(self.user_leader_a).create(
                {
                    "name": "Oskars Bērziņš",
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": self.club_b.id,
                    "birthdate_date": "2014-05-05",
                }
            )

    def test_officer_moves_any_member(self):
        self.member_a.with_user(self.user_officer).mazpulki_club_id = self.club_b
        self.assertEqual(self.member_a.mazpulki_club_id, self.club_b)

    def test_transfer_request_reaches_the_office(self):
        action = self.member_a.with_user(self.user_leader_a).action_mazpulki_request_transfer()
        wizard_form = Form(
            self.env[action["res_model"]].with_user(self.user_leader_a).with_context(**action["context"])
        )
        wizard_form.club_id = self.club_b
        wizard_form.note = "Ģimene pārcēlās uz Rēzekni."
        wizard_form.save().action_send()

        self.assertEqual(self.member_a.mazpulki_club_id, self.club_a, "the office moves the member, not the request")
        message = self.member_a.message_ids[0]
        self.assertIn("Transfer request", message.body)
        self.assertIn("Ģimene pārcēlās uz Rēzekni.", message.body)
        self.assertIn(self.user_officer.partner_id, message.partner_ids)
        activity = self.member_a.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("mazpulki_members.group_mazpulki_officer"))
        self.assertIn(self.club_b.name, activity.summary)
