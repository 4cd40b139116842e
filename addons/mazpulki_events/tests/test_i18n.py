from datetime import timedelta

from odoo import fields
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

    def test_event_stages_speak_latvian(self):
        """The events' stages on the kanban and the form: Odoo 18 leaves "Announced" untranslated."""
        self.env["ir.module.module"].search([("name", "in", ("event", "mazpulki_events"))])._update_translations(
            ["lv_LV"]
        )
        stages = {
            xmlid: self.env.ref(f"event.{xmlid}").with_context(lang="lv_LV").name
            for xmlid in ("event_stage_new", "event_stage_booked", "event_stage_announced", "event_stage_done")
        }
        self.assertEqual(
            stages,
            {
                "event_stage_new": "Jauns",
                "event_stage_booked": "Rezervēts",
                "event_stage_announced": "Izziņots",
                "event_stage_done": "Beidzās",
            },
        )

    def test_event_form_speaks_latvian_over_odoo(self):
        """The event form's terms Odoo leaves English or gets wrong, in the suite's Latvian."""
        Module = self.env["ir.module.module"]
        Module.search([("name", "in", ("event", "mazpulki_events"))])._update_translations(["lv_LV"])
        arch = self.env.ref("event.view_event_form").with_context(lang="lv_LV").arch_db
        self.assertIn("Reģistrācijas galds", arch)
        self.assertIn("Ierobežot reģistrāciju skaitu", arch)
        fields_lv = self.env["event.event"].with_context(lang="lv_LV").fields_get(["address_id", "seats_max"])
        self.assertEqual(fields_lv["address_id"]["string"], "Norises vieta")
        self.assertEqual(fields_lv["seats_max"]["string"], "Maksimālais dalībnieku skaits")
        menu = self.env.ref("event.menu_event_registration_desk").with_context(lang="lv_LV")
        self.assertEqual(menu.name, "Reģistrācijas galds")
        # Odoo's "Notikums" (an occurrence) for an event, written over ours, is corrected again
        Module.search([("name", "=", "event")])._update_translations(["lv_LV"], overwrite=True)
        event_field = self.env["event.registration"].with_context(lang="lv_LV").fields_get(["event_id"])
        self.assertEqual(event_field["event_id"]["string"], "Notikums")
        Module._mazpulki_load_extra_terms("mazpulki_events")
        event_field = self.env["event.registration"].with_context(lang="lv_LV").fields_get(["event_id"])
        self.assertEqual(event_field["event_id"]["string"], "Pasākums")

    def test_desk_words_are_the_suite_s_own(self):
        """The desk's templates use the suite's msgids, translated in its lv.po (not "piemiedziet")."""
        from odoo.tools.translate import code_translations

        terms = {
            message["id"]: message["string"]
            for message in code_translations.get_web_translations("mazpulki_events", "lv_LV")["messages"]
        }
        self.assertEqual(terms["Scan a card or ticket, or tap"], "Noskenējiet karti vai biļeti vai pieskarieties")
        self.assertEqual(terms["Checked in!"], "Ierašanās atzīmēta!")
        self.assertEqual(terms["Already checked in!"], "Ierašanās jau atzīmēta!")
        self.assertEqual(terms["Find an attendee"], "Atrast dalībnieku")
        # Odoo's own dialog title ("Home") and its "Event" row ("Notikums" in Odoo's Latvian) are the suite's
        self.assertEqual(terms["Scanned Attendee"], "Noskenētais dalībnieks")
        self.assertEqual(terms["Event Name"], "Pasākums")
        # the camera button of Odoo's scanner (a phone at the desk or the roll call)
        self.assertEqual(terms["Tap to scan a card"], "Pieskarieties, lai skenētu karti")
        paths = [path for path, *_rest in self.env["ir.asset"]._get_asset_paths("web.assets_backend", {})]
        self.assertTrue(any(p.endswith("mazpulki_events/static/src/client_action/barcode_scanner.xml") for p in paths))

    def test_reminder_says_when_in_latvian(self):
        """The reminder's subject says when the event starts in Latvian (Odoo's event has no Latvian for it)."""
        now = fields.Datetime.now()
        camp = self.camp.with_context(lang="lv_LV")
        for days, words in ((0, "šodien"), (1, "rīt"), (3, "pēc 3 dienām"), (10, "nākamnedēļ")):
            self.camp.write({"date_begin": now + timedelta(days=days), "date_end": now + timedelta(days=days, hours=5)})
            self.assertEqual(camp._get_date_range_str("lv_LV"), words)
        self.camp.write({"date_begin": now, "date_end": now + timedelta(hours=5)})
        registration = self.registration_a
        template = self.env.ref("event.event_reminder")
        subject = template.with_context(lang="lv_LV")._render_field("subject", registration.ids, compute_lang=False)
        self.assertEqual(subject[registration.id], f"{self.camp.name}: šodien")
