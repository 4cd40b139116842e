"""Each role holds exactly its groups and sees exactly its records.

The groups of every demo user are compared with an allow-list kept here, so
that a group a role gains (from Odoo's default user template, a module's
implied groups or the demo) is seen in review. Users made of a role here, on
a small hand-counted fixture, count the sensitive records they can read.
"""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mazpulki_members.tests.common import prove_guardian

SUITE = ("mazpulki_members", "mazpulki_projects", "mazpulki_volunteer", "mazpulki_events", "mazpulki_strategy")

# Every group of a user of the role, implied groups included.
ROLE_GROUPS = {
    "leader": {
        "base.group_user",
        "mazpulki_members.group_mazpulki_leader",
        "base.group_allow_export",  # a leader exports her own members' list (record rules narrow it)
    },
    "coordinator": {
        "base.group_user",
        "mazpulki_members.group_mazpulki_leader",
        "base.group_allow_export",  # a leader exports her own members' list (record rules narrow it)
        "mazpulki_volunteer.group_mazpulki_volunteer_coordinator",
    },
    "desk": {
        "base.group_user",
        "event.group_event_registration_desk",
        "mazpulki_events.group_mazpulki_event_desk",
    },
    "board": {
        "base.group_user",
        "mazpulki_strategy.group_mazpulki_board",
    },
    "accountant": {
        "account.group_account_basic",
        "analytic.group_analytic_accounting",  # the funding source column of the journal items
        "account.group_account_invoice",
        "account.group_account_readonly",
        "account.group_account_user",
        "base.group_user",
        "mazpulki_strategy.group_mazpulki_board",
        "mazpulki_strategy.group_mazpulki_accountant",
    },
    "officer": {
        "base.group_user",
        "event.group_event_registration_desk",
        "event.group_event_user",
        "mazpulki_members.group_mazpulki_leader",
        "base.group_allow_export",  # a leader exports her own members' list (record rules narrow it)
        "mazpulki_members.group_mazpulki_officer",
        "mazpulki_strategy.group_mazpulki_board",
        "mazpulki_volunteer.group_mazpulki_volunteer_coordinator",
    },
    "manager": {
        "base.group_user",
        "event.group_event_registration_desk",
        "event.group_event_user",
        "event.group_event_manager",
        "mazpulki_members.group_mazpulki_leader",
        "base.group_allow_export",  # a leader exports her own members' list (record rules narrow it)
        "mazpulki_members.group_mazpulki_officer",
        "mazpulki_members.group_mazpulki_manager",
        "mazpulki_strategy.group_mazpulki_board",
        "mazpulki_volunteer.group_mazpulki_volunteer_coordinator",
        "base.group_sanitize_override",
        "website.group_website_restricted_editor",
        "website.group_website_designer",
    },
}
# Groups every internal user holds through base.group_user, whatever the role:
# Odoo's technical features (effective in debug mode only). The company's
# settings that base.group_user implies (product variants, several websites or
# currencies, pricelists, ...) are added per database in _allowed().
ALL_INTERNAL = {"base.group_no_one"}

DEMO_USERS = {
    "ilze": "coordinator",  # a club leader who coordinates her club's volunteers
    "aiga": "coordinator",
    "edgars": "desk",
    "inese": "board",
    "gunta": "accountant",
}


class RolesCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search_count([("name", "in", SUITE), ("state", "=", "installed")])
        cls.suite_installed = installed == len(SUITE)

    def setUp(self):
        super().setUp()
        if not self.suite_installed:
            self.skipTest("the whole suite is needed")

    def _allowed(self, role):
        """The role's allow-list, with the optional groups the office switched on for every internal user."""
        # Groups that base.group_user implies are the company's settings (several currencies, units of
        # measure, milestones, ...) that Odoo gives every internal user alike, not a role's rights.
        internal = self._xmlids(self.env.ref("base.group_user").trans_implied_ids)
        return ROLE_GROUPS[role] | ALL_INTERNAL | internal

    def _xmlids(self, groups):
        xmlids = groups.get_external_id()
        return {xmlids[group.id] or f"(no XML id) {group.full_name}" for group in groups}


