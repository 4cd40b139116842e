from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mazpulki_projects.models.mazpulki_project import DECISION_ACTIVITY, STATES

from .common import ProjectsCommon


@tagged("post_install", "-at_install")
class TestDecision(ProjectsCommon):
    """The leader is told of an application, decides it with a comment, and the team reads it."""

    def _decide(self, project, decision, comment):
        action = project.with_user(self.user_leader_a).with_context(mazpulki_decision=decision).action_open_decision()
        Wizard = self.env["mazpulki.project.decision"].with_user(self.user_leader_a).with_context(**action["context"])
        wizard = Wizard.create({"comment": comment})
        self.assertEqual(wizard.decision, decision)
        self.assertEqual(wizard.project_ids, project)
        return wizard.action_apply()

    def _decision_activities(self, project):
        activity_type = self.env.ref(DECISION_ACTIVITY)
        return project.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_leader_is_told_of_a_submitted_application(self):
        project = self._create_project()
        project.action_submit()
        activity = self._decision_activities(project)
        self.assertEqual(activity.user_id, self.user_leader_a)
        self.assertIn("Madara Liepiņa", str(activity.note))
        # The leader of another club hears nothing.
        self.assertNotIn(self.user_leader_b, project.activity_ids.user_id)
        # Returned: the activity is done; submitted again: one new activity, not two.
        self._decide(project, "return", "Pievieno budžetu.")
        self.assertFalse(self._decision_activities(project))
        project.action_submit()
        self.assertEqual(len(self._decision_activities(project)), 1)
        self._decide(project, "approve", "Veiksmi!")
        self.assertFalse(self._decision_activities(project))

    def test_approve_return_and_reject_take_a_comment(self):
        form_arch = self.env["mazpulki.project"].get_view(view_type="form")["arch"]
        self.assertNotIn('name="action_approve"', form_arch, "Approve opens the decision with its comment")
        for decision, state in (("approve", "approved"), ("return", "returned"), ("reject", "rejected")):
            with self.subTest(decision=decision):
                project = self._create_project("submitted", name=f"Dārzs ({decision})")
                comment = f"Vadītājas komentārs: {decision}"
                self._decide(project, decision, comment)
                self.assertEqual(project.state, state)
                self.assertEqual(project.decision_note, comment)
                # The team is told, with the comment.
                told = project.message_ids.filtered(lambda m: m.partner_ids)[:1]
                self.assertEqual(told.partner_ids, self.member_a)
                self.assertIn(comment, told.body)

    def test_kanban_columns_in_the_projects_order(self):
        self._create_project("in_progress")
        groups = (
            self.env["mazpulki.project"]
            .with_user(self.user_leader_a)
            .web_read_group([], ["state"], ["state"])["groups"]
        )
        # Every stage is a column, in the project's order, "Submitted" second even when empty.
        self.assertEqual([group["state"] for group in groups], [state for state, _label in STATES])
        self.assertEqual(STATES[1], ("submitted", "Submitted"))
        self.assertEqual(STATES[-2:], [("rejected", "Rejected"), ("abandoned", "Abandoned")])

    def test_to_decide_empty_state_says_the_leader_is_told(self):
        action = self.env.ref("mazpulki_projects.mazpulki_project_action")
        self.assertIn("To Decide", action.help)
        self.assertIn("activity", action.help)


@tagged("post_install", "-at_install")
class TestDecisionPortal(ProjectsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_madara = new_test_user(
            cls.env, login="madara", groups="base.group_portal", partner_id=cls.member_a.id, name=cls.member_a.name
        )

    def _token(self):
        page = self.url_open(f"/my/projects/new/{self.theme.id}").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def test_submission_is_the_members_and_the_comment_shows_on_the_portal(self):
        project = self._create_project()
        self.authenticate("madara", "madara")
        response = self.url_open(
            "/my/projects/save",
            data={
                "project_id": project.id,
                "name": project.name,
                "goal": project.goal,
                "plan": project.plan,
                "expected_result": project.expected_result,
                "action": "submit",
                "csrf_token": self._token(),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(project.state, "submitted")
        self.env.cr.precommit.run()  # the stage's tracking message, as at the end of the request
        tracking = project.message_ids.filtered(lambda m: m.tracking_value_ids)
        self.assertTrue(tracking)
        self.assertEqual(tracking[0].author_id, self.member_a, "the submission is Madara's, not OdooBot's")
        self.assertEqual(project.activity_ids.user_id, self.user_leader_a)
        # The leader approves with a word for Madara, who reads it on her project's page.
        project.with_user(self.user_leader_a).action_approve(comment="Lieliska ideja, veiksmi!")
        page = self.url_open(f"/my/projects/{project.id}").text
        self.assertIn("Lieliska ideja, veiksmi!", page)
        project.with_user(self.user_leader_a).action_start()
        self.assertIn("Lieliska ideja, veiksmi!", self.url_open(f"/my/projects/{project.id}").text)
