from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mazpulki_members.tests.test_qualification import QualificationCommon


@tagged("post_install", "-at_install")
class TestQualificationFromEvents(QualificationCommon):
    """The training hours the suite counts at events renew qualifications; a course grants one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = cls.user_leader_a.partner_id

    def _training(self, name, days_ago, hours=0.0, **vals):
        begin = fields.Datetime.now() - timedelta(days=days_ago, hours=2)
        return self.env["event.event"].create(
            {
                "name": name,
                "mazpulki_category": "pd_seminar",
                "mazpulki_qualification_hours": hours,
                "date_begin": begin,
                "date_end": begin + timedelta(hours=8),
                **vals,
            }
        )

    def _attend(self, event, partner=None):
        registration = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": (partner or self.leader).id}
        )
        registration.action_set_done()
        return registration

    def test_renewal_from_hours_attended_at_events(self):
        obtained = self.today - relativedelta(months=11)
        yearly = self._qualify(self.leader, self.yearly, obtained)
        self._attend(self._training("Projektu metode", 200, 8))
        registered_only = self._training("Komandas darbs", 150, 6)
        self.env["event.registration"].create({"event_id": registered_only.id, "partner_id": self.leader.id})
        Qualification = self.env["mazpulki.qualification"]
        self.assertFalse(Qualification._mazpulki_renew_by_training(self.leader.ids), "8 attended hours of 12")
        last = self._training("Pirmā palīdzība bērniem", 40, 4)
        self._attend(last)
        renewed = Qualification._mazpulki_renew_by_training(self.leader.ids)
        self.assertEqual(renewed.kind_id, self.yearly)
        self.assertEqual(renewed.date_obtained, self.today - timedelta(days=40))
        self.assertEqual(renewed.date_valid_until, renewed.date_obtained + relativedelta(years=1, days=-1))
        self.assertTrue(yearly.is_superseded)
        self.assertFalse(Qualification._mazpulki_renew_by_training(self.leader.ids), "once")
        # the leader's page: this year's hours against the 12
        page = self.leader.with_user(self.user_leader_a)
        this_year = sum(
            e.mazpulki_qualification_hours
            for e in self.env["event.registration"]
            .search([("partner_id", "=", self.leader.id), ("state", "=", "done")])
            .event_id
            if e.date_begin.year == self.year
        )
        self.assertEqual(page.mazpulki_training_hours_year, this_year)
        self.assertEqual(page.mazpulki_training_hours_target, 12)

    def test_a_course_grants_its_qualification_to_those_who_attended(self):
        course = self._training("Klubu vadītāju skola", 10, 16, mazpulki_qualification_kind_id=self.course.id)
        self._attend(course)
        absent = self.env["res.partner"].create({"name": "Neatnācis Dalībnieks"})
        self.env["event.registration"].create({"event_id": course.id, "partner_id": absent.id})
        granted = self.env["mazpulki.qualification"]._mazpulki_grant_course_qualifications()
        mine = granted.filtered(lambda q: q.partner_id == self.leader)
        self.assertEqual(mine.kind_id, self.course)
        self.assertEqual(mine.event_id, course)
        self.assertEqual(mine.origin, "course")
        self.assertFalse(granted.filtered(lambda q: q.partner_id == absent))
        self.assertFalse(self.env["mazpulki.qualification"]._mazpulki_grant_course_qualifications(), "once")

    def test_desk_role_needs_its_qualifications(self):
        role = self.env.ref("mazpulki_members.qualification_role_desk_children")
        role.kind_ids = self.check_kind
        admin = self.env.ref("base.user_admin")
        Users = self.env["res.users"].with_user(admin)
        partner = self.env["res.partner"].create({"name": "Edgars Galdiņš"})
        with self.assertRaises(UserError) as refusal:
            Users.create({"name": partner.name, "login": "desk_new", "partner_id": partner.id, "mazpulki_role": "desk"})
        self.assertIn("Sodu reģistra pārbaude (missing)", str(refusal.exception))
        self._check(partner, "clear")
        user = Users.create(
            {"name": partner.name, "login": "desk_new", "partner_id": partner.id, "mazpulki_role": "desk"}
        )
        self.assertTrue(user.has_group("mazpulki_events.group_mazpulki_event_desk"))

    def test_hours_per_leader_measure(self):
        Measure = self.env["mazpulki.measure"]
        code = "events.qualification_hours_per_leader"
        region = [self.region_kurzeme.id]
        rows = self.env["mazpulki.leader.qualification"]._read_group(
            [("year", "=", self.year), ("region_id", "in", region)], [], ["hours:sum", "__count"]
        )
        hours, count = rows[0]
        self.assertEqual(
            Measure.mazpulki_measure_values(code, self.year, self.year, region)[self.year], round(hours / count, 1)
        )
        self._attend(self._training("Vasaras seminārs", 1, 12))
        value = Measure.mazpulki_measure_values(code, self.year, self.year, region)[self.year]
        self.assertEqual(value, round((hours + 12) / count, 1))
        self.assertIsNone(Measure.mazpulki_measure_values(code, 1990, 1990)[1990], "no leaders: no average")
        self.assertIn(code, Measure._mazpulki_measures())
        self.assertIn("members.leaders_fully_qualified", Measure._mazpulki_measures())
