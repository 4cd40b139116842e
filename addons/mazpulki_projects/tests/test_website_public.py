from odoo.tests import tagged

from odoo.addons.mazpulki_members.tests.website_common import MazpulkiPublicSiteCase


@tagged("post_install", "-at_install")
class TestPublicProjectPages(MazpulkiPublicSiteCase):
    """The demo home page and the project themes speak for the organisation."""

    _public_site_modules = ["mazpulki_projects"]

    def test_project_themes_page_is_ours(self):
        self.assert_public_page_is_ours("/projects/themes")

    def test_home_page_leads_to_the_clubs_and_the_office(self):
        page = self.assert_public_page_is_ours("/")
        self.assertIn("Kā kļūt par mazpulcēnu?", page)
        self.assertIn('href="/lv/clubs" class="btn btn-primary', page)
        self.assertIn('href="/lv/contactus" class="btn btn-secondary', page)
