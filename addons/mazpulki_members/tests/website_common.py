from odoo.tests import HttpCase

# Odoo's sample texts that must never show on the organisation's public site (issue 23), with the Latvian
# translations Odoo gives them: the sample company and its address, the sample event and its photo, the
# "Powered by Odoo" line.
ODOO_DEMO_STRINGS = [
    "yourcompany",
    "Fake Buena Vista",
    "24 hours Event",
    "roadmap of future versions",
    "Contact us about anything",
    "Powered by",
    "Nodrošina",
    "My Company",
    "Mans uzņēmums",
    "event_cover_4",
]
# The add-ons whose Latvian the public pages show.
PUBLIC_SITE_MODULES = ["web", "portal", "website", "event", "website_event", "mazpulki_members"]


class MazpulkiPublicSiteCase(HttpCase):
    """Fetches public pages as an anonymous visitor, in English and in Latvian (``/lv/...``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        modules = cls.env["ir.module.module"].search([("name", "in", PUBLIC_SITE_MODULES + cls._public_site_modules)])
        modules._update_translations(["lv_LV"])
        cls.website = cls.env["website"].get_current_website()
        cls.website.language_ids |= cls.env.ref("base.lang_lv")

    _public_site_modules = []

    def assert_public_page_is_ours(self, path, status=200):
        """``path`` (e.g. ``/contactus``) answers ``status`` in English and in Latvian, without Odoo's sample texts.

        :returns: the Latvian page's text
        """
        texts = {}
        for prefix in ("", "/lv"):
            # a generous timeout: the first page of a run builds the routing map and the assets on a busy machine
            response = self.url_open(prefix + path, allow_redirects=True, timeout=120)
            self.assertEqual(response.status_code, status, f"{prefix + path}")
            texts[prefix] = response.text
            for demo_string in ODOO_DEMO_STRINGS:
                self.assertNotIn(demo_string, response.text, f"{prefix + path} shows Odoo's sample “{demo_string}”")
        self.assertIn('lang="lv-LV"', texts["/lv"], f"/lv{path} is not in Latvian")
        return texts["/lv"]
