import configparser
import pathlib
import unittest

from odoo.tests import HttpCase, tagged

# The suite's repository: addons/mazpulki_members/tests/ is three folders down.
PROJECT_CONFIG = pathlib.Path(__file__).resolve().parents[3] / "config" / "odoo.conf"


@tagged("post_install", "-at_install")
class TestHardening(HttpCase):
    def test_portal_is_invitation_only(self):
        self.assertEqual(self.env["res.users"]._get_signup_invitation_scope(), "b2b")
        response = self.url_open("/web/signup")
        self.assertEqual(response.status_code, 404)
        login_page = self.url_open("/web/login").text
        self.assertNotIn("/web/signup", login_page)

    def test_public_signup_post_creates_no_user(self):
        login_page = self.url_open("/web/login").text
        csrf_token = login_page.split('name="csrf_token" value="')[1].split('"')[0]
        response = self.url_open(
            "/web/signup",
            data={
                "login": "svesais@example.lv",
                "name": "Svešais",
                "password": "x" * 12,
                "confirm_password": "x" * 12,
                "csrf_token": csrf_token,
            },
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.env["res.users"].search([("login", "=", "svesais@example.lv")]))

    @unittest.skipUnless(PROJECT_CONFIG.is_file(), "the suite's config/odoo.conf is not beside this add-on")
    def test_shipped_configuration_has_no_database_manager_and_no_fixed_master_password(self):
        parser = configparser.ConfigParser(inline_comment_prefixes=(";",))
        parser.read(PROJECT_CONFIG)
        options = parser["options"]
        self.assertEqual(options.get("list_db"), "False")
        self.assertNotIn("admin_passwd", options, "the master password comes from the environment or .local/")
