from odoo.tests import HttpCase, tagged

# Measured in the browser: the page is no wider than the phone's screen.
FITS = """
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) {
        const wide = [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".offcanvas"))
            .slice(0, 3)
            .map((el) => el.tagName + "." + el.className);
        const where = `${location.pathname} is ${width} px wide on a ${window.innerWidth}-px phone`;
        console.error(`${where}: ${wide.join(" | ")}`);
    } else {
        console.log("test successful");
    }
"""


@tagged("post_install", "-at_install")
class TestPortalOnAPhone(HttpCase):
    """Every /my page of the suite fits a 390-px phone, in Latvian, for a parent and for a member."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lang = cls.env["res.lang"]._activate_lang("lv_LV")
        modules = cls.env["ir.module.module"].search(
            [("state", "=", "installed"), "|", ("name", "=like", "mazpulki%"), ("name", "in", ("portal", "website"))]
        )
        modules._update_translations(["lv_LV"])
        website = cls.env["website"].get_current_website()
        website.language_ids |= lang
        cls.anda = cls.env.ref("mazpulki_members.user_portal_guardian_demo")
        cls.liga = cls.env.ref("mazpulki_members.user_portal_member_demo")
        cls.marta = cls.env.ref("mazpulki_members.member_marta_berzina_demo")

    def _installed(self, module):
        return bool(self.env["ir.module.module"].search_count([("name", "=", module), ("state", "=", "installed")]))

    def _pages(self, user, member):
        pages = [
            "/my",
            "/my/account",
            "/my/membership",
            f"/my/membership/{member.id}",
            "/my/membership/reenrol",
            "/my/event-approvals",
        ]
        if self._installed("mazpulki_volunteer") and self.env["mazpulki.volunteer"].search_count(
            [("partner_id", "=", user.partner_id.id)]
        ):
            pages.append("/my/volunteering")
        if self._installed("mazpulki_projects"):
            pages.append("/my/projects")
            project = self.env["mazpulki.project"].search([("member_ids", "in", member.ids)], limit=1)
            if project:
                pages.append(f"/my/projects/{project.id}")
            if user == self.liga:
                theme = self.env["mazpulki.project.theme"].search([], limit=1)
                pages.append(f"/my/projects/new/{theme.id}")
        return pages

    def _check(self, user, member):
        pages = self._pages(user, member)
        self.authenticate(user.login, user.login)
        for page in pages:
            with self.subTest(page=page, login=user.login):
                self.assertEqual(self.url_open(f"/lv{page}").status_code, 200, page)
                self.browser_js(f"/lv{page}", FITS, login=user.login)
        return pages

    def test_parent_pages_fit_a_phone(self):
        pages = self._check(self.anda, self.marta)
        self.assertIn(f"/my/membership/{self.marta.id}", pages)

    def test_member_pages_fit_a_phone(self):
        pages = self._check(self.liga, self.liga.partner_id)
        self.assertIn("/my/volunteering", pages)
