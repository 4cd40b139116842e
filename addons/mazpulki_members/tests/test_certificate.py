from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCertificateLayout(TransactionCase):
    def test_paperformat_is_a4_landscape_without_margins(self):
        paperformat = self.env.ref("mazpulki_members.paperformat_certificate")
        self.assertEqual((paperformat.format, paperformat.orientation), ("A4", "Landscape"))
        self.assertEqual(
            (paperformat.margin_top, paperformat.margin_bottom, paperformat.margin_left, paperformat.margin_right),
            (0, 0, 0, 0),
        )

    def test_dates_and_numbers_are_written_the_latvian_way(self):
        base = self.env["report.mazpulki_members.certificate_base"]
        self.assertEqual(base._mazpulki_certificate_date(date(2026, 12, 7)), "2026. gada 7. decembris")
        self.assertEqual(base._mazpulki_certificate_date(date(2025, 1, 15)), "2025. gada 15. janvāris")
        self.assertEqual(base._mazpulki_certificate_date(False), "")
        self.assertEqual(base._mazpulki_certificate_number(43.5), "43,5")
        self.assertEqual(base._mazpulki_certificate_number(12.0), "12")

    def test_the_certificates_use_the_layout(self):
        paperformat = self.env.ref("mazpulki_members.paperformat_certificate")
        reports = self.env["ir.actions.report"].search([("paperformat_id", "=", paperformat.id)])
        # the projects', volunteers' and events' certificates, whichever of them are installed
        self.assertTrue(reports)
        for report in reports:
            self.assertIn("certificate_page", self.env["ir.ui.view"]._get(report.report_name).arch_db)
