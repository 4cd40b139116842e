import logging
import mimetypes

from dateutil.relativedelta import relativedelta
from markupsafe import escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.mazpulki_members.models.mazpulki_consent import DIGITAL_CONSENT_AGE

from .mazpulki_project_demo import create_demo_projects
from .mazpulki_project_demo_history import create_demo_history

_logger = logging.getLogger(__name__)

# In the project's order: the kanban shows one column per stage, the way off the path (rejected, abandoned) last.
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned for Changes"),
    ("approved", "Approved"),
    ("in_progress", "In Progress"),
    ("report_submitted", "Report Submitted"),
    ("evaluated", "Evaluated"),
    ("completed", "Completed"),
    ("rejected", "Rejected"),
    ("abandoned", "Abandoned"),
]

# The project's life in one table: action -> (states it starts from, state it
# leads to, who may take it). "member" steps are the team's own (on the portal,
# or a leader acting for them); "leader" steps need a club leader (or the office).
TRANSITIONS = {
    "submit": ({"draft", "returned"}, "submitted", "member"),
    "return": ({"submitted"}, "returned", "leader"),
    "approve": ({"submitted"}, "approved", "leader"),
    "reject": ({"submitted"}, "rejected", "leader"),
    "start": ({"approved"}, "in_progress", "member"),
    "submit_report": ({"approved", "in_progress"}, "report_submitted", "member"),
    "return_report": ({"report_submitted"}, "in_progress", "leader"),
    "evaluate": ({"report_submitted"}, "evaluated", "leader"),
    "complete": ({"evaluated"}, "completed", "leader"),
    "abandon": ({"draft", "returned", "approved", "in_progress"}, "abandoned", "member"),
    "reopen": ({"rejected", "abandoned"}, "draft", "officer"),
}

# The application, frozen once submitted (until it is returned for changes).
APPLICATION_FIELDS = {"name", "goal", "plan", "expected_result", "member_ids", "theme_id", "kind", "club_id", "year"}
APPLICATION_STATES = {"draft", "returned"}
# The final report, written while the project runs.
REPORT_FIELDS = {"report_done", "report_results", "report_learned", "report_hours", "evidence_ids"}
REPORT_STATES = {"draft", "returned", "approved", "in_progress"}

# Evidence: photos and PDF documents, checked from the bytes, never served as HTML.
EVIDENCE_MIMETYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}
EVIDENCE_MAX_SIZE = 5 * 1024 * 1024
EVIDENCE_MAX_COUNT = 10

# The activity telling a club's leader that an application waits for a decision.
DECISION_ACTIVITY = "mazpulki_projects.mail_activity_type_project_decision"

# Proof that a state write comes from _mazpulki_transition: an object no RPC context can carry.
_TRANSITION = object()


