"""Portal users write nothing of the back office through RPC (issue 13).

A member or a parent on the portal may open the browser's console and call any
public model method through ``/web/dataset/call_kw``. These tests do exactly
that, with the whole suite installed: every create, write and unlink of a
back-office model is refused, the million-euro "hour line" of the issue is
refused and the board's funding figure does not move.
"""

from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon

FIVE_ADDONS = ("mazpulki_members", "mazpulki_projects", "mazpulki_volunteer", "mazpulki_events", "mazpulki_strategy")

# Models on which a portal user (base.group_portal and the groups it implies) holds a create, write
# or unlink ACL once the whole suite is installed, each with the reason. Every one is Odoo's own: the
# suite's add-ons give the portal read access only. A new entry here needs a reason and a review.
PORTAL_WRITE_ALLOWED = {
    "auth_totp.wizard": "auth_totp_portal: a portal user turns on two-factor sign-in for themselves",
    "bus.presence": "bus: their own online presence",
    "discuss.channel.member": "mail: their own membership of the chats they are in (mail's rules)",
    "ir.filters": "base: their own saved search filters",
    "mail.message": "mail: messages on the documents they read (mail checks the document)",
    "res.partner.autocomplete.sync": "partner_autocomplete: a technical queue, nothing of the suite",
    "res.users.apikeys.description": "base: the wizard naming their own API key",
    "res.users.identitycheck": "base: the password check before changing their own security settings",
    # with Odoo's Surveys installed beside the suite (tests/run --with-apps); gamification's own rules
    "gamification.badge.user": "gamification (with survey): the badges a certification grants them",
    "gamification.goal": "gamification (with survey): their own goals' progress",
    "project.task": "project (with Timesheets): the tasks a project shares with them on the portal",
}


