import json

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import ProjectsCommon
from .test_review import pdf_text


class TeamCommon(ProjectsCommon):
    """A team theme with a budget rule, and Madara's club-mate Ērika, whose mother Sandra is on the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_theme = cls.theme.copy(
            {
                "name": "Pētnieki dabā",
                "participation": "team",
                "is_budget_required": True,
                "budget_max": 150.0,
                "is_published": True,
            }
        )
        cls.erika = cls._create_member("Ērika Šķēle", cls.club_a, years=14)
        cls.sandra = cls._create_guardian(cls.erika, "Sandra Šķēle")
        cls.user_madara = cls._create_portal_user(cls.member_a, "madara")
        cls.user_sandra = cls._create_portal_user(cls.sandra, "sandra")

    @classmethod
    def _team_project(cls, state="draft", **vals):
        vals.setdefault("proposed_member_ids", [Command.set(cls.erika.ids)])
        vals.setdefault("budget_line_ids", [Command.create({"name": "Binoklis", "unit_price": 120.0})])
        return cls._create_project(state, theme_id=cls.team_theme.id, **vals)


@tagged("post_install", "-at_install")
class TestTeamConfirmation(TeamCommon):
    def test_the_leader_confirms_the_proposed_team(self):
        project = self._team_project()
        # A proposed team-mate counts for the team theme: Madara can submit.
        project.with_user(self.user_leader_a).action_submit()
        self.assertEqual(project.state, "submitted")
        # Not yet in the team: Ērika's mother does not see the project.
        self.assertFalse(self.env["mazpulki.project"].with_user(self.user_sandra).search([("id", "=", project.id)]))
        # The approval waits for the team.
        with self.assertRaisesRegex(UserError, "waiting for confirmation"):
            project.with_user(self.user_leader_a).action_approve()
        # Neither a portal user nor another club's leader confirms it.
        with self.assertRaises(AccessError):
            project.with_user(self.user_madara).action_confirm_team()
        with self.assertRaises(AccessError):
            project.with_user(self.user_leader_b).action_confirm_team()
        self.assertEqual(project.member_ids, self.member_a)
        project.with_user(self.user_leader_a).action_confirm_team()
        self.assertEqual(project.member_ids, self.member_a | self.erika)
        self.assertFalse(project.proposed_member_ids)
        self.assertIn("confirmed the team-mates: Ērika Šķēle", project.message_ids[0].body)
        # Now her family sees it, and the leader approves.
        self.assertTrue(self.env["mazpulki.project"].with_user(self.user_sandra).search([("id", "=", project.id)]))
        project.with_user(self.user_leader_a).action_approve()
        self.assertEqual(project.state, "approved")

    def test_confirm_refuses_a_team_mate_who_does_not_fit(self):
        project = self._team_project(proposed_member_ids=[Command.set(self.member_b.ids)])
        with self.assertRaisesRegex(UserError, "Roberts Vītols is not a member of Testa mazpulks Kurzemē"):
            project.with_user(self.user_leader_a).action_confirm_team()
        little = self._create_member("Toms Mazais", self.club_a, years=7)
        project.proposed_member_ids = little
        with self.assertRaisesRegex(UserError, "Toms Mazais is 7; the theme Pētnieki dabā is for ages 10 to 18"):
            project.with_user(self.user_leader_a).action_confirm_team()
        self.assertEqual(project.member_ids, self.member_a)
        # The leader takes the proposal away instead; the submission then needs another team-mate.
        project.with_user(self.user_leader_a).proposed_member_ids = False
        with self.assertRaisesRegex(UserError, "is for teams: name at least two members"):
            project.with_user(self.user_leader_a).action_submit()

    def test_the_theme_budget_rule(self):
        project = self._team_project(budget_line_ids=[])
        with self.assertRaisesRegex(UserError, "requires a budget"):
            project.action_submit()
        project.budget_line_ids = [
            Command.create({"name": "Binoklis", "unit_price": 120.0}),
            Command.create({"name": "Burtnīcas", "quantity": 4, "unit_price": 9.5}),
        ]
        with self.assertRaisesRegex(
            UserError, "The budget totals 158.00 EUR; the theme Pētnieki dabā allows at most 150.00"
        ):
            project.action_submit()
        project.budget_line_ids[1].quantity = 3
        project.action_submit()
        self.assertEqual(project.state, "submitted")


@tagged("post_install", "-at_install")
class TestPortalTeamBudget(TeamCommon, HttpCase):
    browser_size = "390x844"  # a member's phone

    def _token(self, theme=None):
        page = self.url_open(f"/my/projects/new/{(theme or self.team_theme).id}").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def _application(self, **data):
        return {
            "theme_id": self.team_theme.id,
            "member_id": self.member_a.id,
            "name": "Putni pie Abavas",
            "goal": "Saskaitīt putnus.",
            "plan": "Katru nedēļu vērojam.",
            "expected_result": "Novērojumu tabula.",
            "budget_rows": "3",
            "budget_name_0": "Binoklis",
            "budget_amount_0": "120,50",
            **data,
        }

    def _projects(self):
        return self.env["mazpulki.project"].search([("member_ids", "in", self.member_a.ids)])

    def test_tour_a_team_project_application_with_a_budget(self):
        self._create_member("Kārlis Bērziņš", self.club_a, years=13)
        before = self._projects()
        self.start_tour("/my/projects", "mazpulki_projects_portal_team_budget", login="madara")
        project = self._projects() - before
        self.assertEqual(len(project), 1, "one application, no draft left by the refused submissions")
        self.assertEqual(project.state, "submitted")
        self.assertEqual(project.member_ids, self.member_a)
        self.assertEqual(project.proposed_member_ids, self.erika)
        self.assertEqual(project.budget_line_ids.mapped("name"), ["Binoklis", "Burtnīcas"])
        self.assertEqual(project.budget_line_ids.mapped("amount"), [120.5, 9.5])
        self.assertEqual(project.budget_total, 130.0)
        self.assertEqual(project.leader_id, self.user_leader_a.partner_id)

    def test_team_mates_are_from_the_own_club_only(self):
        self.authenticate("madara", "madara")
        page = self.url_open(f"/my/projects/new/{self.team_theme.id}").text
        self.assertIn("Ērika Šķēle", page)
        self.assertNotIn("Roberts Vītols", page, "another club's child is never listed")
        self.assertNotIn(f'id="mazpulki_teammate_{self.member_a.id}"', page, "nor the applicant herself")
        # A forged team-mate from another club is refused, nothing saved, what was typed kept.
        token = self._token()
        data = self._application(action="save", csrf_token=token)
        response = self.url_open("/my/projects/save", data=[*data.items(), ("teammate_ids", self.member_b.id)])
        self.assertIn("Team-mates are chosen from the club", response.text)
        self.assertIn('value="Putni pie Abavas"', response.text)
        self.assertNotIn("Roberts Vītols", response.text)
        self.assertFalse(self._projects())

    def test_no_duplicate_draft_after_a_failed_submit(self):
        self.authenticate("madara", "madara")
        token = self._token()
        # Submitted without team-mates and with a bad amount: refused, nothing saved, all typed kept.
        response = self.url_open(
            "/my/projects/save",
            data=self._application(
                action="submit", budget_name_1="Burtnīcas", budget_amount_1="daudz", csrf_token=token
            ),
        )
        self.assertIn("Enter the amount in euros", response.text)
        self.assertIn('value="daudz"', response.text)
        self.assertIn("Saskaitīt putnus.", response.text)
        self.assertFalse(self._projects())
        # Amounts right, but the team theme needs a team-mate: refused by the submission's checks.
        response = self.url_open("/my/projects/save", data=self._application(action="submit", csrf_token=token))
        self.assertIn("is for teams: name at least two members", response.text)
        self.assertIn('value="120,50"', response.text)
        self.assertNotIn('name="project_id"', response.text)
        self.assertFalse(self._projects(), "a refused submission leaves no draft behind")
        # Saved as a draft, then the same form sent again (back button): still one draft, updated.
        self.url_open("/my/projects/save", data=self._application(action="save", csrf_token=token))
        self.url_open(
            "/my/projects/save", data=self._application(action="save", budget_amount_0="99", csrf_token=token)
        )
        draft = self._projects()
        self.assertEqual(len(draft), 1)
        self.assertEqual(draft.budget_total, 99.0)
        # Submitting the draft with a team-mate from the edit form.
        data = self._application(
            action="submit", project_id=draft.id, csrf_token=token, budget_id_0=draft.budget_line_ids.id
        )
        self.url_open("/my/projects/save", data=[*data.items(), ("teammate_ids", self.erika.id)])
        self.assertEqual(draft.state, "submitted")
        self.assertEqual(draft.proposed_member_ids, self.erika)
        self.assertEqual(len(draft.budget_line_ids), 1)
        self.assertEqual(self._projects(), draft)

    def test_certificates_only_for_the_own_family(self):
        # The certificate is rendered inside a request of the test server, which cannot also serve wkhtmltopdf
        # the styles: a closed port answers at once (as in the family export's and the award's tests)
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        project = self._create_project(
            "completed",
            name="Putnu skaitīšana",
            theme_id=self.team_theme.id,
            member_ids=[Command.set((self.member_a | self.erika).ids)],
        )
        madara_url = f"/my/projects/{project.id}/certificate/{self.member_a.id}"
        erika_url = f"/my/projects/{project.id}/certificate/{self.erika.id}"
        # Sandra, Ērika's mother, reads the project (her daughter is in the team) ...
        self.authenticate("sandra", "sandra_pass")
        page = self.url_open(f"/my/projects/{project.id}").text
        self.assertIn("Madara Liepiņa", page)  # the team's names, as on the project
        self.assertIn(f'href="{erika_url}"', page)
        self.assertNotIn(f'href="{madara_url}"', page)
        # ... and downloads Ērika's certificate, never Madara's.
        self.assertEqual(self.url_open(erika_url).status_code, 200)
        self.assertIn("Ērika Šķēle", self.url_open(erika_url).content.decode())
        response = self.url_open(madara_url)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Madara", response.text)
        # Odoo's report URLs, also with a forged context, print only Ērika's certificate.
        report = f"/report/pdf/mazpulki_projects.report_project_certificate/{project.id}"
        force = json.dumps({"force_report_rendering": True})
        response = self.url_open(f"{report}?context={force}")
        self.assertEqual(response.status_code, 200)
        text = pdf_text(response.content)
        self.assertIn("Ērika Šķēle", text)
        self.assertNotIn("Madara", text)
        forged = json.dumps({"force_report_rendering": True, "mazpulki_certificate_member_ids": self.member_a.ids})
        for url in (
            f"{report}?context={forged}",
            f"/report/html/mazpulki_projects.report_project_certificate/{project.id}?context={forged}",
            f"/report/html/mazpulki_projects.report_project_certificate/{project.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                is_pdf = response.headers.get("Content-Type") == "application/pdf"
                self.assertNotIn("Madara", pdf_text(response.content) if is_pdf else response.text)
        # By RPC, the rendering itself is private: refused.
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/ir.actions.report/_render_qweb_pdf",
                {
                    "model": "ir.actions.report",
                    "method": "_render_qweb_pdf",
                    "args": ["mazpulki_projects.action_report_project_certificate", project.ids],
                    "kwargs": {},
                },
            )
        # Madara gets her own, not Ērika's.
        self.authenticate("madara", "madara")
        self.assertEqual(self.url_open(madara_url).status_code, 200)
        self.assertEqual(self.url_open(erika_url).status_code, 404)
        # An uncompleted project prints nothing through the report URL.
        running = self._create_project("in_progress", name="Vēl notiek")
        response = self.url_open(
            f"/report/pdf/mazpulki_projects.report_project_certificate/{running.id}?context={force}"
        )
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")


@tagged("post_install", "-at_install")
class TestBackOfficeTeam(TeamCommon, HttpCase):
    def test_tour_the_leader_confirms_the_team(self):
        project = self._team_project("submitted", name="Putni pie Abavas")
        self.start_tour(
            f"/odoo/mazpulki-projects/{project.id}",
            "mazpulki_projects_backoffice_confirm_team",
            login="leader_a",
        )
        self.assertEqual(project.member_ids, self.member_a | self.erika)
        self.assertFalse(project.proposed_member_ids)
        self.assertEqual(project.state, "submitted")
