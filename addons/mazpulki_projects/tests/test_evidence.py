from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.mazpulki_projects.models import mazpulki_project

from .common import PDF, PNG, ProjectsCommon


@tagged("post_install", "-at_install")
class TestEvidence(ProjectsCommon):
    def setUp(self):
        super().setUp()
        self.project = self._create_project("in_progress")

    def test_photo_and_pdf_are_accepted_with_sniffed_type(self):
        attachments = self.project._mazpulki_add_evidence([("raza.png", PNG), ("atskaite.pdf", PDF), ("bilde", PNG)])
        self.assertEqual(attachments.mapped("mimetype"), ["image/png", "application/pdf", "image/png"])
        self.assertEqual(self.project.evidence_ids, attachments)
        self.assertEqual(set(attachments.mapped("res_id")), {self.project.id})

    def test_content_not_what_the_name_says_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "content of bilde.jpg is not what its name says"):
            self.project._mazpulki_add_evidence([("bilde.jpg", PNG)])
        for name, data in (
            ("bilde.png", b"<html><script>alert(1)</script></html>"),
            ("atskaite.pdf", b"MZ\x90\x00 not a pdf"),
            ("lapa.html", b"<html><body>hi</body></html>"),
        ):
            with self.subTest(name=name), self.assertRaisesRegex(ValidationError, "is not a photo"):
                self.project._mazpulki_add_evidence([(name, data)])
        self.assertFalse(self.project.evidence_ids)

    def test_size_cap(self):
        self.patch(mazpulki_project, "EVIDENCE_MAX_SIZE", 1024)
        with self.assertRaisesRegex(ValidationError, "a file can be at most"):
            self.project._mazpulki_add_evidence([("liela.png", PNG + b"\0" * 2048)])
        self.project._mazpulki_add_evidence([("maza.png", PNG)])

    def test_count_cap(self):
        self.patch(mazpulki_project, "EVIDENCE_MAX_COUNT", 2)
        self.project._mazpulki_add_evidence([("1.png", PNG), ("2.png", PNG)])
        with self.assertRaisesRegex(ValidationError, "at most 2 evidence files"):
            self.project._mazpulki_add_evidence([("3.png", PNG)])
        self.assertEqual(len(self.project.evidence_ids), 2)

    def test_back_office_upload_is_checked_too(self):
        # A file linked through the form's upload widget meets the same check.
        fake = (
            self.env["ir.attachment"]
            .with_user(self.user_leader_a)
            .create({"name": "foto.jpg", "raw": b"<svg onload=alert(1)>"})
        )
        with self.assertRaisesRegex(ValidationError, "is not a photo"):
            self.project.with_user(self.user_leader_a).write({"evidence_ids": [Command.link(fake.id)]})
