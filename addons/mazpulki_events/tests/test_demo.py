from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDemoEvents(HttpCase):
    """The demo's events are the organisation's: published, in Latvia, with the office responsible."""

    def test_no_sample_event_of_odoo_survives(self):
        Data = self.env["ir.model.data"]
        for model in ("event.event", "event.type", "event.tag"):
            self.assertFalse(Data._mazpulki_demo_samples(model, ("event", "website_event")), model)
        self.assertFalse(self.env["event.event"].search([("mazpulki_category", "=", False)]))

    def test_upcoming_events_are_published_in_latvia_with_a_person_responsible(self):
        upcoming = self.env["event.event"].search(
            [("mazpulki_category", "!=", False), ("date_end", ">=", fields.Datetime.now())]
        )
        self.assertIn(self.env.ref("mazpulki_events.event_camp_demo"), upcoming)
        for event in upcoming:
            self.assertTrue(event.website_published, event.name)
            self.assertEqual(event.address_id.country_id, self.env.ref("base.lv"), event.name)
            self.assertTrue(event.user_id and not event.user_id._is_superuser(), event.name)
            self.assertFalse(event.user_id.share, event.name)

    def test_past_events_have_ended(self):
        past = self.env["event.event"].search(
            [("mazpulki_category", "!=", False), ("date_end", "<", fields.Datetime.now())]
        )
        self.assertTrue(past)
        self.assertEqual(past.stage_id, self.env.ref("event.event_stage_done"))

    def test_website_lists_the_organisations_events(self):
        page = self.url_open("/event").text
        self.assertIn(self.env.ref("mazpulki_events.event_camp_demo").name, page)
        for sample in ("Los Angeles", "Reno", "Wembley", "OpenWood"):
            self.assertNotIn(sample, page)
