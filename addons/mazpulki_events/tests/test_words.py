from odoo.tests import tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestEventWords(MazpulkiEventsCommon):
    """The events' words in Latvian (issue 23)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search(
            [("name", "in", ("event", "website_event", "mazpulki_events"))]
        )._update_translations(["lv_LV"])
        cls.env["ir.module.module"]._mazpulki_load_extra_terms("mazpulki_events")

    def test_attendee_name_is_asked_as_a_persons(self):
        event = (
            self.env["event.event"]
            .with_context(lang="lv_LV")
            .create({"name": "Pārgājiens", "date_begin": "2030-05-01 08:00:00", "date_end": "2030-05-01 16:00:00"})
        )
        question = event.question_ids.filtered(lambda q: q.question_type == "name")
        self.assertEqual(question.with_context(lang="lv_LV").title, "Vārds, uzvārds")
        # the events made before keep theirs, given in Latvian at the update
        old = self.env["event.question"].create({"title": "Name", "question_type": "name", "event_id": event.id})
        self.env["event.type"]._mazpulki_name_questions_in_latvian()
        self.assertEqual(old.with_context(lang="lv_LV").title, "Vārds, uzvārds")
        self.assertEqual(old.with_context(lang="en_US").title, "Name and surname")

    def test_registration_words(self):
        arch = self.env.ref("website_event.registration_attendee_details").with_context(lang="lv_LV").arch_db
        self.assertIn("Apstiprināt reģistrāciju", arch)
        self.assertNotIn("Apstiprināt Reģistrāciju", arch)
        checked_in = self.env["mazpulki.event.attendance"].with_context(lang="lv_LV").fields_get(["check_in"])
        self.assertEqual(checked_in["check_in"]["string"], "Ieradās")
