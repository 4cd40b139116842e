"""The portal home of members and families: invoices in euros, and only when there are some."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon

ICON = "/mazpulki_strategy/static/src/img/portal_invoices.svg"


@tagged("post_install", "-at_install")
class TestPortalHome(MazpulkiCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_member = cls._create_portal_user(cls.member_a, "madara_home")
        cls.guardian_b = cls._create_guardian(cls.member_b, "Anda Vītola")
        cls.user_guardian = cls._create_portal_user(cls.guardian_b, "anda_home")

    def test_member_without_invoices_sees_no_invoices_card(self):
        self.start_tour("/my", "mazpulki_portal_no_invoices", login="madara_home")

    def test_invoices_card_shows_a_euro(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.guardian_b.id,
                "invoice_line_ids": [Command.create({"name": "Nometnes dalības maksa", "price_unit": 40.0})],
            }
        )
        invoice.action_post()
        self.assertEqual(invoice.currency_id.name, "EUR")
        self.authenticate("anda_home", "anda_home_pass")
        html = self.url_open("/my").text
        self.assertIn(ICON, html)
        self.assertNotIn("/account/static/src/img/Bill.svg", html)
        self.start_tour("/my", "mazpulki_portal_invoices", login="anda_home")