@tagged("post_install", "-at_install")
class TestPortalRpc(MazpulkiCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Līga: a 15-year-old member on the portal, a volunteer with hours of her own.
        cls.user_liga = new_test_user(
            cls.env,
            login="liga_rpc",
            password="liga_rpc_pass",
            groups="base.group_portal",
            partner_id=cls.member_a.id,
            name=cls.member_a.name,
        )
        # Anda: the mother of Roberts (11), on the portal.
        cls.guardian_b = cls._create_guardian(cls.member_b, "Anda Vītola")
        cls.user_anda = new_test_user(
            cls.env,
            login="anda_rpc",
            password="anda_rpc_pass",
            groups="base.group_portal",
            partner_id=cls.guardian_b.id,
            name=cls.guardian_b.name,
        )
        cls.volunteer_liga = cls.env["mazpulki.volunteer"].create(
            {"partner_id": cls.member_a.id, "date_start": date(2000, 1, 1)}
        )
        cls.line_liga = cls.env["account.analytic.line"].create(
            {
                "mazpulki_volunteer_id": cls.volunteer_liga.id,
                "mazpulki_activity_id": cls.env.ref("mazpulki_volunteer.activity_talka").id,
                "unit_amount": 2,
                "date": date(2004, 3, 1),
            }
        )
        # a shift she signed up for (through /my/volunteering)
        cls.shift = cls.env["mazpulki.volunteer.shift"].create(
            {
                "name": "Talka pie skolas",
                "activity_id": cls.env.ref("mazpulki_volunteer.activity_talka").id,
                "date_begin": fields.Datetime.now() + timedelta(days=3),
                "date_end": fields.Datetime.now() + timedelta(days=3, hours=3),
                "is_published": True,
            }
        )
        cls.registration_liga = cls.shift._mazpulki_sign_up(cls.volunteer_liga)
        # 2004: 5,000 EUR of income from the state budget, posted.
        cls.income = cls.env["account.account"].create({"name": "Ziedojumi", "code": "T6109", "account_type": "income"})
        bank = cls.env["account.account"].create(
            {"name": "Naudas līdzekļi", "code": "T2619", "account_type": "asset_current"}
        )
        journal = cls.env["account.journal"].create({"name": "Testa žurnāls", "code": "TRPC", "type": "general"})
        cls.source = cls.env.ref("mazpulki_strategy.funding_state_budget")
        cls.move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": "2004-03-10",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": cls.income.id,
                            "credit": 5000,
                            "analytic_distribution": {str(cls.source.id): 100},
                        }
                    ),
                    Command.create({"account_id": bank.id, "debit": 5000}),
                ],
            }
        )
        cls.move.action_post()
        cls.income_item = cls.move.line_ids.filtered(lambda item: item.account_id == cls.income)
        cls.funding_column = cls.source.plan_id._column_name()

    def _funding_2004(self):
        return self.env["mazpulki.measure"].mazpulki_measure_values("funding.raised", 2004, 2004)[2004]

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _assert_refused(self, model, method, args, kwargs=None, errors=("odoo.exceptions.AccessError",)):
        with self.assertRaises(JsonRpcException, msg=f"{model}.{method} was accepted") as catcher:
            self._call_kw(model, method, args, kwargs)
        self.assertIn(catcher.exception.args[0], errors, f"{model}.{method}")

    def _portal_groups(self):
        portal = self.env.ref("base.group_portal")
        return portal | portal.trans_implied_ids

    def _back_office_models(self):
        """Every concrete model the five add-ons define or extend (Odoo's models they add fields to included)."""
        data = self.env["ir.model.data"].search([("module", "in", FIVE_ADDONS), ("model", "=", "ir.model")])
        names = set(self.env["ir.model"].browse(data.mapped("res_id")).mapped("model"))
        return sorted(name for name in names if name in self.env and not self.env[name]._abstract)

    def test_portal_write_access_is_an_allow_list(self):
        """Every model a portal user may create, write or unlink on, once the whole suite is installed."""
        groups = self._portal_groups()
        accesses = (
            self.env["ir.model.access"]
            .sudo()
            .search(
                [
                    ("active", "=", True),
                    "|",
                    ("group_id", "=", False),
                    ("group_id", "in", groups.ids),
                    "|",
                    "|",
                    ("perm_create", "=", True),
                    ("perm_write", "=", True),
                    ("perm_unlink", "=", True),
                ]
            )
        )
        writable = set(accesses.mapped("model_id.model"))
        # Transient models (wizards) are kept out only when no portal ACL names them, as for any other.
        unexpected = sorted(writable - set(PORTAL_WRITE_ALLOWED))
        self.assertFalse(
            unexpected,
            "The portal group has create/write/unlink access on models outside the allow-list: "
            f"{unexpected}. Portal writes go through /my routes with sudo(); see issue 13.",
        )
        # the same seen from a portal user's own rights, model by model, for the suite's models
        Access = self.env["ir.model.access"].with_user(self.user_liga)
        for model in self._back_office_models():
            for mode in ("create", "write", "unlink"):
                with self.subTest(model=model, mode=mode):
                    self.assertFalse(Access.check(model, mode, raise_exception=False))

    @mute_logger("odoo.http")
    def test_million_euro_hour_line_refused(self):
        """The reproduction of issue 13: Līga's 'hour line' of 1,000,000 EUR on a posted income item."""
        before = self._funding_2004()
        self.assertEqual(before, 5000)
        self.authenticate("liga_rpc", "liga_rpc_pass")
        vals = {
            "mazpulki_volunteer_id": self.volunteer_liga.id,
            "unit_amount": 1,
            "date": "2004-03-10",
            "name": "Stunda",
            "amount": 1000000,
            "move_line_id": self.income_item.id,
            "general_account_id": self.income.id,
            self.funding_column: self.source.id,
        }
        self._assert_refused("account.analytic.line", "create", [[vals]])
        # nor by writing her own line
        self._assert_refused("account.analytic.line", "write", [self.line_liga.ids, {"amount": 1000000}])
        self.assertEqual(self._funding_2004(), before)
        self.assertFalse(self.env["account.analytic.line"].search([("amount", "=", 1000000)]))
        # the same values refused even for the superuser: an hour line never carries money
        with self.assertRaisesRegex(ValidationError, "carry no money"):
            self.env["account.analytic.line"].create([vals])

    @mute_logger("odoo.http")
    def test_every_back_office_write_refused_for_member_and_parent(self):
        admin = self.env.ref("base.user_admin")
        for login, user in (("liga_rpc", self.user_liga), ("anda_rpc", self.user_anda)):
            self.authenticate(login, f"{login}_pass")
            for model in self._back_office_models():
                Model = self.env[model]
                # a record the user reads when there is one (their own), any record otherwise
                record = Model.browse()
                if self.env["ir.model.access"].with_user(user).check(model, "read", raise_exception=False):
                    record = Model.with_user(user).search([], limit=1)
                if model == "res.users":
                    record = admin  # their own user writes its own preferences, as Odoo's /my/account
                record = record or Model.sudo().search([], limit=1)
                with self.subTest(user=login, model=model):
                    self._assert_refused(model, "create", [[{}]])
                    if record:
                        self._assert_refused(model, "write", [record.ids, {}])
                        self._assert_refused(model, "unlink", [record.ids])
        self.assertEqual(self._funding_2004(), 5000)

    @mute_logger("odoo.http")
    def test_portal_actions_refused(self):
        """Public methods of the records a member reads: each checks the caller's group."""
        self.authenticate("liga_rpc", "liga_rpc_pass")
        refused = ("odoo.exceptions.AccessError", "odoo.exceptions.UserError")
        for method in (
            "action_volunteer_submit",
            "action_volunteer_approve",
            "action_volunteer_reject",
            "action_volunteer_unlock",
        ):
            with self.subTest(method=method):
                self._assert_refused("account.analytic.line", method, [self.line_liga.ids], errors=refused)
        self.assertEqual(self.line_liga.volunteer_state, "submitted")
        for method in ("action_cancel", "action_mark_absent", "action_mark_attended"):
            with self.subTest(method=method):
                self._assert_refused(
                    "mazpulki.volunteer.shift.registration", method, [self.registration_liga.ids], errors=refused
                )
        self.assertEqual(self.registration_liga.state, "registered")
        self._assert_refused("mazpulki.volunteer.shift", "action_unpublish", [self.shift.ids])
        self.assertTrue(self.shift.is_published)
        # the figures read past record rules: the board's and the back office's only
        for model, method, args in (
            ("mazpulki.measure", "mazpulki_measure_values", ["funding.raised", 2004, 2004]),
            ("mazpulki.measure", "mazpulki_measure_by_funding_source", ["funding.raised", 2004, 2004]),
            ("mazpulki.measure", "mazpulki_measure_records", ["funding.raised", 2004]),
            ("mazpulki.strategy.board", "get_board_data", [2004, 2004]),
            ("mazpulki.strategy.board", "get_funding_data", [2004, 2004]),
            ("mazpulki.strategy.board", "action_close_year", [2004]),
        ):
            with self.subTest(method=method):
                self._assert_refused(model, method, args)

    def test_portal_desk_and_import_methods_refused(self):
        """The offline desk's data and sync, its conflicts and the register import: none by RPC from the portal."""
        now = fields.Datetime.now()
        camp = self.env["event.event"].create(
            {"name": "Nometne", "date_begin": now, "date_end": now + timedelta(days=2), "website_published": True}
        )
        scan = self.env["mazpulki.event.desk.scan"].create(
            {"uuid": "rpc-1", "event_id": camp.id, "user_id": self.env.uid, "scanned_at": now, "state": "conflict"}
        )
        register_import = self.env["mazpulki.register.import"].create({"name": "Imports"})
        refused = ("odoo.exceptions.AccessError", "odoo.exceptions.UserError")
        for login in ("liga_rpc", "anda_rpc"):
            self.authenticate(login, f"{login}_pass")
            for model, method, args in (
                ("event.event", "mazpulki_desk_offline_data", [camp.ids]),
                ("mazpulki.event.desk.scan", "mazpulki_sync", [camp.id, []]),
                ("mazpulki.event.desk.scan", "action_mazpulki_resolve", [scan.ids]),
                ("mazpulki.register.import", "action_download_template", [register_import.ids]),
                ("mazpulki.register.import", "action_dry_run", [register_import.ids]),
                ("mazpulki.register.import", "action_import", [register_import.ids]),
                ("mazpulki.register.import", "_cron_import_registers", []),
            ):
                with self.subTest(login=login, method=method):
                    self._assert_refused(model, method, args, errors=refused)
        self.assertEqual(scan.state, "conflict")
        self.assertEqual(register_import.state, "draft")
        self.assertFalse(camp.sudo().mazpulki_desk_key)

    def test_a_line_pointing_at_a_journal_item_does_not_count(self):
        """A coordinator may create analytic lines (hours), but never one that links itself to a journal item."""
        coordinator = new_test_user(
            self.env, login="coord_rpc", groups="mazpulki_volunteer.group_mazpulki_volunteer_coordinator"
        )
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].with_user(coordinator).create(
                {
                    "name": "Ziedojums",
                    "date": "2004-03-10",
                    "amount": 1000000,
                    "move_line_id": self.income_item.id,
                    "general_account_id": self.income.id,
                    self.funding_column: self.source.id,
                }
            )
        self.assertEqual(self._funding_2004(), 5000)
