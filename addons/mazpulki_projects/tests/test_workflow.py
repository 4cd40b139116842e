from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mazpulki_projects.models.mazpulki_project import STATES, TRANSITIONS

from .common import ProjectsCommon


@tagged("post_install", "-at_install")
class TestWorkflow(ProjectsCommon):
    def _ready_for(self, project, action):
        """What a step needs besides the starting stage: a review before evaluating."""
        if action == "evaluate":
            self._review(project, self.user_leader_a, 8, 8)

    def test_every_allowed_transition(self):
        for action, (from_states, to_state, _actor) in TRANSITIONS.items():
            for from_state in sorted(from_states):
                with self.subTest(action=action, from_state=from_state):
                    project = self._create_project(from_state)
                    self._ready_for(project, action)
                    # The club's leader takes every step, as on the back office (officer steps: the office).
                    user = self.user_officer if _actor == "officer" else self.user_leader_a
                    getattr(project.with_user(user), f"action_{action}")()
                    self.assertEqual(project.state, to_state)

    def test_each_step_is_tracked_in_the_chatter(self):
        project = self._create_project("submitted").with_context(mail_notrack=False, tracking_disable=False)
        # A project created in the same transaction is not tracked: start from a committed-like state.
        self.env.flush_all()
        self.env.cr.precommit.run()
        project.with_user(self.user_leader_a).action_approve()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = project.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(tracked.old_value_char, "Submitted")
        self.assertEqual(tracked.new_value_char, "Approved")

    def test_every_forbidden_transition(self):
        labels = dict(STATES)
        for action, (from_states, to_state, _actor) in TRANSITIONS.items():
            for state, label in STATES:
                if state in from_states:
                    continue
                with self.subTest(action=action, state=state):
                    project = self._create_project(state)
                    with self.assertRaisesRegex(UserError, f"cannot go from {label} to {labels[to_state]}"):
                        getattr(project.with_user(self.user_officer), f"action_{action}")()
                    self.assertEqual(project.state, state)

    def test_leader_steps_need_a_leader(self):
        project = self._create_project("submitted")
        with self.assertRaises(AccessError):
            project.with_user(self.user_employee).action_approve()
        with self.assertRaisesRegex(AccessError, "Only a club leader or the office"):
            self._create_project("rejected").with_user(self.user_leader_a).action_reopen()

    def test_stage_only_changes_through_the_buttons(self):
        project = self._create_project("submitted")
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            project.with_user(self.user_leader_a).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            project.with_user(self.user_leader_a).with_context(mazpulki_transition=True).write({"state": "approved"})
        self.assertEqual(project.state, "submitted")

    def test_submit_sets_the_date_once(self):
        project = self._create_project("draft")
        project.action_submit()
        self.assertEqual(project.date_submitted, self.today)
        project.action_return(comment="Papildini plānu.")
        self.assertEqual(project.decision_note, "Papildini plānu.")
        with freeze_time(self.today + relativedelta(days=3)):
            project.action_submit()
        # The application counts once, in the year it was first submitted.
        self.assertEqual(project.date_submitted, self.today)

    def test_submit_after_window_is_refused_and_draft_kept(self):
        project = self._create_project("draft")
        with freeze_time(self.theme.date_close + relativedelta(days=1)):
            with self.assertRaisesRegex(UserError, "Applications for Testa tēma: Mans dārzs are accepted from"):
                project.action_submit()
        self.assertEqual(project.state, "draft")
        self.assertEqual(project.goal, "Izaudzēt garšaugus skolas ēdnīcai.")
        self.assertFalse(project.date_submitted)

    def test_submit_refuses_missing_sections(self):
        project = self._create_project("draft", goal=False, plan="  ")
        with self.assertRaisesRegex(UserError, "Fill in the goal, plan."):
            project.action_submit()
        self.assertEqual(project.state, "draft")

    def test_submit_refuses_member_of_another_club(self):
        project = self._create_project("draft", member_ids=[Command.set((self.member_a | self.member_b).ids)])
        with self.assertRaisesRegex(UserError, "Roberts Vītols is not a member of Testa mazpulks Kurzemē"):
            project.action_submit()

    def test_submit_refuses_member_out_of_age_band(self):
        self.theme.age_min = 12
        project = self._create_project("draft", member=self.member_b)
        with self.assertRaisesRegex(UserError, "Roberts Vītols is 11; the theme .* is for ages 12 to 18"):
            project.action_submit()

    def test_individual_theme_takes_one_member(self):
        self.theme.participation = "individual"
        teammate = self._create_member("Anna Kalēja", self.club_a, years=14)
        project = self._create_project("draft", member_ids=[Command.set((self.member_a | teammate).ids)])
        with self.assertRaisesRegex(UserError, "individual projects"):
            project.action_submit()

    def test_reviewer_cannot_change_submitted_application(self):
        project = self._create_project("submitted")
        leader_project = project.with_user(self.user_leader_a)
        for vals in ({"goal": "Cits mērķis"}, {"name": "Cits nosaukums"}, {"member_ids": [Command.clear()]}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "the application was submitted"):
                leader_project.write(vals)
        with self.assertRaisesRegex(UserError, "part of the submitted application"):
            leader_project.write({"budget_line_ids": [Command.create({"name": "Sēklas", "unit_price": 5})]})
        # The supervising leader is not part of the application.
        leader_project.leader_id = self.user_leader_a.partner_id
        # Returned for changes, the application is open again.
        leader_project.action_return(comment="Pievieno budžetu.")
        leader_project.write(
            {"budget_line_ids": [Command.create({"name": "Sēklas", "quantity": 4, "unit_price": 2.5})]}
        )
        self.assertEqual(project.budget_total, 10.0)

    def test_report_deadline_and_extension(self):
        project = self._create_project("in_progress")
        late = self.theme.date_report_deadline + relativedelta(days=2)
        with freeze_time(late):
            with self.assertRaisesRegex(UserError, "needs an extension"):
                project.with_user(self.user_leader_a).action_submit_report()
        with self.assertRaisesRegex(AccessError, "Only the office can extend"):
            project.with_user(self.user_leader_a).date_report_extension = late
        project.with_user(self.user_officer).date_report_extension = late
        self.assertEqual(project.date_report_due, late)
        with freeze_time(late):
            project.with_user(self.user_leader_a).action_submit_report()
        self.assertEqual(project.state, "report_submitted")
        self.assertEqual(project.date_report_submitted, late)

    def test_report_needs_its_sections(self):
        project = self._create_project("in_progress", report_learned=False)
        with self.assertRaisesRegex(UserError, "what was learned"):
            project.action_submit_report()

    def test_evaluation_needs_a_review(self):
        project = self._create_project("report_submitted")
        with self.assertRaisesRegex(UserError, "no review yet"):
            project.with_user(self.user_leader_a).action_evaluate()

    def test_member_and_guardian_of_a_child_are_told(self):
        # Madara is 15: she is told herself. Roberts is 11: his mother is told instead.
        project_a = self._create_project("draft")
        project_b = self._create_project("draft", member=self.member_b)
        project_a.action_submit()
        project_b.action_submit()
        message_a = project_a.message_ids.filtered(lambda m: m.partner_ids)[:1]
        message_b = project_b.message_ids.filtered(lambda m: m.partner_ids)[:1]
        self.assertEqual(message_a.partner_ids, self.member_a)
        self.assertEqual(message_b.partner_ids, self.guardian_b)
        self.assertIn("Garšaugu dārzs (Roberts Vītols)", message_b.body)

    def test_supervising_leader_defaults_to_the_clubs_leader(self):
        assistant = self.env["res.partner"].create({"name": "Agris Lapiņš"})
        self.env["mazpulki.club.leader"].create(
            {"club_id": self.club_a.id, "partner_id": assistant.id, "role": "assistant", "date_start": self.today}
        )
        project = self.env["mazpulki.project"].create(self._project_vals())
        self.assertEqual(project.leader_id, self.user_leader_a.partner_id)

    def test_report_reminder_cron(self):
        project = self._create_project("in_progress", leader_id=self.user_leader_a.partner_id.id)
        with freeze_time(self.theme.date_report_deadline - relativedelta(days=5)):
            reminded = self.env["mazpulki.project"]._cron_report_reminders()
            self.assertIn(project, reminded)
            self.assertEqual(project.activity_ids.user_id, self.user_leader_a)
            self.assertTrue(project.date_reminder_sent)
            # Once per project.
            self.assertNotIn(project, self.env["mazpulki.project"]._cron_report_reminders())

    def test_mass_decision_wizard(self):
        projects = self._create_project("submitted") | self._create_project("submitted", name="Bišu drava")
        Wizard = self.env["mazpulki.project.decision"].with_user(self.user_leader_a)
        wizard = Wizard.with_context(active_model="mazpulki.project", active_ids=projects.ids).create(
            {"decision": "return"}
        )
        with self.assertRaisesRegex(UserError, "needs a comment"):
            wizard.action_apply()
        wizard.comment = "Precizējiet plānu."
        wizard.action_apply()
        self.assertEqual(set(projects.mapped("state")), {"returned"})
        self.assertEqual(set(projects.mapped("decision_note")), {"Precizējiet plānu."})
        projects.action_submit()
        Wizard.create({"project_ids": [Command.set(projects.ids)], "decision": "approve"}).action_apply()
        self.assertEqual(set(projects.mapped("state")), {"approved"})
        self.assertEqual(set(projects.mapped("date_approved")), {self.today})
