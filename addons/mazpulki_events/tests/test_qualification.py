import subprocess
import tempfile
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.mazpulki_members.tests.certificate import assert_certificate_pdf
from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            ["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True, text=True
        ).stdout


@tagged("post_install", "-at_install")
class TestQualification(MazpulkiCommon, HttpCase):
    """PDFs are rendered by wkhtmltopdf, which fetches the report assets from the
    test server: an HttpCase shares the test transaction with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.leader = cls.user_leader_a.partner_id
        cls.trainings = cls.env["event.event"].create(
            [
                {
                    "name": name,
                    "mazpulki_category": "pd_seminar",
                    "mazpulki_qualification_hours": hours,
                    "date_begin": now - timedelta(hours=3),
                    "date_end": now + timedelta(hours=5),
                }
                for name, hours in (("Projektu metode", 8), ("Pirmā palīdzība", 4), ("Komandas darbs", 6))
            ]
        )
        cls.Qualification = cls.env["mazpulki.leader.qualification"]

    def _qualification(self, leader=None):
        return self.Qualification.search([("partner_id", "=", (leader or self.leader).id), ("year", "=", self.year)])

    def _attend(self, training, leader=None):
        registration = self.env["event.registration"].create(
            {"event_id": training.id, "partner_id": (leader or self.leader).id}
        )
        registration.action_set_done()
        return registration

    def test_hours_add_up_to_a_certificate(self):
        self.assertEqual(self._qualification().hours, 0)
        self.assertFalse(self._qualification().is_qualified)
        self._attend(self.trainings[0])
        with self.assertRaises(UserError):
            self._qualification().action_print_certificate()
        self._attend(self.trainings[1])
        qualification = self._qualification()
        self.assertEqual(qualification.hours, 12)
        self.assertEqual(qualification.training_count, 2)
        self.assertTrue(qualification.is_qualified)
        self.assertEqual(qualification.region_id, self.region_kurzeme)
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_events.action_report_qualification_certificate", qualification.ids)
        )
        text = assert_certificate_pdf(self, pdf, 1)
        self.assertIn("APLIECĪBA", text)
        self.assertIn("Ilze Kalniņa", text)
        self.assertIn(f"{self.year}. gadā ir pilnveidojis(-usi) profesionālo kompetenci 12 stundu apjomā", text)
        self.assertIn("Projektu metode", text)
        self.assertIn("Pirmā palīdzība", text)

    def test_short_of_twelve_hours_per_region(self):
        self._attend(self.trainings[2])
        short = self.Qualification.search([("year", "=", self.year), ("is_qualified", "=", False)])
        self.assertIn(self.leader, short.partner_id)
        self.assertIn(self.user_leader_b.partner_id, short.partner_id)
        self.assertEqual(self._qualification().hours_missing, 6)
        by_region = dict(
            self.Qualification._read_group(
                [("year", "=", self.year), ("partner_id", "in", (self.leader | self.user_leader_b.partner_id).ids)],
                ["region_id"],
                ["__count"],
            )
        )
        self.assertEqual(by_region, {self.region_kurzeme: 1, self.region_latgale: 1})

    def test_leaders_qualified_measure(self):
        Measure = self.env["mazpulki.measure"]
        before = Measure.mazpulki_measure_values("events.leaders_qualified", self.year, self.year)[self.year]
        hours_before = Measure.mazpulki_measure_values("events.qualification_hours", self.year, self.year)[self.year]
        self._attend(self.trainings[0])
        self._attend(self.trainings[2])
        self._attend(self.trainings[1], leader=self.user_leader_b.partner_id)
        after = Measure.mazpulki_measure_values("events.leaders_qualified", self.year, self.year)[self.year]
        hours_after = Measure.mazpulki_measure_values("events.qualification_hours", self.year, self.year)[self.year]
        self.assertEqual(after - before, 1)
        self.assertEqual(hours_after - hours_before, 18)

    def test_day_list_prints_with_latvian_letters(self):
        camp = self.env["event.event"].create(
            {
                "name": "Nometne “Ērgļi”",
                "mazpulki_category": "camp",
                "date_begin": fields.Datetime.now() - timedelta(hours=1),
                "date_end": fields.Datetime.now() + timedelta(days=2),
                "mazpulki_guardian_approval": False,
            }
        )
        member = self._create_member("Žanete Šņore", self.club_a, years=14)
        self.env["event.registration"].create(
            [{"event_id": camp.id, "partner_id": p.id} for p in (member, self.member_a)]
        )
        for code in (member.mazpulki_card_id.code, self.member_a.mazpulki_card_id.code):
            self.env["event.registration"].register_attendee(code, camp.id)
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_events.action_report_attendance_day_list", camp.mazpulki_attendance_ids.ids)
        )
        text = pdf_text(pdf)
        self.assertIn("Žanete Šņore", text)
        self.assertIn("Madara Liepiņa", text)
        self.assertIn("Ērgļi", text)
        self.assertIn("Present: 2", text)
        self.assertEqual(text.count("\f"), 1)  # one day, one page
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_events.action_report_event_day_list", camp.ids)
        )
        self.assertIn("Žanete Šņore", pdf_text(pdf))
