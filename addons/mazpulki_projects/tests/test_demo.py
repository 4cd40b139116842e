from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDemoProjects(HttpCase):
    """Demo people read true; the website's home page speaks of the organisation."""

    def test_liga_has_a_handful_of_distinct_projects(self):
        liga = self.env.ref("mazpulki_members.member_liga_demo")
        projects = self.env["mazpulki.project"].with_context(active_test=False).search([("member_ids", "in", liga.ids)])
        self.assertTrue(0 < len(projects) <= 6, len(projects))
        self.assertEqual(len(set(projects.mapped("name"))), len(projects))

    def test_no_member_carries_out_the_same_project_twice_in_a_year(self):
        groups = (
            self.env["mazpulki.project"]
            .with_context(active_test=False)
            ._read_group([("kind", "=", "member")], ["name", "year"], ["__count"], having=[("__count", ">", 1)])
        )
        self.assertFalse(groups)

    def test_home_page_is_about_the_organisation(self):
        page = self.url_open("/").text
        self.assertIn("Latvijas Mazpulki", page)
        self.assertIn("Kā kļūt par mazpulcēnu?", page)
