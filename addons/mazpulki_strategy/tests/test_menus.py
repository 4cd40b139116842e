"""Every menu opens for every role, as the web client opens it.

Odoo's own "click everywhere" test (web/tests/test_click_everywhere.py) clicks
through the menus in a browser; this walk does what the web client does for
each menu a demo user sees, through the same HTTP routes: load the action
(``/web/action/load``), evaluate its domain and context as the client's
expression evaluator would (no ``ref()``, no server-side names), load its views
(``get_views``) and the first page of records (``web_search_read``, or the
client action's own load), and fails on any error.
"""

import json
from urllib.parse import urlparse

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import datetime, safe_eval, time

SUITE = ("mazpulki_members", "mazpulki_projects", "mazpulki_volunteer", "mazpulki_events", "mazpulki_strategy")

# The demo users and their role; portal users have no back-office menu.
DEMO_LOGINS = ("admin", "ilze", "aiga", "edgars", "inese", "gunta")
PORTAL_LOGINS = ("liga", "anda")


@tagged("post_install", "-at_install")
class TestMenusEveryRole(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search_count([("name", "in", SUITE), ("state", "=", "installed")])
        cls.suite_installed = installed == len(SUITE) and bool(cls.env.ref("mazpulki_events.user_desk_demo", False))

    def setUp(self):
        super().setUp()
        if not self.suite_installed:
            self.skipTest("the whole suite with its demo data is needed")

    # -- what the web client does -------------------------------------------------
    def _eval_context(self, user_context):
        """The names the web client's expression evaluator knows (@web/core/py_js, user context)."""
        today = datetime.date.today()
        return {
            "uid": self.session.uid,
            "context": user_context,
            "time": time,
            "datetime": datetime,
            "relativedelta": relativedelta,
            "context_today": lambda: today,
            "current_date": today.strftime("%Y-%m-%d"),
            "today": today.strftime("%Y-%m-%d"),
            "now": datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "allowed_company_ids": user_context.get("allowed_company_ids", []),
            "current_company_id": (user_context.get("allowed_company_ids") or [False])[0],
            "active_id": False,
            "active_ids": [],
            "active_model": False,
            **user_context,
        }

    def _evaluate(self, expression, user_context, what):
        if not isinstance(expression, str) or not expression.strip():
            return expression or ({} if what == "context" else [])
        try:
            return safe_eval(expression, self._eval_context(user_context))
        except Exception as error:  # noqa: BLE001 - the web client fails on any of them
            self.fail(f"the web client cannot evaluate the {what} {expression!r}: {error}")

    def _call(self, model, method, args, kwargs):
        # dates in an evaluated domain travel as the client sends them: text
        params = json.loads(json.dumps({"model": model, "method": method, "args": args, "kwargs": kwargs}, default=str))
        return self.make_jsonrpc_request(f"/web/dataset/call_kw/{model}/{method}", params)

    def _specification(self, arch, fields):
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            name = node.get("name")
            if name not in fields or name in spec:
                continue
            if fields[name]["type"] in ("many2one", "one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _open_window_action(self, action, user_context):
        context = {**user_context, **self._evaluate(action.get("context"), user_context, "context")}
        domain = self._evaluate(action.get("domain"), user_context, "domain")
        model = action["res_model"]
        views = [[view_id or False, view_type] for view_id, view_type in action["views"]]
        if not any(view_type == "search" for _view_id, view_type in views):
            views.append([action.get("search_view_id") and action["search_view_id"][0] or False, "search"])
        result = self._call(
            model,
            "get_views",
            [],
            {"views": views, "options": {"action_id": action["id"], "load_filters": True, "toolbar": True}},
        )
        fields = result["models"][model]["fields"]
        # the search defaults of the context apply the search view's filters
        search_arch = etree.fromstring(result["views"]["search"]["arch"])
        group_by = []
        for key, value in context.items():
            if not key.startswith("search_default_") or not value:
                continue
            name = key[len("search_default_") :]
            for node in search_arch.iter("filter"):
                if node.get("name") != name:
                    continue
                if node.get("domain"):
                    filter_domain = self._evaluate(node.get("domain"), context, "domain")
                    domain = expression.AND([domain, filter_domain])
                if node.get("context"):
                    filter_group_by = self._evaluate(node.get("context"), context, "context").get("group_by")
                    if filter_group_by:
                        group_by.append(filter_group_by)
        first_type = views[0][1]
        if first_type not in result["views"]:
            return
        arch = result["views"][first_type]["arch"]
        if first_type in ("list", "kanban", "calendar", "activity"):
            spec = self._specification(arch, fields)
            if group_by and first_type in ("list", "kanban"):
                self._call(
                    model, "web_read_group", [domain, [], group_by[:1]], {"context": context, "lazy": True, "limit": 80}
                )
            self._call(model, "web_search_read", [domain], {"specification": spec, "limit": 80, "context": context})
        elif first_type in ("pivot", "graph"):
            self._call(model, "read_group", [domain, [], group_by[:1] or []], {"context": context, "lazy": True})
        elif first_type == "form":
            self._call(model, "onchange", [[], {}, [], self._specification(arch, fields)], {"context": context})

    def _open_client_action(self, action, user_context):
        tag = action["tag"]
        if tag == "mazpulki_strategy.board":
            self._call("mazpulki.strategy.area", "search_read", [[], ["display_name"]], {})
            self._call("mazpulki.region", "search_read", [[], ["name"]], {})
            self._call("mazpulki.strategy.board", "get_board_data", [2021, 2027, [], []], {"context": user_context})
            self._call("mazpulki.strategy.board", "get_funding_data", [2021, 2027], {"context": user_context})

    def _walk(self, login):
        self.authenticate(login, login)
        user = self.env["res.users"].browse(self.session.uid)
        user_context = user.with_user(user).context_get()
        user_context = {**user_context, "allowed_company_ids": user.company_ids.ids}
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        opened = []
        for menu in menus.values():
            action_ref = menu.get("action")
            if not action_ref or menu.get("id") == "root":
                continue
            action_model, action_id = action_ref.split(",")
            with self.subTest(login=login, menu=menu["xmlid"] or menu["name"]):
                action = self.make_jsonrpc_request(
                    "/web/action/load", {"action_id": int(action_id), "context": user_context}
                )
                self.assertTrue(action, "the action loads")
                if action["type"] == "ir.actions.act_window":
                    self._open_window_action(action, user_context)
                elif action["type"] == "ir.actions.client":
                    self._open_client_action(action, user_context)
                elif action["type"] == "ir.actions.server":
                    self.make_jsonrpc_request("/web/action/run", {"action_id": action["id"], "context": user_context})
                opened.append(menu["xmlid"])
        # the home action opens too
        if user.action_id:
            with self.subTest(login=login, home=user.action_id.xml_id):
                action = self.make_jsonrpc_request("/web/action/load", {"action_id": user.action_id.id})
                if action["type"] == "ir.actions.act_window":
                    self._open_window_action(action, user_context)
                else:
                    self._open_client_action(action, user_context)
        return opened

    def test_every_menu_opens_for_every_role(self):
        for login in DEMO_LOGINS:
            opened = self._walk(login)
            self.assertTrue(opened, f"{login} opens at least one menu")

    def test_portal_users_see_no_back_office_menu(self):
        for login in PORTAL_LOGINS:
            with self.subTest(login=login):
                user = self.env["res.users"].search([("login", "=", login)])
                with self.assertRaises(AccessError):
                    self.env["ir.ui.menu"].with_user(user).load_menus(False)
                # the back office sends them to their portal
                self.authenticate(login, login)
                response = self.url_open("/odoo")
                self.assertEqual(response.status_code, 200)
                self.assertTrue(urlparse(response.url).path.startswith("/my"), response.url)
