from odoo.tests import tagged

from odoo.addons.mazpulki_members.models.mazpulki_measure import PRIORITY_AREAS
from odoo.addons.mazpulki_members.tests.website_common import MazpulkiPublicSiteCase


@tagged("post_install", "-at_install")
class TestPublicEventPages(MazpulkiPublicSiteCase):
    """The demo events' pages are the organisation's: Latvian descriptions, its own pictures, no sample texts."""

    _public_site_modules = ["mazpulki_events"]

    def test_every_published_event_page_is_ours(self):
        self.assert_public_page_is_ours("/event")
        events = self.env["event.event"].search([("website_published", "=", True)])
        self.assertGreaterEqual(len(events), 20, "the demo's published events")
        for event in events:
            with self.subTest(event=event.name):
                page = self.assert_public_page_is_ours(event.website_url)
                self.assertIn("/mazpulki_events/static/src/img/event_cover_", page)

    def test_the_camp_speaks_of_the_camp(self):
        camp = self.env.ref("mazpulki_events.event_camp_demo")
        page = self.assert_public_page_is_ours(camp.website_url)
        self.assertIn("Trīs dienas Ērgļos", page)
        self.assertIn("event_cover_camp.svg", page)
        self.assertEqual(self.url_open("/mazpulki_events/static/src/img/event_cover_camp.svg").status_code, 200)

    def test_a_new_event_starts_from_the_organisations_outline_and_picture(self):
        event = self.env["event.event"].create(
            {"name": "Jauns pasākums", "date_begin": "2030-06-01 08:00:00", "date_end": "2030-06-01 16:00:00"}
        )
        self.assertIn("What to bring", event.description)
        self.assertNotIn("24 hours", event.description)
        self.assertIn("event_cover_clover.svg", event.cover_properties)
        latvian = (
            self.env["event.event"]
            .with_context(lang="lv_LV")
            .create({"name": "Sēkla", "date_begin": "2030-06-01 08:00:00", "date_end": "2030-06-01 16:00:00"})
        )
        self.assertIn("Ko ņemt līdzi", latvian.with_context(lang="lv_LV").description)
        seminar = self.env["event.event"].create(
            {
                "name": "Seminārs",
                "mazpulki_category": "seminar",
                "mazpulki_priority_area": PRIORITY_AREAS[0][0],
                "date_begin": "2030-06-01 08:00:00",
                "date_end": "2030-06-01 16:00:00",
            }
        )
        self.assertIn("event_cover_seminar.svg", seminar.cover_properties)
