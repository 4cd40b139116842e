from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mazpulki_volunteer.tests.common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerBesideTimesheets(MazpulkiVolunteerCommon, HttpCase):
    """With Timesheets installed, volunteer hours are logged, approved and valued as without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("mazpulki_volunteer.hourly_rate", "7.5")
        # a staff member's timesheet beside them, and an employee with an hourly cost
        cls.user_staff = new_test_user(
            cls.env, login="staff_ts", name="Inga Darbiniece", groups="hr_timesheet.group_hr_timesheet_user"
        )
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Inga Darbiniece", "user_id": cls.user_staff.id, "hourly_cost": 20.0}
        )
        cls.project = cls.env["project.project"].create({"name": "Biroja darbi", "allow_timesheets": True})
        cls.timesheet = (
            cls.env["account.analytic.line"]
            .with_user(cls.user_staff)
            .create({"project_id": cls.project.id, "name": "Atskaite", "unit_amount": 2.0})
        )

    def _portal_log(self, hours):
        self.authenticate("madara_portal", "madara_portal")
        page = self.url_open("/my/volunteering")
        self.assertEqual(page.status_code, 200)
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        return self.url_open(
            "/my/volunteering",
            data={
                "date": self.yesterday.isoformat(),
                "hours": hours,
                "activity_id": self.activity_talka.id,
                "name": "Talka Timsēs",
                "csrf_token": token,
            },
        )

    def test_portal_flow_approval_and_inkind_value(self):
        self.assertEqual(self.timesheet.employee_id, self.employee)  # Timesheets works as usual for staff
        self.assertEqual(self.timesheet.amount, -40.0)
        response = self._portal_log("2")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("AccessError", response.text)
        self.assertNotIn("only internal users", response.text)
        line = self.env["account.analytic.line"].search([("mazpulki_volunteer_id", "=", self.volunteer_madara.id)])
        self.assertEqual(len(line), 1)
        self.assertEqual((line.unit_amount, line.volunteer_state), (2.0, "submitted"))
        self.assertFalse(line.employee_id)
        self.assertFalse(line.project_id)
        self.assertEqual(line.amount, 0.0, "a volunteer line is never costed")
        year = self.yesterday.year
        Measure = self.env["mazpulki.measure"]
        hours = Measure.mazpulki_measure_values("volunteer.hours", year, year)[year]
        value = Measure.mazpulki_measure_values("volunteer.inkind_value", year, year)[year]
        # the coordinator, who does not approve timesheets, approves it
        line.with_user(self.user_coordinator_riga).action_volunteer_approve()
        self.assertEqual(line.volunteer_state, "approved")
        self.assertEqual(line.amount, 0.0)
        # the approved hours count, valued at the settings' hourly value (7.50 EUR)
        self.assertEqual(Measure.mazpulki_measure_values("volunteer.hours", year, year)[year], hours + 2.0)
        self.assertEqual(Measure.mazpulki_measure_values("volunteer.inkind_value", year, year)[year], value + 15.0)

    def test_coordinator_logs_and_another_approves(self):
        line = (
            self.env["account.analytic.line"]
            .with_user(self.user_coordinator_riga)
            .create(
                {
                    "mazpulki_volunteer_id": self.volunteer_peteris.id,
                    "mazpulki_activity_id": self.activity_office.id,
                    "date": self.yesterday,
                    "unit_amount": 3.0,
                }
            )
        )
        self.assertFalse(line.employee_id)
        line.with_user(self.user_manager).action_volunteer_approve()
        self.assertEqual(line.volunteer_state, "approved")

    def test_volunteer_line_absent_from_timesheets(self):
        line = self._line(self.volunteer_madara, 4)
        Line = self.env["account.analytic.line"]
        for xmlid in ("hr_timesheet.timesheet_action_all", "hr_timesheet.act_hr_timesheet_line"):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            domain = [leaf for leaf in safe_eval(action["domain"], {"uid": self.env.uid}) if leaf[0] != "user_id"]
            found = Line.search(domain)
            self.assertIn(self.timesheet, found)
            self.assertNotIn(line, found)
        report = self.env["timesheets.analysis.report"].search([])
        self.assertIn(self.timesheet.id, report.ids)
        self.assertNotIn(line.id, report.ids)
        # nor can a volunteer line be made a timesheet
        with self.assertRaises(ValidationError):
            line.project_id = self.project
        with self.assertRaises(ValidationError):
            self._line(self.volunteer_peteris, 1, project_id=self.project.id)
