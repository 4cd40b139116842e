from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoSchoolYear(TransactionCase):
    def test_the_demo_clubs_have_a_school_year(self):
        """The demo's Kalnciema club: meetings held with plausible attendance, Līga drifting away, and Anda's
        absence reported ahead for her son's next meeting."""
        club = self.env.ref("mazpulki_members.club_kalnciema_demo", raise_if_not_found=False)
        if not club or not self.env["mazpulki.meeting.plan"].search_count([("club_id", "=", club.id)]):
            self.skipTest("the demo data is not installed")
        held = self.env["mazpulki.meeting"].search([("club_id", "=", club.id), ("state", "=", "held")])
        self.assertGreater(len(held), 5)
        members = self.env["res.partner"].search_count(
            [("mazpulki_club_id", "=", club.id), ("is_mazpulki_member", "=", True)]
        )
        average = sum(held.mapped("present_count")) / len(held)
        self.assertTrue(0.5 * members < average < 0.95 * members, f"{average:.1f} of {members} present on average")
        drifting = self.env["mazpulki.meeting.drift"].search([("club_id", "=", club.id)])
        self.assertIn(self.env.ref("mazpulki_members.member_liga_demo"), drifting.member_id)
        ahead = self.env["mazpulki.meeting.attendance"].search(
            [("club_id", "=", club.id), ("is_reported_ahead", "=", True)]
        )
        self.assertEqual(ahead.member_id, self.env.ref("mazpulki_members.member_karlis_berzins_demo"))
        self.assertEqual(ahead.reported_by_id, self.env.ref("mazpulki_members.partner_guardian_anda_demo"))
        self.assertEqual(ahead.meeting_id.state, "planned")
        self.assertTrue(self.env["mazpulki.school.holiday"].search_count([]))
