import base64
import io
import shutil
import subprocess
import tempfile
import unittest

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfFileReader

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestCard(MazpulkiCommon):
    def test_code_is_random_and_carries_no_personal_data(self):
        card = self.member_a.mazpulki_card_id
        self.assertGreaterEqual(len(base64.urlsafe_b64decode(card.code + "==")) * 8, 64)
        for personal in (self.member_a.name, self.member_a.member_number, str(self.member_a.id)):
            self.assertNotIn(personal, card.code)
        self.assertNotEqual(card.code, self.member_b.mazpulki_card_id.code)

    def test_qr_image_is_a_png(self):
        png = base64.b64decode(self.member_a.mazpulki_qr_image)
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")

    def test_codes_are_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mazpulki.member.card"].create(
                {"member_id": self.member_b.id, "code": self.member_a.mazpulki_card_id.code}
            )

    def test_one_working_card_per_member(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mazpulki.member.card"].create({"member_id": self.member_a.id})

    def test_resolve_code(self):
        Card = self.env["mazpulki.member.card"]
        code = self.member_a.mazpulki_card_id.code
        self.assertEqual(Card.resolve_code(code), self.member_a)
        # Scanners often send a trailing newline.
        self.assertEqual(Card.resolve_code(f" {code}\n"), self.member_a)
        with self.assertRaisesRegex(UserError, "No membership card has the code"):
            Card.resolve_code("not-a-real-code")
        with self.assertRaisesRegex(UserError, "empty"):
            Card.resolve_code("   ")

    def test_lost_card_is_revoked_and_reissued(self):
        old_card = self.member_a.mazpulki_card_id
        wizard = Form(self.env["mazpulki.card.revoke"].with_context(default_member_id=self.member_a.id)).save()
        wizard.reason = "lost"
        wizard.action_revoke_and_reissue()

        self.assertEqual((old_card.state, old_card.revoke_reason), ("revoked", "lost"))
        new_card = self.member_a.mazpulki_card_id
        self.assertNotEqual(new_card, old_card)
        self.assertNotEqual(new_card.code, old_card.code)
        Card = self.env["mazpulki.member.card"]
        with self.assertRaisesRegex(UserError, "was revoked"):
            Card.resolve_code(old_card.code)
        self.assertEqual(Card.resolve_code(new_card.code), self.member_a)

    def test_archived_member_card_stops_working(self):
        code = self.member_b.mazpulki_card_id.code
        self.member_b.action_archive()
        with self.assertRaisesRegex(UserError, "was revoked"):
            self.env["mazpulki.member.card"].resolve_code(code)

    def test_member_restored_from_archive_gets_a_new_card(self):
        old_card = self.member_b.mazpulki_card_id
        self.member_b.action_archive()
        self.member_b.action_unarchive()
        new_card = self.member_b.mazpulki_card_id
        self.assertTrue(new_card)
        self.assertNotEqual(new_card, old_card)
        self.assertEqual(old_card.state, "revoked")
        self.assertEqual(self.env["mazpulki.member.card"].resolve_code(new_card.code), self.member_b)

    def test_club_without_members_cannot_print(self):
        empty = self.env["mazpulki.club"].create(
            {"name": "Jauns", "number": "T-303", "region_id": self.region_kurzeme.id}
        )
        with self.assertRaisesRegex(Exception, "no members"):
            empty.action_print_cards()

    def test_card_sheet_is_an_article_in_the_report_layout(self):
        """The sheet renders inside Odoo's report layout: charset, report styles, one article per sheet."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("mazpulki_members.action_report_member_card", self.member_a.ids)[0]
            .decode()
        )
        self.assertIn('<meta charset="utf-8"', html)
        self.assertIn("web.report_assets_common", html)
        self.assertEqual(html.count("o_mazpulki_card_report"), 1)
        asset_paths = [path for path, *_rest in self.env["ir.asset"]._get_asset_paths("web.report_assets_common", {})]
        self.assertIn("mazpulki_members/static/src/scss/card_report.scss", "\n".join(asset_paths))

    def test_card_logo_only_when_the_company_has_one(self):
        Report = self.env["ir.actions.report"]
        company = self.env.company
        company.logo = False
        self.assertTrue(company.uses_default_logo)
        html = Report._render_qweb_html("mazpulki_members.action_report_member_card", self.member_a.ids)[0]
        self.assertNotIn(b"o_mazpulki_card_logo", html)
        company.logo = self.member_a.mazpulki_qr_image  # any PNG stands for a real logo
        self.assertFalse(company.uses_default_logo)
        html = Report._render_qweb_html("mazpulki_members.action_report_member_card", self.member_a.ids)[0]
        self.assertIn(b"o_mazpulki_card_logo", html)


@tagged("post_install", "-at_install")
class TestCardPdf(MazpulkiCommon, HttpCase):
    """Cards printed by wkhtmltopdf, which fetches the report styles from the running server (HttpCase)."""

    def _render_cards(self, members):
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_members.action_report_member_card", members.ids)
        )
        self.assertEqual(report_type, "pdf")
        return pdf

    @staticmethod
    def _pdf_text(pdf):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            return subprocess.run(
                ["pdftotext", "-enc", "UTF-8", file.name, "-"], check=True, capture_output=True
            ).stdout.decode()

    @unittest.skipUnless(shutil.which("pdftotext"), "poppler's pdftotext reads the PDF's text back")
    def test_club_of_fourteen_prints_on_two_sheets_with_latvian_names(self):
        """A club of 14 members: two A4 sheets of credit-card sized cards, names spelled right."""
        names = [
            "Līga Ozoliņa",
            "Kārlis Zariņš",
            "Ēriks Šķēle",
            "Žanete Čakste",
            "Ģirts Ļaviņš",
            "Ņina Ūdre",
            "Anna Bērziņa",
            "Pēteris Kļaviņš",
            "Aija Grīnberga",
            "Jēkabs Priedītis",
            "Elza Lūse",
            "Rūdolfs Krūmiņš",
            "Marta Ķēniņa",
        ]
        for name in names:
            self._create_member(name, self.club_a, years=12)
        members = self.env["res.partner"].search([("mazpulki_club_id", "=", self.club_a.id)])
        self.assertEqual(len(members), 14)

        pdf = self._render_cards(members)

        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 2)
        text = self._pdf_text(pdf)
        for name in [*names, self.member_a.name]:
            self.assertIn(name, text)
        self.assertNotIn("Ä", text, "UTF-8 read as Latin-1: the page lost its charset")
        self.assertIn(self.member_a.member_number, text)

    def test_club_cards_render_as_pdf(self):
        self._create_member("Kārlis Zariņš", self.club_a, years=10)
        action = self.club_a.action_print_cards()
        self.assertEqual(action["report_name"], "mazpulki_members.report_member_card")
        self.assertEqual(len(action["context"]["active_ids"]), 2)
        pdf = self._render_cards(self.env["res.partner"].browse(action["context"]["active_ids"]))
        self.assertTrue(pdf.startswith(b"%PDF"))
