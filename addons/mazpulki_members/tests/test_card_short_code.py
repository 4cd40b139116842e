import re
import shutil
import unittest

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from ..models.mazpulki_member_card import MEMBER_NUMBER_TYPED, SHORT_CODE_ALPHABET, normalize_typed_code
from . import test_card
from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestCardShortCode(MazpulkiCommon):
    """The short code under the QR and the member number, typed at a desk without a scanner."""

    def test_short_code_is_random_readable_and_unique(self):
        card_a, card_b = self.member_a.mazpulki_card_id, self.member_b.mazpulki_card_id
        self.assertRegex(card_a.short_code, f"^[{SHORT_CODE_ALPHABET}]{{8}}$")
        self.assertFalse(set(card_a.short_code) & set("ILOU"), "no letter to mistake for another")
        self.assertFalse(MEMBER_NUMBER_TYPED.match(card_a.short_code))
        self.assertNotEqual(card_a.short_code, card_b.short_code)
        self.assertEqual(card_a.short_code_display, f"{card_a.short_code[:4]}-{card_a.short_code[4:]}")
        for personal in (self.member_a.member_number, str(self.member_a.id)):
            self.assertNotIn(personal, card_a.short_code)

    def test_typed_short_code_in_any_case_with_spaces_and_hyphens(self):
        Card = self.env["mazpulki.member.card"]
        card = self.member_a.mazpulki_card_id
        card.short_code = "K7M29QX0"
        for typed in ("K7M2-9QX0", "k7m2 9qx0", " k7m29qxo ", "K7M2-9QXO"):
            self.assertEqual(Card.resolve_code(typed), self.member_a, typed)
        self.assertEqual(normalize_typed_code("k7m2-9qxl"), "K7M29QX1")

    def test_member_number_typed(self):
        Card = self.env["mazpulki.member.card"]
        number = self.member_b.member_number
        digits = int(re.sub(r"\D", "", number))
        for typed in (number, number.lower(), f"MP {digits}", f"mp-{digits:06d}"):
            self.assertEqual(Card.resolve_code(typed), self.member_b, typed)
        with self.assertRaisesRegex(UserError, "No membership card"):
            Card.resolve_code("MP-999999")

    def test_revoked_short_code_is_refused(self):
        Card = self.env["mazpulki.member.card"]
        old = self.member_a.mazpulki_card_id
        old._revoke("lost")
        with self.assertRaisesRegex(UserError, "revoked"):
            Card.resolve_code(old.short_code_display)
        self.member_a._mazpulki_issue_card()
        new = self.member_a.mazpulki_card_id
        self.assertNotEqual(new.short_code, old.short_code)
        self.assertEqual(Card.resolve_code(new.short_code_display), self.member_a)
        # the member number names the member, whichever card is working
        self.assertEqual(Card.resolve_code(self.member_a.member_number), self.member_a)

    def test_former_member_number_is_not_a_card(self):
        number = self.member_b.member_number
        self.member_b.is_mazpulki_member = False
        with self.assertRaisesRegex(UserError, "No membership card"):
            self.env["mazpulki.member.card"].resolve_code(number)


@tagged("post_install", "-at_install")
class TestCardShortCodePrinted(MazpulkiCommon, HttpCase):
    """The short code under the QR: on the printed card (read back from the PDF) and on the portal card page."""

    _render_cards = test_card.TestCardPdf._render_cards
    _pdf_text = staticmethod(test_card.TestCardPdf._pdf_text)

    @unittest.skipUnless(shutil.which("pdftotext"), "poppler's pdftotext reads the PDF's text back")
    def test_short_code_printed_under_the_qr(self):
        text = self._pdf_text(self._render_cards(self.member_a))
        self.assertIn(self.member_a.mazpulki_card_id.short_code_display, text)

    def test_portal_card_page_shows_the_short_code(self):
        self.member_a.email = "madara@example.lv"
        self._create_portal_user(self.member_a, "madara")
        self.authenticate("madara", "madara_pass")
        page = self.url_open(f"/my/membership/{self.member_a.id}").text
        short_code = self.member_a.mazpulki_card_id.short_code_display
        self.assertIn(f'o_mazpulki_portal_short_code fs-4 font-monospace fw-bold mb-1">{short_code}<', page)
