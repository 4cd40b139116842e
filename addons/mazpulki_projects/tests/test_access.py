from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PNG, ProjectsCommon


@tagged("post_install", "-at_install")
class TestAccess(ProjectsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a = cls._create_project("submitted")
        cls.project_b = cls._create_project("approved", member=cls.member_b)
        cls.user_madara = new_test_user(
            cls.env, login="madara_p", groups="base.group_portal", partner_id=cls.member_a.id, name=cls.member_a.name
        )
        cls.user_inga = new_test_user(
            cls.env, login="inga_p", groups="base.group_portal", partner_id=cls.guardian_b.id, name=cls.guardian_b.name
        )

    def test_member_reads_only_own_projects(self):
        Project = self.env["mazpulki.project"].with_user(self.user_madara)
        self.assertEqual(Project.search([("id", "in", (self.project_a | self.project_b).ids)]), self.project_a)
        self.assertEqual(self.project_a.with_user(self.user_madara).name, self.project_a.name)
        with self.assertRaises(AccessError):
            self.project_b.with_user(self.user_madara).read(["name"])
        # Reading is all: the portal writes through its controller, after its own checks.
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.user_madara).write({"goal": "x"})

    def test_guardian_reads_the_childs_projects(self):
        Project = self.env["mazpulki.project"].with_user(self.user_inga)
        self.assertEqual(Project.search([("id", "in", (self.project_a | self.project_b).ids)]), self.project_b)
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.user_inga).read(["name"])

    def test_leader_sees_only_own_clubs(self):
        Project = self.env["mazpulki.project"].with_user(self.user_leader_b)
        self.assertEqual(Project.search([("id", "in", (self.project_a | self.project_b).ids)]), self.project_b)
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.user_leader_b).read(["name"])
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.user_leader_b).action_approve()
        self.assertEqual(self.project_a.state, "submitted")

    def test_officer_sees_all(self):
        Project = self.env["mazpulki.project"].with_user(self.user_officer)
        self.assertEqual(len(Project.search([("id", "in", (self.project_a | self.project_b).ids)])), 2)

    def test_employee_outside_mazpulki_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.env["mazpulki.project"].with_user(self.user_employee).search([])

    def test_reviewer_changes_only_own_review(self):
        project = self._create_project("report_submitted")
        review = self._review(project, self.user_officer, 6, 6)
        with self.assertRaises(AccessError):
            review.with_user(self.user_leader_a).comment = "Citādi"
        with self.assertRaises(AccessError):
            review.line_ids[0].with_user(self.user_leader_a).score = 10
        self.assertEqual(review.with_user(self.user_leader_a).total, 6.0)

    def test_evidence_follows_the_project(self):
        project = self._create_project("in_progress")
        attachment = project._mazpulki_add_evidence([("darzs.png", PNG)])
        self.assertEqual(attachment.with_user(self.user_leader_a).read(["name"])[0]["name"], "darzs.png")
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_leader_b).read(["name"])
        # Portal users reach evidence only through the project's page, never through the ORM.
        for user in (self.user_madara, self.user_inga):
            with self.assertRaises(AccessError):
                attachment.with_user(user).read(["name"])
