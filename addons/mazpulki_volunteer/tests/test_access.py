from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerAccess(MazpulkiVolunteerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line_madara = cls._line(cls.volunteer_madara, 3)
        cls.line_madara_approved = cls._line(cls.volunteer_madara, 2, activity=cls.activity_office)
        cls.line_madara_approved.with_user(cls.user_coordinator_riga).action_volunteer_approve()
        cls.line_peteris = cls._line(cls.volunteer_peteris, 4)
        cls.line_roberts = cls._line(cls.volunteer_roberts, 5)
        account = cls.env.ref("mazpulki_volunteer.analytic_account_volunteering")
        cls.line_accounting = cls.env["account.analytic.line"].create(
            {"name": "Printing costs", "amount": -40, account.plan_id._column_name(): account.id}
        )
        cls.fixture_lines = cls.line_madara | cls.line_madara_approved | cls.line_peteris | cls.line_roberts
        cls.user_accountant = new_test_user(
            cls.env,
            login="analytic_accountant",
            name="Gita Grāmatvede",
            groups="base.group_user,analytic.group_analytic_accounting",
        )

    def _visible(self, user):
        lines = self.fixture_lines | self.line_accounting
        return self.env["account.analytic.line"].with_user(user).search([("id", "in", lines.ids)])

    def test_portal_volunteer_reads_only_own_and_writes_nothing(self):
        """The portal logs and withdraws hours through /my/volunteering only: no write through the ORM."""
        user = self.user_portal_madara
        self.assertEqual(self._visible(user), self.line_madara | self.line_madara_approved)
        with self.assertRaises(AccessError):
            self.line_madara.with_user(user).write({"unit_amount": 3.5})
        self.assertEqual(self.line_madara.unit_amount, 3)
        with self.assertRaises(AccessError):
            self.line_madara_approved.with_user(user).write({"unit_amount": 8})
        # A volunteer cannot approve their own hours, whichever way the call comes.
        with self.assertRaises(AccessError):
            self.line_madara.with_user(user).write({"volunteer_state": "approved"})
        with self.assertRaises(UserError):
            self.line_madara.with_user(user).action_volunteer_approve()
        with self.assertRaises(AccessError):
            self.line_madara.with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].with_user(user).create(
                {"mazpulki_volunteer_id": self.volunteer_madara.id, "mazpulki_activity_id": self.activity_event.id,
                 "unit_amount": 1, "date": self.yesterday, "volunteer_state": "approved"}
            )  # fmt: skip
        with self.assertRaises(AccessError):
            self.line_peteris.with_user(user).read(["unit_amount"])
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].with_user(user).create(
                {"mazpulki_volunteer_id": self.volunteer_peteris.id, "mazpulki_activity_id": self.activity_talka.id,
                 "unit_amount": 1, "date": self.yesterday}
            )  # fmt: skip
        with self.assertRaises(AccessError):
            self.volunteer_peteris.with_user(user).read(["name"])

    def test_coordinator_sees_only_their_team(self):
        self.assertEqual(self._visible(self.user_coordinator_valmiera) & self.fixture_lines, self.line_roberts)
        with self.assertRaises(AccessError):
            self.line_madara.with_user(self.user_coordinator_valmiera).write({"unit_amount": 1})
        riga = self._visible(self.user_coordinator_riga) & self.fixture_lines
        self.assertEqual(riga, self.line_madara | self.line_madara_approved | self.line_peteris)
        # A coordinator reads their volunteers' contacts, members of another club included.
        self.assertEqual(self.member_a.with_user(self.user_coordinator_riga).name, self.member_a.name)
        with self.assertRaises(AccessError):
            self.member_b.with_user(self.user_coordinator_riga).read(["name"])

    def test_leader_reads_their_clubs_members_lines(self):
        visible = self._visible(self.user_leader_a) & self.fixture_lines
        self.assertEqual(visible, self.line_madara | self.line_madara_approved)
        with self.assertRaises(AccessError):
            self.line_madara.with_user(self.user_leader_a).write({"unit_amount": 1})

    def test_employee_outside_mazpulki_sees_no_volunteer_line(self):
        # An accountant reads analytic lines, but not volunteers' hours.
        self.assertEqual(self._visible(self.user_accountant), self.line_accounting)
        with self.assertRaises(AccessError):
            self.line_madara.with_user(self.user_accountant).read(["unit_amount"])
        with self.assertRaises(AccessError):
            self.volunteer_madara.with_user(self.user_employee).read(["name"])

    def test_officer_sees_all(self):
        self.assertEqual(self._visible(self.user_officer) & self.fixture_lines, self.fixture_lines)