class MazpulkiProject(models.Model):
    _name = "mazpulki.project"
    _description = "Mazpulki Project"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"

    def _default_year(self):
        return fields.Date.context_today(self).year

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [("member", "Member Project"), ("local_initiative", "Local Initiative"), ("other", "Other")],
        required=True,
        default="member",
        tracking=True,
        help="A local initiative is a civic project for the local community (strategy target M7).",
    )
    theme_id = fields.Many2one("mazpulki.project.theme", string="Theme", index=True, tracking=True)
    priority_area = fields.Selection(related="theme_id.priority_area", store=True)
    year = fields.Integer(required=True, default=_default_year, index=True)
    member_ids = fields.Many2many(
        "res.partner",
        "mazpulki_project_member_rel",
        "project_id",
        "partner_id",
        string="Team",
        domain=[("is_mazpulki_member", "=", True)],
        help="The member, or the team of members, carrying out the project.",
    )
    proposed_member_ids = fields.Many2many(
        "res.partner",
        "mazpulki_project_proposed_member_rel",
        "project_id",
        "partner_id",
        string="Proposed Team-mates",
        copy=False,
        tracking=True,
        domain=[("is_mazpulki_member", "=", True)],
        help="Team-mates proposed on the portal by the applicant, from the same club. They join the team, and "
        "their families see the project, only once the club leader confirms them (Confirm Team).",
    )
    member_count = fields.Integer(string="Team Size", compute="_compute_member_count", store=True)
    club_id = fields.Many2one("mazpulki.club", string="Club", required=True, index=True, tracking=True)
    region_id = fields.Many2one(related="club_id.region_id", string="Region", store=True, index=True)
    leader_id = fields.Many2one(
        "res.partner",
        string="Supervising Leader",
        tracking=True,
        domain=[("is_company", "=", False)],
    )
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, index=True, copy=False, group_expand=True
    )
    goal = fields.Text()
    plan = fields.Text(help="What the team will do, step by step, and when.")
    expected_result = fields.Text()
    budget_line_ids = fields.One2many("mazpulki.project.budget.line", "project_id", string="Budget", copy=True)
    budget_total = fields.Float(compute="_compute_budget_total", store=True, digits=(16, 2))
    date_submitted = fields.Date(
        copy=False, readonly=True, help="The day the application was first submitted (strategy target M2)."
    )
    date_approved = fields.Date(copy=False, readonly=True)
    date_report_submitted = fields.Date(copy=False, readonly=True)
    date_completed = fields.Date(copy=False, readonly=True)
    date_report_deadline = fields.Date(
        string="Report Deadline",
        compute="_compute_date_report_deadline",
        store=True,
        readonly=False,
        tracking=True,
    )
    date_report_extension = fields.Date(
        string="Extended Until",
        copy=False,
        tracking=True,
        help="A later report deadline granted by the office.",
    )
    date_report_due = fields.Date(
        string="Report Due",
        compute="_compute_date_report_due",
        store=True,
        help="The report deadline, or the extension when the office granted one.",
    )
    date_reminder_sent = fields.Date(copy=False, readonly=True)
    report_done = fields.Text(string="What Was Done")
    report_results = fields.Text(string="Results")
    report_learned = fields.Text(string="What Was Learned")
    report_hours = fields.Float(string="Hours Spent")
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "mazpulki_project_evidence_rel",
        "project_id",
        "attachment_id",
        string="Evidence",
        copy=False,
        help="Photos (JPEG, PNG, GIF, WebP) and PDF documents, at most 10 files of 5 MB each.",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    review_ids = fields.One2many("mazpulki.project.review", "project_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_scores", store=True)
    score_average = fields.Float(
        string="Score",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="The average of the reviewers' weighted totals, out of 10.",
    )
    score_spread = fields.Float(
        string="Spread",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="max",
        help="The highest reviewer's total minus the lowest: a large spread asks for a second look.",
    )
    decision_note = fields.Text(
        string="Leader's Comment",
        copy=False,
        help="The comment of the last return, approval or rejection, shown to the team on the portal.",
    )
    color = fields.Integer()

    _sql_constraints = [
        ("report_hours_positive", "CHECK(report_hours >= 0)", "Hours spent cannot be negative."),
    ]

    @api.depends("member_ids")
    def _compute_member_count(self):
        for project in self:
            project.member_count = len(project.member_ids)

    @api.depends("budget_line_ids.amount")
    def _compute_budget_total(self):
        for project in self:
            project.budget_total = sum(project.budget_line_ids.mapped("amount"))

    @api.depends("theme_id.date_report_deadline")
    def _compute_date_report_deadline(self):
        for project in self:
            if project.theme_id:
                project.date_report_deadline = project.theme_id.date_report_deadline

    @api.depends("date_report_deadline", "date_report_extension")
    def _compute_date_report_due(self):
        for project in self:
            dates = [d for d in (project.date_report_deadline, project.date_report_extension) if d]
            project.date_report_due = max(dates) if dates else False

    def _compute_evidence_count(self):
        for project in self:
            project.evidence_count = len(project.evidence_ids)

    @api.depends("review_ids.total")
    def _compute_scores(self):
        for project in self:
            totals = project.review_ids.mapped("total")
            project.review_count = len(totals)
            project.score_average = sum(totals) / len(totals) if totals else 0.0
            project.score_spread = (max(totals) - min(totals)) if totals else 0.0

    def _compute_access_url(self):
        for project in self:
            project.access_url = f"/my/projects/{project.id}"

    @api.onchange("club_id")
    def _onchange_club_id(self):
        if self.club_id and (not self.leader_id or self.leader_id not in self.club_id.current_leader_ids):
            self.leader_id = self._mazpulki_default_leader(self.club_id)

    @api.onchange("theme_id")
    def _onchange_theme_id(self):
        if self.theme_id:
            self.year = self.theme_id.year

    @api.constrains("evidence_ids")
    def _check_evidence(self):
        for project in self:
            if len(project.evidence_ids) > EVIDENCE_MAX_COUNT:
                raise ValidationError(
                    self.env._(
                        "A report can have at most %(max)s evidence files; %(project)s has %(count)s.",
                        max=EVIDENCE_MAX_COUNT,
                        project=project.name,
                        count=len(project.evidence_ids),
                    )
                )
            # sudo: the bytes are read to check them, whoever attached the file
            for attachment in project.evidence_ids.sudo():
                self._mazpulki_check_evidence_file(attachment.name, attachment.raw or b"")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "state" in vals and vals["state"] != "draft" and not self.env.su:
                raise UserError(self.env._("A new project starts as a draft."))
            if vals.get("club_id") and not vals.get("leader_id"):
                vals["leader_id"] = self._mazpulki_default_leader(self.env["mazpulki.club"].browse(vals["club_id"])).id
        projects = super().create(vals_list)
        projects._mazpulki_attach_evidence()
        return projects

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._mazpulki_check_write(vals)
        res = super().write(vals)
        if "evidence_ids" in vals:
            self._mazpulki_attach_evidence()
        return res

    def _mazpulki_check_write(self, vals):
        if "state" in vals and self.env.context.get("mazpulki_transition") is not _TRANSITION:
            raise UserError(self.env._("A project's stage changes only through its buttons (submit, approve, ...)."))
        if "date_report_extension" in vals and not self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            raise AccessError(self.env._("Only the office can extend a report deadline."))
        frozen = [
            (APPLICATION_FIELDS, APPLICATION_STATES, self.env._("the application was submitted")),
            (REPORT_FIELDS, REPORT_STATES, self.env._("the report was submitted")),
        ]
        for field_names, open_states, reason in frozen:
            if not field_names.intersection(vals):
                continue
            for project in self:
                if project.state not in open_states:
                    raise UserError(
                        self.env._(
                            "%(project)s cannot be changed: %(reason)s (stage: %(state)s). "
                            "A leader can return it for changes first.",
                            project=project.name,
                            reason=reason,
                            state=project._mazpulki_state_label(),
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for project in self:
            if project.state not in ("draft", "abandoned", "rejected"):
                raise UserError(
                    self.env._(
                        "%s is under way; abandon it instead of deleting it, so its history is kept.", project.name
                    )
                )

    # --- transitions -----------------------------------------------------

    def action_submit(self):
        return self._mazpulki_transition("submit")

    def action_return(self, comment=None):
        return self._mazpulki_transition("return", comment=comment)

    def action_approve(self, comment=None):
        return self._mazpulki_transition("approve", comment=comment)

    def action_reject(self, comment=None):
        return self._mazpulki_transition("reject", comment=comment)

    def action_start(self):
        return self._mazpulki_transition("start")

    def action_submit_report(self):
        return self._mazpulki_transition("submit_report")

    def action_return_report(self, comment=None):
        return self._mazpulki_transition("return_report", comment=comment)

    def action_evaluate(self):
        return self._mazpulki_transition("evaluate")

    def action_complete(self):
        return self._mazpulki_transition("complete")

    def action_abandon(self):
        return self._mazpulki_transition("abandon")

    def action_reopen(self):
        return self._mazpulki_transition("reopen")

    def action_confirm_team(self):
        """The club leader confirms the team-mates proposed on the portal: they join the team (``member_ids``).

        For a club leader of the project's club (record rules) or the office, while the application is a
        draft, returned or waiting for a decision. Each proposed team-mate must be a member of the project's
        club and in the theme's age band, and the team must fit the theme's participation; the leader
        removes a team-mate who does not fit from the proposals. Raises ``AccessError`` for anyone else and
        ``UserError`` naming what does not fit.
        """
        if not self.env.su and not self.env.user.has_group("mazpulki_members.group_mazpulki_leader"):
            raise AccessError(self.env._("Only a club leader or the office can confirm a team."))
        self.check_access("write")
        today = fields.Date.context_today(self)
        for project in self:
            if project.state not in APPLICATION_STATES | {"submitted"}:
                raise UserError(
                    self.env._(
                        "The team of %(project)s can no longer change (stage: %(state)s).",
                        project=project.name,
                        state=project._mazpulki_state_label(),
                    )
                )
            problems = []
            # sudo: a proposal from another club (put there by the office) is named to say why it is refused
            for member in project.sudo().proposed_member_ids:
                if not member.is_mazpulki_member or member.mazpulki_club_id != project.club_id:
                    problems.append(
                        self.env._(
                            "%(member)s is not a member of %(club)s; a team is from one club.",
                            member=member.name,
                            club=project.club_id.name,
                        )
                    )
                elif project.theme_id:
                    problems.append(project.theme_id._mazpulki_check_age(member, today))
            team = project.member_ids | project.proposed_member_ids
            if project.theme_id.participation == "individual" and len(team) > 1:
                problems.append(
                    self.env._("The theme %s is for individual projects: one member only.", project.theme_id.name)
                )
            problems = [problem for problem in problems if problem]
            if problems:
                raise UserError("\n".join(problems))
        for project in self.filtered("proposed_member_ids"):
            names = ", ".join(project.proposed_member_ids.mapped("name"))
            # sudo: the team is part of the application, frozen once submitted; the caller was checked above
            # as a leader with write access to this project, and confirming the team is the leader's step
            project.sudo().write(
                {
                    "member_ids": [Command.link(member.id) for member in project.proposed_member_ids],
                    "proposed_member_ids": [Command.clear()],
                }
            )
            project.message_post(
                body=self.env._(
                    "%(leader)s confirmed the team-mates: %(names)s.", leader=self.env.user.name, names=names
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_open_decision(self):
        """Approve, return or reject with a comment for the team (the mass decision wizard, for these projects)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decision"),
            "res_model": "mazpulki.project.decision",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": self._name,
                "active_ids": self.ids,
                "default_decision": self.env.context.get("mazpulki_decision", "return"),
            },
        }

    def action_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_projects.mazpulki_project_review_action")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_print_certificates(self):
        not_completed = self.filtered(lambda p: p.state != "completed")
        if not_completed:
            raise UserError(
                self.env._("Only completed projects get certificates; %s is not completed.", not_completed[0].name)
            )
        return self.env.ref("mazpulki_projects.action_report_project_certificate").report_action(self)

    def _mazpulki_transition(self, action, comment=None):
        """Move these projects by one step of ``TRANSITIONS``, after the step's checks."""
        from_states, to_state, actor = TRANSITIONS[action]
        self._mazpulki_check_actor(action, actor)
        for project in self:
            if project.state not in from_states:
                raise UserError(
                    self.env._(
                        "%(project)s cannot go from %(state)s to %(target)s.",
                        project=project.name,
                        state=project._mazpulki_state_label(),
                        target=dict(self._fields["state"]._description_selection(self.env))[to_state],
                    )
                )
            check = getattr(project, f"_mazpulki_check_{action}", None)
            if check:
                check()
        today = fields.Date.context_today(self)
        vals = {"state": to_state}
        if to_state in ("returned", "approved", "rejected", "in_progress") and action != "start":
            vals["decision_note"] = comment or False
        if action == "approve":
            vals["date_approved"] = today
        elif action == "submit_report":
            vals["date_report_submitted"] = today
        elif action == "complete":
            vals["date_completed"] = today
        elif action == "reopen":
            vals.update(date_completed=False, date_approved=False)
        projects = self.with_context(mazpulki_transition=_TRANSITION)
        projects.write(vals)
        if action == "submit":
            projects.filtered(lambda p: not p.date_submitted).write({"date_submitted": today})
        for project in self:
            if comment:
                project.message_post(body=comment, message_type="comment", subtype_xmlid="mail.mt_note")
            project._mazpulki_notify_state()
        if action == "submit":
            self._mazpulki_ask_leaders()
        elif action in ("approve", "return", "reject"):
            # sudo: the decision closes every leader's activity for it, not only the decider's own
            self.sudo().activity_feedback([DECISION_ACTIVITY], feedback=comment or None)
        return True

    def _mazpulki_check_actor(self, action, actor):
        if self.env.su or actor == "member":
            return
        group = (
            "mazpulki_members.group_mazpulki_officer"
            if actor == "officer"
            else "mazpulki_members.group_mazpulki_leader"
        )
        if not self.env.user.has_group(group):
            raise AccessError(self.env._("Only a club leader or the office can take this step."))

    def _mazpulki_check_submit(self):
        """The application is complete, the window is open, and the team fits the theme."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        problems = []
        if self.kind == "member" and not self.theme_id:
            problems.append(self.env._("Choose the theme of the project."))
        missing = [
            label
            for fname, label in (
                ("name", self.env._("title")),
                ("goal", self.env._("goal")),
                ("plan", self.env._("plan")),
                ("expected_result", self.env._("expected result")),
            )
            if not (self[fname] or "").strip()
        ]
        if missing:
            problems.append(self.env._("Fill in the %s.", ", ".join(missing)))
        if not self.member_ids:
            problems.append(self.env._("Name at least one member of the team."))
        theme = self.theme_id
        if theme:
            if not theme.is_published or not theme.date_open <= today <= theme.date_close:
                problems.append(
                    self.env._(
                        "Applications for %(theme)s are accepted from %(open)s to %(close)s.",
                        theme=theme.name,
                        open=theme.date_open,
                        close=theme.date_close,
                    )
                )
            # Proposed team-mates count: the leader confirms them before approving. Their ages are checked
            # then, by the leader, never told to the applicant's family here.
            team = self.member_ids | self.proposed_member_ids
            if theme.participation == "individual" and len(team) > 1:
                problems.append(self.env._("The theme %s is for individual projects: one member only.", theme.name))
            if theme.participation == "team" and len(team) < 2:
                problems.append(self.env._("The theme %s is for teams: name at least two members.", theme.name))
            problems += [msg for msg in (theme._mazpulki_check_age(m, today) for m in self.member_ids) if msg]
            problems += theme._mazpulki_check_budget(self)
        for member in self.member_ids | self.proposed_member_ids:
            if member.mazpulki_club_id != self.club_id:
                problems.append(
                    self.env._(
                        "%(member)s is not a member of %(club)s; a team is from one club.",
                        member=member.name,
                        club=self.club_id.name,
                    )
                )
        if problems:
            raise UserError("\n".join(problems))

    def _mazpulki_check_approve(self):
        """A team is approved as the leader confirmed it: no proposed team-mate may still be waiting."""
        self.ensure_one()
        if self.proposed_member_ids:
            raise UserError(
                self.env._(
                    "%(project)s has proposed team-mates waiting for confirmation (%(names)s): confirm the team "
                    "or remove them before approving.",
                    project=self.name,
                    names=", ".join(self.sudo().proposed_member_ids.mapped("name")),
                )
            )

    def _mazpulki_check_submit_report(self):
        self.ensure_one()
        missing = [
            label
            for fname, label in (
                ("report_done", self.env._("what was done")),
                ("report_results", self.env._("results")),
                ("report_learned", self.env._("what was learned")),
            )
            if not (self[fname] or "").strip()
        ]
        if missing:
            raise UserError(self.env._("Fill in the report's sections: %s.", ", ".join(missing)))
        today = fields.Date.context_today(self)
        if self.date_report_due and today > self.date_report_due:
            raise UserError(
                self.env._(
                    "The report deadline of %(project)s was %(date)s. A late report needs an extension "
                    "from the office; ask your club leader.",
                    project=self.name,
                    date=self.date_report_due,
                )
            )

    def _mazpulki_check_evaluate(self):
        self.ensure_one()
        if self.theme_id.criterion_ids and not self.review_ids:
            raise UserError(self.env._("%s has no review yet: score it before marking it evaluated.", self.name))

    # --- notifications ---------------------------------------------------

    def _mazpulki_notify_partners(self):
        """Who hears of the project: members of 13 and over, and the guardians of younger members."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        partners = self.env["res.partner"]
        for member in self.member_ids.sudo():  # sudo: guardians may be outside the writer's rules
            age = member._mazpulki_age_on(today)
            if age is not None and age < DIGITAL_CONSENT_AGE:
                partners |= member.guardian_ids.guardian_id
            else:
                partners |= member
        return partners.filtered("email")

    def _mazpulki_deciding_users(self):
        """The users who decide the application: the supervising leader and the club's current leaders."""
        self.ensure_one()
        # sudo: a member submits on the portal; the club's leaders are read to give them the activity
        project_sudo = self.sudo()
        leaders = project_sudo.club_id.leader_ids.filtered(lambda leader: leader.is_current and leader.role == "leader")
        partners = project_sudo.leader_id | leaders.partner_id
        return partners.user_ids.filtered(lambda user: not user.share)

    def _mazpulki_ask_leaders(self):
        """Give each deciding leader an activity to decide the submitted application (once per leader)."""
        activity_type = self.env.ref(DECISION_ACTIVITY, raise_if_not_found=False)
        if not activity_type:
            return
        for project in self:
            # sudo: the member who submits cannot read the activities or the leaders' users
            project_sudo = project.sudo()
            waiting = project_sudo.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id
            for user in project._mazpulki_deciding_users() - waiting:
                env_lang = project_sudo.with_context(lang=user.lang).env
                note = escape(
                    env_lang._(
                        "%(team)s submitted the application “%(project)s”. Approve it, return it for changes "
                        "or reject it, with a comment for the team.",
                        team=", ".join(project_sudo.member_ids.mapped("name")),
                        project=project_sudo.name,
                    )
                )
                if project_sudo.proposed_member_ids:
                    note += " " + env_lang._(
                        "Proposed team-mates wait for your confirmation (Confirm Team): %s.",
                        ", ".join(project_sudo.proposed_member_ids.mapped("name")),
                    )
                project_sudo.activity_schedule(DECISION_ACTIVITY, user_id=user.id, note=note)

    def _mazpulki_notify_state(self):
        self.ensure_one()
        if self.state == "draft":
            return
        partners = self._mazpulki_notify_partners()
        if not partners:
            return
        template = self.env.ref("mazpulki_projects.mail_template_project_state", raise_if_not_found=False)
        if template:
            self.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_note",
                partner_ids=partners.ids,
                email_layout_xmlid="mail.mail_notification_light",
            )

    @api.model
    def _cron_report_reminders(self, days=14):
        """Remind the team and the leader of a report due within ``days`` days, once per project."""
        today = fields.Date.context_today(self)
        projects = self.search(
            [
                ("state", "in", ("approved", "in_progress")),
                ("date_report_due", ">=", today),
                ("date_report_due", "<=", today + relativedelta(days=days)),
                ("date_reminder_sent", "=", False),
            ]
        )
        template = self.env.ref("mazpulki_projects.mail_template_project_report_reminder")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        activities = []
        for project in projects:
            leader_user = project.leader_id.user_ids[:1]
            if leader_user:
                activities.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": project.id,
                        "activity_type_id": activity_type.id,
                        "user_id": leader_user.id,
                        "date_deadline": project.date_report_due,
                        "summary": self.env._("Final report due"),
                    }
                )
            partners = project._mazpulki_notify_partners()
            if partners:
                project.message_post_with_source(
                    template,
                    subtype_xmlid="mail.mt_note",
                    partner_ids=partners.ids,
                    email_layout_xmlid="mail.mail_notification_light",
                )
        self.env["mail.activity"].create(activities)
        projects.write({"date_reminder_sent": today})
        _logger.info("Report reminders sent for %s projects", len(projects))
        return projects

    # --- evidence --------------------------------------------------------

    @api.model
    def _mazpulki_check_evidence_file(self, name, data):
        """Refuse a file that is too large, or whose content is not a photo or PDF, or not what its name says."""
        if len(data) > EVIDENCE_MAX_SIZE:
            raise ValidationError(
                self.env._(
                    "%(name)s is %(size)s MB; a file can be at most %(max)s MB.",
                    name=name,
                    size=round(len(data) / 1024 / 1024, 1),
                    max=EVIDENCE_MAX_SIZE // 1024 // 1024,
                )
            )
        mimetype = guess_mimetype(data, default="application/octet-stream")
        if mimetype not in EVIDENCE_MIMETYPES:
            raise ValidationError(self.env._("%s is not a photo (JPEG, PNG, GIF, WebP) or a PDF document.", name))
        named_type = mimetypes.guess_type(name or "")[0]
        if named_type and named_type != mimetype:
            raise ValidationError(
                self.env._(
                    "The content of %(name)s is not what its name says (it is %(type)s).", name=name, type=mimetype
                )
            )
        return mimetype

    def _mazpulki_add_evidence(self, files):
        """Attach ``files`` (a list of ``(name, bytes)``) to the report, checking each and the total count."""
        self.ensure_one()
        if len(self.evidence_ids) + len(files) > EVIDENCE_MAX_COUNT:
            raise ValidationError(
                self.env._(
                    "A report can have at most %(max)s evidence files; this one has %(count)s already.",
                    max=EVIDENCE_MAX_COUNT,
                    count=len(self.evidence_ids),
                )
            )
        vals_list = [
            {
                "name": name,
                "raw": data,
                "mimetype": self._mazpulki_check_evidence_file(name, data),
                "res_model": self._name,
                "res_id": self.id,
            }
            for name, data in files
        ]
        attachments = self.env["ir.attachment"].create(vals_list)
        self.write({"evidence_ids": [Command.link(a.id) for a in attachments]})
        return attachments

    def _mazpulki_attach_evidence(self):
        """Evidence belongs to its project: access to the file follows access to the project."""
        for project in self:
            # sudo: re-homing files the writer just linked; the project's write access was checked
            loose = project.evidence_ids.sudo().filtered(
                lambda a, p=project: a.res_model != p._name or a.res_id != p.id
            )
            if loose:
                loose.write({"res_model": project._name, "res_id": project.id})

    # --- helpers ---------------------------------------------------------

    @api.model
    def _mazpulki_default_leader(self, club):
        """The club's current leader (an assistant leader only when the club has no leader)."""
        # sudo: the club's leaders decide who supervises, whoever creates the project (a portal member)
        current = club.sudo().leader_ids.filtered("is_current")
        leaders = current.filtered(lambda leader: leader.role == "leader") or current
        return leaders[:1].partner_id.with_env(self.env)

    def _mazpulki_check_budget_editable(self):
        if self.env.su:
            return
        for project in self:
            if not project._mazpulki_is_application_editable():
                raise UserError(
                    self.env._(
                        "The budget of %s is part of the submitted application and cannot be changed.", project.name
                    )
                )

    @api.model
    def mazpulki_create_demo_projects(self):
        """Demo projects of the demo clubs in every stage (called from the demo data, as superuser only)."""
        if not self.env.su:
            raise AccessError(self.env._("Demo projects are created only when demo data is loaded."))
        return create_demo_projects(self)

    @api.model
    def mazpulki_create_demo_history(self):
        """Demo themes and projects of 2021–2025 for the strategy board (demo data, as superuser only)."""
        if not self.env.su:
            raise AccessError(self.env._("Demo projects are created only when demo data is loaded."))
        return create_demo_history(self)

    def _mazpulki_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _mazpulki_is_application_editable(self):
        self.ensure_one()
        return self.state in APPLICATION_STATES

    def _mazpulki_is_report_editable(self):
        self.ensure_one()
        return self.state in ("approved", "in_progress")

    def _mazpulki_certificate_members(self):
        """The team members whose certificates the current user gets (a ``res.partner`` recordset).

        The office and leaders (internal users): the whole team. A portal or public user: only their own
        family's, themselves and the children whose proved guardian they are (``_mazpulki_family_members``),
        also when the rendering runs with sudo: ``env.user`` stays the caller. The portal narrows it to one
        member with the context key ``mazpulki_certificate_member_ids``, which can only narrow, never widen.
        """
        self.ensure_one()
        members = self.member_ids
        if self.env.user.share:
            members &= self._mazpulki_family_members(self.env.user)
        wanted = self.env.context.get("mazpulki_certificate_member_ids")
        return members.filtered(lambda m: m.id in wanted) if wanted else members

    @api.model
    def _mazpulki_family_members(self, user):
        """The members ``user`` answers for: their own partner and their proved wards (``ward_ids``).

        Returned with sudo (portal users cannot read guardian links); a public user has none.
        """
        # sudo: the guardian links are read to decide access, only from the user's own partner
        partner_sudo = user.partner_id.sudo()
        return (partner_sudo | partner_sudo.ward_ids.member_id).filtered("is_mazpulki_member")

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Certificate - %s", self.name)
