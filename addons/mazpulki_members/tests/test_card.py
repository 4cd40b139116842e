import base64

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

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

    def test_club_cards_render_as_pdf(self):
        self._create_member("Kārlis Zariņš", self.club_a, years=10)
        action = self.club_a.action_print_cards()
        self.assertEqual(action["report_name"], "mazpulki_members.report_member_card")
        self.assertEqual(len(action["context"]["active_ids"]), 2)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_members.action_report_member_card", action["context"]["active_ids"])
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_club_without_members_cannot_print(self):
        empty = self.env["mazpulki.club"].create(
            {"name": "Jauns", "number": "T-303", "region_id": self.region_kurzeme.id}
        )
        with self.assertRaisesRegex(Exception, "no members"):
            empty.action_print_cards()
