import re

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiCommon, prove_guardian


@tagged("post_install", "-at_install")
class TestReenrolment(MazpulkiCommon, HttpCase):
    """A guardian re-enrols one of two children on the portal; the office sees who has not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parent_user = new_test_user(
            cls.env,
            login="reenrol_parent",
            password="reenrol_parent",
            name="Sanita Kalēja",
            email="sanita.kaleja@example.lv",
            groups="base.group_portal",
        )
        cls.parent = cls.parent_user.partner_id
        cls.child_1 = cls._create_member("Jānis Kalējs", cls.club_a, years=9)
        cls.child_2 = cls._create_member("Anna Kalēja", cls.club_a, years=11)
        for child in (cls.child_1, cls.child_2):
            prove_guardian(cls.env, child, cls.parent)
        cls.env.company.mazpulki_reenrolment_date = cls.today - relativedelta(days=1)
        cls.next_year = cls.env.company.mazpulki_reenrolment_date.year + 1

    def test_guardian_reenrols_one_child_and_the_office_sees_the_other(self):
        self.authenticate("reenrol_parent", "reenrol_parent")
        page = self.url_open("/my/membership")
        self.assertIn("o_mazpulki_reenrolment_banner", page.text)
        page = self.url_open("/my/membership/reenrol")
        self.assertIn("Jānis Kalējs", page.text)
        self.assertIn("Anna Kalēja", page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

        refused = self.url_open(
            f"/my/membership/reenrol/{self.child_1.id}", data={"csrf_token": token, "club_id": self.club_a.id}
        )
        self.assertIn("consent to data processing is needed", refused.text)
        response = self.url_open(
            f"/my/membership/reenrol/{self.child_1.id}",
            data={
                "csrf_token": token,
                "club_id": self.club_a.id,
                "consent_data_processing": "1",
                "school_name": "Testa skola",
                "school_grade": "4.a",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_mazpulki_reenrolled", response.text)

        next_membership = self.child_1.mazpulki_membership_ids.filtered(lambda m: m.year == self.next_year)
        self.assertEqual(next_membership.club_id, self.club_a)
        self.assertEqual(self.child_1.school_grade, "4.a")
        self.assertFalse(self.child_2.mazpulki_membership_ids.filtered(lambda m: m.year == self.next_year))
        self.assertEqual(self.child_1.consent_ids.filtered(lambda c: c.state == "given").given_by_id, self.parent)

        action = self.env["mazpulki.membership"].with_user(self.user_officer).action_open_reenrolment()
        Membership = self.env["mazpulki.membership"].with_user(self.user_officer)
        not_reenrolled = Membership.search([*action["domain"], ("date_reenrolled", "=", False)])
        reenrolled = Membership.search([*action["domain"], ("date_reenrolled", "!=", False)])
        self.assertIn(self.child_2, not_reenrolled.member_id)
        self.assertNotIn(self.child_1, not_reenrolled.member_id)
        self.assertIn(self.child_1, reenrolled.member_id)

        club_a_rows = Membership._read_group(
            [*action["domain"], ("club_id", "=", self.club_a.id)], ["club_id"], ["reenrolment_percent:avg"]
        )
        club_a_count = Membership.search_count([*action["domain"], ("club_id", "=", self.club_a.id)])
        self.assertAlmostEqual(club_a_rows[0][1], 100.0 / club_a_count)

        not_reenrolled.filtered(lambda m: m.member_id == self.child_2).action_reenrolment_remind()
        self.assertTrue(
            self.env["mail.mail"].search(
                [("model", "=", "mazpulki.membership"), ("recipient_ids", "in", self.parent.ids)]
            )
        )

    def test_the_new_year_renewal_leaves_portal_families_to_the_portal(self):
        self.env["mazpulki.membership"].search(
            [("member_id", "=", self.child_1.id), ("year", "=", self.next_year - 1)]
        )._mazpulki_reenrol(self.next_year, self.club_a, self.parent, {})

        renewed = self.env["mazpulki.membership"]._renew_memberships(self.next_year)

        self.assertIn(self.member_a, renewed.member_id, "A family without the portal is carried over as before")
        self.assertNotIn(self.child_2, renewed.member_id, "A portal family that did not re-enrol is not")
        self.assertNotIn(self.child_1, renewed.member_id, "Re-enrolled on the portal: already has the year")

    def test_someone_elses_child_cannot_be_reenrolled(self):
        self.authenticate("reenrol_parent", "reenrol_parent")
        page = self.url_open("/my/membership/reenrol")
        self.assertNotIn(self.member_a.name, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            f"/my/membership/reenrol/{self.member_a.id}",
            data={"csrf_token": token, "club_id": self.club_a.id, "consent_data_processing": "1"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.member_a.mazpulki_membership_ids.filtered(lambda m: m.year == self.next_year))

    def test_an_adult_awaiting_proof_cannot_reenrol_the_child(self):
        """Issue 22: re-enrolment neither adds a guardian nor changes an address; an adult awaiting proof
        reaches nothing of it until proved."""
        stranger_user = new_test_user(
            self.env, login="reenrol_stranger", password="reenrol_stranger", name="Viktors Svešais",
            email="viktors.svesais@example.lv", groups="base.group_portal",
        )  # fmt: skip
        link = self.env["mazpulki.guardian"].create(
            {"member_id": self.child_2.id, "guardian_id": stranger_user.partner_id.id, "relation": "father"}
        )
        self.assertEqual(link.state, "pending")
        self.authenticate("reenrol_stranger", "reenrol_stranger")
        page = self.url_open("/my/membership/reenrol")
        self.assertNotIn("Anna Kalēja", page.text)
        account = self.url_open("/my/account")  # the page has no form for him: a form of his own gives the token
        token = re.search(r'name="csrf_token" value="([^"]+)"', account.text).group(1)
        data = {"csrf_token": token, "club_id": self.club_a.id, "consent_data_processing": "1", "school_name": "X"}
        response = self.url_open(f"/my/membership/reenrol/{self.child_2.id}", data=data)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.child_2.school_name)
        self.assertFalse(self.env["mazpulki.consent"].search([("given_by_id", "=", stranger_user.partner_id.id)]))
        link._mazpulki_prove("document", proof_document="Dzimšanas apliecība")
        self.assertIn("Anna Kalēja", self.url_open("/my/membership/reenrol").text)
