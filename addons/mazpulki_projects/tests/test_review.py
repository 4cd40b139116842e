import subprocess
import tempfile

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mazpulki_members.tests.certificate import assert_certificate_pdf

from .common import ProjectsCommon


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", f.name, "-"], capture_output=True, check=True, text=True
        ).stdout


@tagged("post_install", "-at_install")
class TestReview(ProjectsCommon):
    def test_weighted_total_average_and_spread(self):
        project = self._create_project("report_submitted")
        # Idea weighs 1, result 3: (6*1 + 8*3) / 4 = 7.5 and (10*1 + 4*3) / 4 = 5.5
        review_leader = self._review(project, self.user_leader_a, 6, 8)
        review_office = self._review(project, self.user_officer, 10, 4, comment="Vairāk foto!")
        self.assertEqual(review_leader.total, 7.5)
        self.assertEqual(review_office.total, 5.5)
        self.assertEqual(project.review_count, 2)
        self.assertAlmostEqual(project.score_average, 6.5)
        self.assertAlmostEqual(project.score_spread, 2.0)
        # Stored, so the list can sort and the pivot average them.
        self.assertEqual(
            self.env["mazpulki.project"].search([("id", "=", project.id), ("score_spread", "=", 2.0)]), project
        )

    def test_scores_are_within_range_and_of_the_theme(self):
        project = self._create_project("report_submitted")
        review = self._review(project, self.user_leader_a, 5, 5)
        with self.assertRaisesRegex(ValidationError, "from 0 to 10"):
            review.line_ids[0].score = 11
        other_theme = self.theme.copy({"name": "Cita tēma", "is_published": False})
        with self.assertRaisesRegex(ValidationError, "not a criterion of the project's theme"):
            review.line_ids = [Command.create({"criterion_id": other_theme.criterion_ids[0].id, "score": 3})]

    def test_reviews_only_once_the_report_is_in(self):
        project = self._create_project("in_progress")
        with self.assertRaisesRegex(UserError, "once its final report is submitted"):
            self._review(project, self.user_leader_a, 5, 5)


@tagged("post_install", "-at_install")
class TestCertificate(ProjectsCommon, HttpCase):
    """wkhtmltopdf fetches the certificate layout's styles from the test server:
    an HttpCase shares the test transaction with it."""

    def test_certificate_per_team_member(self):
        teammate = self._create_member("Ērika Šķēle", self.club_a, years=14)
        project = self._create_project(
            "evaluated",
            name="Bišu drava",
            member_ids=[Command.set((self.member_a | teammate).ids)],
            leader_id=self.user_leader_a.partner_id.id,
        )
        with self.assertRaisesRegex(UserError, "Only completed projects get certificates"):
            project.action_print_certificates()
        project.action_complete()
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_projects.action_report_project_certificate", project.ids)
        )
        text = assert_certificate_pdf(self, pdf, 2)
        self.assertEqual(text.count("SERTIFIKĀTS"), 2)
        self.assertIn("Madara Liepiņa", text)
        self.assertIn("Ērika Šķēle", text)
        self.assertIn("Bišu drava", text)
        self.assertIn("ir sekmīgi īstenojis(-usi) projektu", text)
        self.assertIn("PROJEKTA VADĪTĀJS", text)  # the signature line's label, in capitals
        self.assertIn(self.user_leader_a.partner_id.name, text)
        self.assertRegex(text, r"\d{4}\. gada \d{1,2}\. \w+")  # the date the Latvian way
        # The portal asks for one member's certificate.
        pdf_one, _type = (
            self.env["ir.actions.report"]
            .with_context(mazpulki_certificate_member_ids=teammate.ids, force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_projects.action_report_project_certificate", project.ids)
        )
        text_one = assert_certificate_pdf(self, pdf_one, 1)
        self.assertIn("Ērika Šķēle", text_one)
        self.assertNotIn("Madara", text_one)
        self.assertEqual(text_one.count("SERTIFIKĀTS"), 1)
