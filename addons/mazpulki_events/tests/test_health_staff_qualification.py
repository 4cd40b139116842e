from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .health_common import HealthCommon


@tagged("post_install", "-at_install")
class TestCampStaffQualification(HealthCommon):
    """The office names camp staff and group leaders only with the qualifications their role requires
    (issue 26's roles, read by issue 24's readers of health information)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Kind = cls.env["mazpulki.qualification.kind"]
        cls.first_aid = Kind.create({"name": "Pirmā palīdzība", "validity_years": 3, "grace_months": 6})
        cls.env.ref("mazpulki_members.qualification_role_camp_staff").kind_ids = cls.first_aid
        cls.env.ref("mazpulki_members.qualification_role_camp_group_leader").kind_ids = cls.first_aid
        cls.Staff = cls.env["mazpulki.event.staff"].with_user(cls.user_office_manager)
        cls.camp_day = cls.health_camp.date_begin.date()

    def _first_aid(self, user, date_obtained):
        return self.env["mazpulki.qualification"].create(
            {"partner_id": user.partner_id.id, "kind_id": self.first_aid.id, "date_obtained": date_obtained}
        )

    def test_a_medic_without_first_aid_is_refused_by_name(self):
        with self.assertRaises(UserError) as caught:
            self.Staff.create({"event_id": self.health_camp.id, "user_id": self.user_other_medic.id, "role": "medic"})
        self.assertIn(self.user_other_medic.name, str(caught.exception))
        self.assertIn("Pirmā palīdzība", str(caught.exception))
        self.assertFalse(self.health_camp.mazpulki_staff_ids.filtered(lambda s: s.user_id == self.user_other_medic))

    def test_valid_on_the_camp_s_first_day_is_allowed(self):
        self._first_aid(self.user_other_medic, self.camp_day - relativedelta(years=1))
        staff = self.Staff.create(
            {"event_id": self.health_camp.id, "user_id": self.user_other_medic.id, "role": "medic"}
        )
        self.assertEqual(staff.role, "medic")

    def test_expired_before_the_camp_is_refused(self):
        self._first_aid(self.user_other_medic, self.camp_day - relativedelta(years=4))
        with self.assertRaises(UserError):
            self.Staff.create({"event_id": self.health_camp.id, "user_id": self.user_other_medic.id, "role": "kitchen"})

    def test_an_office_override_lets_her_through(self):
        self.env["mazpulki.qualification.override"].create(
            {
                "partner_id": self.user_other_medic.partner_id.id,
                "role_id": self.env.ref("mazpulki_members.qualification_role_camp_staff").id,
                "reason": "Ārsts ar praksi; kursu beigs jūnijā",
                "date_valid_until": self.camp_day + relativedelta(days=10),
            }
        )
        self.assertTrue(
            self.Staff.create({"event_id": self.health_camp.id, "user_id": self.user_other_medic.id, "role": "medic"})
        )

    def test_a_camp_group_s_leader_needs_the_group_leader_role(self):
        Group = self.env["mazpulki.event.group"].with_user(self.user_office_manager)
        with self.assertRaises(UserError):
            Group.create({"name": "Skudras", "event_id": self.health_camp.id, "leader_id": self.user_other_medic.id})
        self._first_aid(self.user_other_medic, self.camp_day - relativedelta(months=2))
        group = Group.create(
            {"name": "Skudras", "event_id": self.health_camp.id, "leader_id": self.user_other_medic.id}
        )
        self.assertEqual(group.leader_id, self.user_other_medic)
