from odoo import sql_db
from odoo.tests import HttpCase, new_test_user, tagged, users, warmup

from .common import ProjectsCommon

KANBAN_SPEC = {
    "name": {},
    "theme_id": {"fields": {"display_name": {}}},
    "club_id": {"fields": {"display_name": {}}},
    "member_ids": {"fields": {"display_name": {}}},
    "kind": {},
    "state": {},
    "score_average": {},
    "review_count": {},
    "leader_id": {"fields": {"display_name": {}}},
    "activity_ids": {},
}


@tagged("post_install", "-at_install", "mazpulki_perf")
class TestPerformance(ProjectsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_madara = new_test_user(
            cls.env, login="madara_perf", groups="base.group_portal", partner_id=cls.member_a.id, name="Madara"
        )

    def _add_projects(self, count, state="in_progress"):
        teammates = [self._create_member(f"Komandas biedrs {i}", self.club_a, years=14) for i in range(2)]
        for i in range(count):
            self._create_project(
                state, name=f"Projekts {i}", member_ids=[(6, 0, [self.member_a.id, *(t.id for t in teammates)])]
            )

    def _kanban_read(self):
        Project = self.env["mazpulki.project"]
        return Project.web_search_read([("club_id", "=", self.club_a.id)], KANBAN_SPEC, limit=80)

    @users("leader_a")
    @warmup
    def test_kanban_read_query_count(self):
        self._add_projects(2)
        # 15 with the whole suite installed: besides the projects' own reads, the partners' record
        # rules of members (guardians) and volunteer (coordinators) are read once per model, not per record.
        self.env.invalidate_all()
        with self.assertQueryCount(leader_a=15):
            self._kanban_read()
        self._add_projects(20)
        self.env.invalidate_all()
        with self.assertQueryCount(leader_a=15):
            result = self._kanban_read()
        self.assertEqual(result["length"], 22)

    def _portal_list_queries(self):
        self.url_open("/my/projects")  # warm caches (routing, templates)
        before = sql_db.sql_counter
        response = self.url_open("/my/projects")
        self.assertEqual(response.status_code, 200)
        return sql_db.sql_counter - before

    def test_portal_list_query_count(self):
        self.authenticate("madara_perf", "madara_perf")
        self._add_projects(2)
        few = self._portal_list_queries()
        self._add_projects(15)
        many = self._portal_list_queries()
        # The same number of queries for 2 or 17 projects.
        self.assertEqual(many, few)
