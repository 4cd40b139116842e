import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestMeetingPlan(MazpulkiMeetingsCommon):
    def test_plan_makes_weekly_meetings_and_skips_the_holidays(self):
        """Wednesdays from 1 to 29 September with a school holiday in the third week: four meetings."""
        year = self.year + 1  # all of it to come
        self.env["mazpulki.school.holiday"].create(
            {
                "name": "Rudens brīvdienas",
                "date_from": datetime.date(year, 9, 14),
                "date_to": datetime.date(year, 9, 18),
            }
        )
        plan = (
            self.env["mazpulki.meeting.plan"]
            .with_user(self.user_leader_a)
            .create(
                {
                    "club_id": self.club_a.id,
                    "weekday": "2",
                    "hour": 15.5,
                    "place": "Kalnciema skola",
                    "date_from": datetime.date(year, 9, 1),
                    "date_until": datetime.date(year, 9, 30),
                }
            )
        )
        plan.action_generate()
        days = plan.meeting_ids.sorted("date_begin").mapped("day")
        wednesdays = [d for d in (datetime.date(year, 9, n) for n in range(1, 31)) if d.weekday() == 2]
        self.assertEqual(
            days, [d for d in wednesdays if not datetime.date(year, 9, 14) <= d <= datetime.date(year, 9, 18)]
        )
        self.assertTrue(all(m.place == "Kalnciema skola" for m in plan.meeting_ids))
        # 15:30 in Riga is 12:30 UTC in summer time
        self.assertEqual(plan.meeting_ids[0].date_begin.time(), datetime.time(12, 30))
        # a meeting changed by hand stays when the plan makes its meetings again
        edited = plan.meeting_ids.sorted("date_begin")[0]
        edited.with_user(self.user_leader_a).topic = "Ciemos pie bitenieka"
        plan.place = "Pagasta nams"
        plan.action_generate()
        self.assertIn(edited, plan.meeting_ids)
        self.assertEqual(edited.place, "Kalnciema skola")
        self.assertEqual(len(plan.meeting_ids), len(days))
        self.assertEqual(set((plan.meeting_ids - edited).mapped("place")), {"Pagasta nams"})

    def test_plan_with_wrong_dates(self):
        with self.assertRaises(ValidationError):
            self.env["mazpulki.meeting.plan"].create(
                {"club_id": self.club_a.id, "date_from": self.today, "date_until": self.today - datetime.timedelta(1)}
            )
        plan = self.env["mazpulki.meeting.plan"].create(
            {"club_id": self.club_a.id, "date_from": self.today, "date_until": self.today.replace(year=self.year + 5)}
        )
        with self.assertRaises(UserError):
            plan.action_generate()

    def test_a_member_is_on_a_roll_call_once(self):
        Attendance = self.env["mazpulki.meeting.attendance"]
        Attendance.create({"meeting_id": self.meeting_a.id, "member_id": self.member_a.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Attendance.create({"meeting_id": self.meeting_a.id, "member_id": self.member_a.id, "state": "absent"})

    def test_visitor_becomes_an_application_with_a_pending_guardian(self):
        """A girl tries the club; one tap makes her application; accepting it links her mother unproved."""
        visitor = (
            self.env["mazpulki.meeting.visitor"]
            .with_user(self.user_leader_a)
            .create(
                {
                    "meeting_id": self.meeting_a.id,
                    "name": "Anna Viesīte",
                    "birthdate_date": self.today.replace(year=self.year - 9),
                    "guardian_name": "Inga Viesīte",
                    "guardian_phone": "+371 29111222",
                    "guardian_email": "inga.viesite@example.lv",
                }
            )
        )
        with self.assertRaises(UserError):  # no consent of the guardian yet
            visitor.action_make_application()
        visitor.consent_data_processing = True
        visitor.action_make_application()
        application = visitor.application_id
        self.assertEqual(application.state, "new")
        self.assertEqual(application.club_id, self.club_a)
        self.assertEqual(application.guardian_email, "inga.viesite@example.lv")
        visitor.action_make_application()  # the second tap opens the same one
        self.assertEqual(self.env["mazpulki.member.application"].search_count([("name", "=", "Anna Viesīte")]), 1)
        application.with_user(self.user_officer).action_accept()
        member = application.member_id
        self.assertTrue(member.is_mazpulki_member)
        link = self.env["mazpulki.guardian"].with_context(active_test=False).search([("member_id", "=", member.id)])
        self.assertEqual(link.state, "pending", "the office or the family proves the link; the visit does not")
        self.assertFalse(member.guardian_ids, "no proved guardian: no access through the portal yet")
