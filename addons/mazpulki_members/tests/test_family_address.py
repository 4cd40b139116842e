from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestFamilyAddress(MazpulkiCommon):
    """Families share one e-mail address: the guardian's access comes first, never the child's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.child = cls._create_member("Marta Bērziņa", cls.club_a, years=13)
        cls.mother = cls._create_guardian(cls.child, "Anda Bērziņa")
        cls.child.email = cls.mother.email  # anda@example.lv, the family's address

    def _wizard(self, partners):
        return self.env["portal.wizard"].with_context(active_ids=partners.ids).create({})

    def test_child_on_the_family_address_gets_no_account_the_guardian_is_invited(self):
        wizard = self._wizard(self.child)
        wizard.user_ids.action_grant_access()
        self.assertFalse(self.child.with_context(active_test=False).user_ids, "the child holds no login")
        mother_user = self.mother.user_ids
        self.assertTrue(mother_user._is_portal())
        self.assertEqual(mother_user.login, "anda@example.lv")
        # The office is told why; the mother's row in the wizard shows her access.
        self.assertIn("Marta Bērziņa was not given an account", wizard.mazpulki_notice)
        self.assertIn("Anda Bērziņa was invited", wizard.mazpulki_notice)
        self.assertTrue(wizard.user_ids.filtered(lambda line: line.partner_id == self.mother).is_portal)

    def test_guardian_with_access_already_is_named(self):
        new_test_user(self.env, login="anda@example.lv", groups="base.group_portal", partner_id=self.mother.id)
        wizard = self._wizard(self.child)
        # The office can press "Grant Access" (the address is taken by the guardian), and is told why.
        self.assertEqual(wizard.user_ids.email_state, "ok")
        wizard.user_ids.action_grant_access()
        self.assertFalse(self.child.with_context(active_test=False).user_ids)
        self.assertIn("already has portal access", wizard.mazpulki_notice)

    def test_no_other_flow_gives_the_child_the_guardians_address(self):
        user = new_test_user(
            self.env, login="marta", groups="base.group_portal", partner_id=self.child.id, name=self.child.name
        )
        with self.assertRaisesRegex(ValidationError, "address of their guardian Anda Bērziņa"):
            with self.env.cr.savepoint():
                user.login = "anda@example.lv"
        user.unlink()
        with self.assertRaisesRegex(ValidationError, "address of their guardian Anda Bērziņa"):
            with self.env.cr.savepoint():
                new_test_user(self.env, login="anda@example.lv", groups="base.group_portal", partner_id=self.child.id)

    def test_guardian_locked_out_by_an_old_child_account_is_told_why(self):
        # An account given before this rule: the child's login is the family's address.
        user = new_test_user(
            self.env, login="marta", groups="base.group_portal", partner_id=self.child.id, name=self.child.name
        )
        self.env.cr.execute("UPDATE res_users SET login = 'anda@example.lv' WHERE id = %s", [user.id])
        user.invalidate_recordset(["login"])
        wizard = self._wizard(self.mother)
        # "Grant Access" stays on the mother's line, and tells the office what to do first.
        self.assertEqual(wizard.user_ids.email_state, "ok")
        with self.assertRaisesRegex(UserError, "login of the portal account of Marta Bērziņa"):
            wizard.user_ids.action_grant_access()

    def test_child_with_an_own_address_gets_an_account(self):
        self.child.email = "marta@example.lv"
        self._wizard(self.child).user_ids.action_grant_access()
        self.assertEqual(self.child.user_ids.login, "marta@example.lv")
        self.assertFalse(self.mother.user_ids)


@tagged("post_install", "-at_install")
class TestLeaderExport(MazpulkiCommon, HttpCase):
    def test_leader_exports_her_own_members(self):
        self.assertTrue(self.user_leader_a.has_group("base.group_allow_export"))
        rows = (
            self.env["res.partner"]
            .with_user(self.user_leader_a)
            .search([("is_mazpulki_member", "=", True)])
            .export_data(["name", "mazpulki_club_id"])["datas"]
        )
        # the club by its name, without its registry number in front ("[T-101] ...")
        self.assertIn(["Madara Liepiņa", "Testa mazpulks Kurzemē"], rows)
        self.assertNotIn("Roberts Vītols", [row[0] for row in rows])
        # As the web client exports the list.
        self.authenticate("leader_a", "leader_a")
        response = self.url_open(
            "/web/export/csv",
            data={
                "data": (
                    '{"model": "res.partner", "fields": [{"name": "name", "label": "Name"}], "ids": false, '
                    '"domain": [["is_mazpulki_member", "=", true]], "import_compat": false}'
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Madara Liepiņa", response.text)
        self.assertNotIn("Roberts Vītols", response.text)
        # the file is named after the model in the user's words, without Odoo's technical name
        self.assertIn("Contact.csv", response.headers["Content-Disposition"])
        self.assertNotIn("res.partner", response.headers["Content-Disposition"])
