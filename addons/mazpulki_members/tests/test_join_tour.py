from urllib.parse import urlsplit

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJoinTour(HttpCase):
    """From the club finder to the child's card on the portal, in Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.club = cls.env["mazpulki.club"].create(
            {
                "name": "Tūres mazpulks",
                "number": "T-777",
                "region_id": cls.env.ref("mazpulki_members.region_zemgale").id,
                "municipality": "Tukuma novads",
                "meeting_place": "Tūres pamatskola, trešdienās 15.00",
            }
        )
        cls.leader = new_test_user(
            cls.env,
            login="ture_leader",
            password="ture_leader",
            name="Ieva Tūre",
            groups="mazpulki_members.group_mazpulki_leader",
        )
        cls.env["mazpulki.club.leader"].create(
            {"club_id": cls.club.id, "partner_id": cls.leader.partner_id.id, "date_start": "2020-01-01"}
        )

    def test_parent_applies_leader_accepts_parent_sees_the_card(self):
        self.start_tour("/clubs", "mazpulki_join_parent")
        application = self.env["mazpulki.member.application"].search([("club_id", "=", self.club.id)])
        self.assertEqual(application.name, "Emīls Tūrs")
        self.assertEqual(application.guardian_phone, "+371 26114455")
        self.assertEqual(application.age, 8)

        self.start_tour("/odoo/mazpulki-applications", "mazpulki_join_leader", login="ture_leader")
        self.assertEqual(application.state, "accepted")
        guardian = application.guardian_partner_id
        self.assertTrue(guardian.user_ids, "The guardian was invited")
        self.assertFalse(application.member_id.user_ids)

        # The invitation's signup token, as the page where the parent chooses a password (/web/signup)
        url = guardian._get_signup_url_for_action()[guardian.id]
        self.assertIn("/web/signup", url)
        parts = urlsplit(url)
        self.start_tour(f"{parts.path}?{parts.query}", "mazpulki_join_signup")
        self.assertTrue(guardian.user_ids.login_date, "The parent logged in from the invitation")
