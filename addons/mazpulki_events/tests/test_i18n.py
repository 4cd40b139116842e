from odoo.tests import tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestEventsLatvian(MazpulkiEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_events")])._update_translations(["lv_LV"])

    def test_desk_refusal_speaks_latvian(self):
        result = (
            self.env["event.registration"].with_context(lang="lv_LV").register_attendee(self.code_adult, self.camp.id)
        )
        self.assertEqual(result["status"], "mazpulki_not_registered")
        self.assertIn("nav reģistrēts šim pasākumam", result["mazpulki_message"])
        self.assertIn("Kārlis Bērziņš", result["mazpulki_message"])

    def test_guardian_is_asked_in_latvian(self):
        guardian = self._create_guardian(self.member_b, "Andris Vītols", relation="father")
        guardian.lang = "lv_LV"
        self.camp.mazpulki_guardian_approval = True
        self.env["event.registration"].create({"event_id": self.camp.id, "partner_id": self.member_b.id})
        mail = self.env["mail.mail"].search([("recipient_ids", "in", guardian.ids)])
        self.assertIn("lūdzu, apstipriniet reģistrāciju", mail.subject)
        self.assertIn("Apstiprināt vai noraidīt", mail.body_html)