@tagged("post_install", "-at_install")
class TestRoleGroups(RolesCommon):
    def test_demo_users_hold_exactly_their_role(self):
        if not self.env.ref("mazpulki_events.user_desk_demo", False):
            self.skipTest("demo data is needed")
        for login, role in DEMO_USERS.items():
            with self.subTest(login=login):
                user = self.env["res.users"].search([("login", "=", login)])
                self.assertEqual(user.mazpulki_role, role)
                self.assertEqual(self._xmlids(user.groups_id), self._allowed(role))

    def test_demo_office_is_the_manager(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("mazpulki_members.group_mazpulki_manager"))

    def test_new_user_of_each_role_gets_its_groups_only(self):
        # Odoo's default user template gives new users Accounting, Website, Events, …
        template_groups = self._xmlids(self.env.ref("base.default_user").groups_id)
        self.assertIn("account.group_account_manager", template_groups, "the template this test guards against")
        for role in ROLE_GROUPS:
            with self.subTest(role=role):
                user = self.env["res.users"].create(
                    {"name": f"Test {role}", "login": f"test_{role}", "mazpulki_role": role}
                )
                self.assertEqual(self._xmlids(user.groups_id), self._allowed(role))
                self.assertTrue(user.action_id, "the role has a home screen")

    def test_changing_the_role_takes_the_old_rights_away(self):
        user = self.env["res.users"].create({"name": "Test", "login": "test_change", "mazpulki_role": "accountant"})
        user.mazpulki_role = "leader"
        self.assertEqual(self._xmlids(user.groups_id), self._allowed("leader"))
        self.assertEqual(user.action_id.id, self.env.ref("mazpulki_projects.mazpulki_project_action_to_decide").id)

    def test_template_groups_added_later_skip_role_users(self):
        """A module installed later adds a group to the template: Odoo gives it to every internal user, not to roles."""
        leader = self.env["res.users"].create({"name": "Leader", "login": "test_leader_tpl", "mazpulki_role": "leader"})
        plain = self.env["res.users"].create(
            {
                "name": "Plain",
                "login": "test_plain_tpl",
                "groups_id": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        extra = self.env["res.groups"].create({"name": "A later module's group"})
        self.env.ref("base.default_user").write({"groups_id": [Command.link(extra.id)]})
        self.assertIn(extra, plain.groups_id, "Odoo's own behaviour for users without a role")
        self.assertNotIn(extra, leader.groups_id)
        self.assertEqual(self._xmlids(leader.groups_id), self._allowed("leader"))


@tagged("post_install", "-at_install")
class TestRoleRecords(RolesCommon):
    """Two clubs: A (2 members, led by the leader) and B (3 members).

    Guardians: both members of A and the first of B (3). Consents: the first of
    A, the first and second of B (3). Cards: one per member (5). An event with
    the first of A and the first two of B registered (3). A volunteer team of
    the coordinator with the second of A (2 hour lines) and the third of B
    (1 line). Projects: the first of A and the first of B (2). A journal entry
    of 2 lines and 1 customer invoice.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.suite_installed:
            return
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.users = {
            role: Users.create({"name": f"Role {role}", "login": f"role_{role}", "mazpulki_role": role})
            for role in ROLE_GROUPS
        }
        region = cls.env.ref("mazpulki_members.region_kurzeme")
        cls.club_a, cls.club_b = cls.env["mazpulki.club"].create(
            [
                {"name": "Lomu mazpulks A", "number": "R-001", "region_id": region.id},
                {"name": "Lomu mazpulks B", "number": "R-002", "region_id": region.id},
            ]
        )
        leader_b = cls.env["res.partner"].create({"name": "Vadītāja B"})
        cls.env["mazpulki.club.leader"].create(
            [
                {
                    "club_id": cls.club_a.id,
                    "partner_id": cls.users["leader"].partner_id.id,
                    "date_start": cls.today - relativedelta(years=1),
                },
                {"club_id": cls.club_b.id, "partner_id": leader_b.id, "date_start": cls.today - relativedelta(years=1)},
            ]
        )
        Partner = cls.env["res.partner"]
        birth = cls.today - relativedelta(years=14)
        cls.members = Partner.create(
            [
                {"name": name, "is_mazpulki_member": True, "mazpulki_club_id": club.id, "birthdate_date": birth}
                for name, club in (
                    ("Anna A1", cls.club_a),
                    ("Andris A2", cls.club_a),
                    ("Baiba B1", cls.club_b),
                    ("Boriss B2", cls.club_b),
                    ("Beāte B3", cls.club_b),
                )
            ]
        )
        a1, a2, b1, b2, b3 = cls.members
        guardians = Partner.create([{"name": f"Aizbildnis {m.name}"} for m in (a1, a2, b1)])
        cls.guardian_links = cls.env["mazpulki.guardian"].concat(
            *(
                prove_guardian(cls.env, member, guardian)
                for member, guardian in zip((a1, a2, b1), guardians, strict=True)
            )
        )
        cls.consents = cls.env["mazpulki.consent"].create(
            [{"member_id": m.id, "given_by_id": m.id, "consent_type": "photo"} for m in (a1, b1, b2)]
        )
        cls.cards = cls.env["mazpulki.member.card"].search([("member_id", "in", cls.members.ids)])
        event = cls.env["event.event"].create(
            {
                "name": "Lomu pasākums",
                "date_begin": fields.Datetime.now() + relativedelta(days=10),
                "date_end": fields.Datetime.now() + relativedelta(days=11),
            }
        )
        cls.registrations = cls.env["event.registration"].create(
            [{"event_id": event.id, "partner_id": m.id} for m in (a1, b1, b2)]
        )
        team = cls.env["mazpulki.volunteer.team"].create(
            {"name": "Lomu komanda", "coordinator_ids": [Command.set(cls.users["coordinator"].ids)]}
        )
        volunteer_a2, volunteer_b3 = cls.env["mazpulki.volunteer"].create(
            [
                {"partner_id": m.id, "team_id": team.id, "date_start": cls.today - relativedelta(years=1)}
                for m in (a2, b3)
            ]
        )
        activity = cls.env.ref("mazpulki_volunteer.activity_talka")
        cls.hour_lines = cls.env["account.analytic.line"].create(
            [
                {
                    "mazpulki_volunteer_id": volunteer.id,
                    "mazpulki_activity_id": activity.id,
                    "unit_amount": 2,
                    "date": cls.today - relativedelta(days=days),
                }
                for volunteer, days in ((volunteer_a2, 1), (volunteer_a2, 2), (volunteer_b3, 1))
            ]
        )
        theme = cls.env["mazpulki.project.theme"].create(
            {
                "name": "Lomu tēma",
                "year": cls.today.year,
                "priority_area": "environmental_education",
                "age_min": 7,
                "age_max": 25,
                "participation": "both",
                "date_open": cls.today - relativedelta(days=10),
                "date_close": cls.today + relativedelta(days=20),
                "date_report_deadline": cls.today + relativedelta(months=4),
            }
        )
        cls.projects = cls.env["mazpulki.project"].create(
            [
                {
                    "name": f"Projekts {m.name}",
                    "kind": "member",
                    "theme_id": theme.id,
                    "year": cls.today.year,
                    "club_id": m.mazpulki_club_id.id,
                    "member_ids": [Command.set(m.ids)],
                }
                for m in (a1, b1)
            ]
        )
        journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.env.company.id)], limit=1
        )
        accounts = cls.env["account.account"].search([("company_ids", "in", cls.env.company.id)], limit=2)
        cls.entry = cls.env["account.move"].create(
            {
                "journal_id": journal.id,
                "line_ids": [
                    Command.create({"name": "Debets", "account_id": accounts[0].id, "debit": 100.0}),
                    Command.create({"name": "Kredīts", "account_id": accounts[1].id, "credit": 100.0}),
                ],
            }
        )
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": leader_b.id,
                "invoice_line_ids": [Command.create({"name": "Dalības maksa", "quantity": 1, "price_unit": 10.0})],
            }
        )

    def _seen(self, user, model, records):
        try:
            return self.env[model].with_user(user).search_count([("id", "in", records.ids)])
        except AccessError:
            return 0

    def test_each_role_sees_its_records(self):
        # members, guardians, consents, cards, registrations, hour lines, projects, journal items, invoices
        expected = {
            "leader": (2, 2, 1, 2, 1, 2, 1, 0, 0),
            "coordinator": (2, 0, 0, 0, 0, 3, 0, 0, 0),
            "desk": (0, 0, 0, 0, 3, 0, 0, 0, 0),
            "board": (0, 0, 0, 0, 0, 0, 0, 0, 0),
            # hours are analytic lines, which Odoo's accounting groups read (analytic reports)
            "accountant": (0, 0, 0, 0, 0, 3, 0, 2, 1),
            "officer": (5, 3, 3, 5, 3, 3, 2, 0, 0),
            "manager": (5, 3, 3, 5, 3, 3, 2, 0, 0),
        }
        sensitive = (
            ("res.partner", self.members),
            ("mazpulki.guardian", self.guardian_links),
            ("mazpulki.consent", self.consents),
            ("mazpulki.member.card", self.cards),
            ("event.registration", self.registrations),
            ("account.analytic.line", self.hour_lines),
            ("mazpulki.project", self.projects),
            ("account.move.line", self.entry.line_ids),
            ("account.move", self.invoice),
        )
        self.assertEqual(
            [len(records) for _model, records in sensitive], [5, 3, 3, 5, 3, 3, 2, 2, 1], "the fixture as counted"
        )
        for role, counts in expected.items():
            with self.subTest(role=role):
                seen = tuple(self._seen(self.users[role], model, records) for model, records in sensitive)
                self.assertEqual(seen, counts)


@tagged("post_install", "-at_install")
class TestRoleApps(RolesCommon):
    """A leader, a coordinator and a board member see only their apps and land on what waits for them."""

    APPS = {
        # no Contacts app (every partner's e-mail and phone) but for the office and the accountant
        "leader": {"mail.menu_root_discuss", "mazpulki_members.mazpulki_menu_root"},
        "coordinator": {"mail.menu_root_discuss", "mazpulki_members.mazpulki_menu_root"},
        "board": {"mail.menu_root_discuss", "mazpulki_members.mazpulki_menu_root"},
        "desk": {"mail.menu_root_discuss", "event.event_main_menu"},
        "accountant": {
            "mail.menu_root_discuss",
            "contacts.menu_contacts",
            "mazpulki_members.mazpulki_menu_root",
            "account.menu_finance",
            "spreadsheet_dashboard.spreadsheet_dashboard_menu_root",
        },
    }
    # Odoo's apps that every employee of the company opens once the office installs them beside the
    # suite (Timesheets brings Employees' directory and Project its to-dos): the company's, not a role's.
    COMPANY_APPS = {"hr.menu_hr_root", "project_todo.menu_todo_todos"}
    HOMES = {
        "leader": "mazpulki_projects.mazpulki_project_action_to_decide",
        "coordinator": "mazpulki_volunteer.account_analytic_line_action_volunteer",
        "board": "mazpulki_strategy.mazpulki_strategy_board_action",
        "accountant": "mazpulki_strategy.account_analytic_account_action_funding",
        "desk": "event.action_event_view",
    }

    def test_contacts_app_only_for_the_office_and_the_accountant(self):
        contacts = self.env.ref("contacts.menu_contacts")
        roles = {"officer": True, "manager": True, "accountant": True, "desk": False, "board": False}
        for role, sees in roles.items():
            with self.subTest(role=role):
                user = self.env["res.users"].create(
                    {"name": f"Contacts {role}", "login": f"contacts_{role}", "mazpulki_role": role}
                )
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(contacts.id in visible, sees)

    def test_apps_and_home_of_each_role(self):
        mazpulki_root = self.env.ref("mazpulki_members.mazpulki_menu_root")
        for role, apps in self.APPS.items():
            with self.subTest(role=role):
                user = self.env["res.users"].create(
                    {"name": f"Apps {role}", "login": f"apps_{role}", "mazpulki_role": role}
                )
                menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
                roots = {menus[menu_id]["xmlid"] for menu_id in menus["root"]["children"]}
                self.assertEqual(roots - self.COMPANY_APPS, {app for app in apps if self.env.ref(app, False)})
                home = self.env.ref(self.HOMES[role])
                self.assertEqual(user.action_id.id, home.id)
                if role in ("leader", "coordinator", "board"):
                    # the home action is one of the Mazpulki app's menus: the app opens around it
                    home_menus = (
                        self.env["ir.ui.menu"]
                        .with_user(user)
                        .search([("action", "=", f"{home._name},{home.id}"), ("id", "child_of", mazpulki_root.id)])
                    )
                    self.assertTrue(home_menus, f"{role}'s home is in the Mazpulki app")
