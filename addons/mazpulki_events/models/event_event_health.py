from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .mazpulki_event_health import HEALTH_STATES, deadline_of

HEALTH_DEFAULTS = {"deadline": 3, "reminder": 10, "delete": 30}


class EventType(models.Model):
    _inherit = "event.type"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_health_asked = fields.Boolean(
        string="Asks for Health Information",
        help="Families fill in allergies, diet, medication and emergency contacts on the portal.",
    )
    mazpulki_health_deadline_days = fields.Integer(
        string="Health Deadline (days before)", default=HEALTH_DEFAULTS["deadline"]
    )
    mazpulki_health_reminder_days = fields.Integer(
        string="Health Reminder (days before)", default=HEALTH_DEFAULTS["reminder"]
    )
    mazpulki_health_delete_days = fields.Integer(
        string="Delete Health Information (days after)", default=HEALTH_DEFAULTS["delete"]
    )


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_health_asked = fields.Boolean(
        string="Asks for Health Information",
        compute="_compute_mazpulki_health_asked",
        store=True,
        readonly=False,
        help="Families fill in allergies, diet, medication and emergency contacts on the portal; only the "
        "staff named below read them.",
    )
    mazpulki_health_deadline_days = fields.Integer(
        string="Health Deadline (days before)",
        compute="_compute_mazpulki_health_deadline_days",
        store=True,
        readonly=False,
        help="Days before the start after which the families can no longer change their answers.",
    )
    mazpulki_health_reminder_days = fields.Integer(
        string="Health Reminder (days before)",
        compute="_compute_mazpulki_health_reminder_days",
        store=True,
        readonly=False,
        help="Days before the start when families who have not answered get a reminder e-mail.",
    )
    mazpulki_health_delete_days = fields.Integer(
        string="Delete Health Information (days after)",
        compute="_compute_mazpulki_health_delete_days",
        store=True,
        readonly=False,
        help="Days after the end when the answers are deleted (except those the office keeps for an incident).",
    )
    mazpulki_staff_ids = fields.One2many("mazpulki.event.staff", "event_id", string="Camp Staff")
    mazpulki_event_group_ids = fields.One2many("mazpulki.event.group", "event_id", string="Camp Groups")
    mazpulki_health_missing_count = fields.Integer(
        string="Health Information Missing", compute="_compute_mazpulki_health_missing_count"
    )

    @api.depends("event_type_id")
    def _compute_mazpulki_health_asked(self):
        for event in self:
            if event.event_type_id:
                event.mazpulki_health_asked = event.event_type_id.mazpulki_health_asked
            else:
                event.mazpulki_health_asked = event.mazpulki_health_asked or False

    def _mazpulki_health_days(self, name, key):
        for event in self:
            event[name] = (event.event_type_id[name] if event.event_type_id else event[name]) or HEALTH_DEFAULTS[key]

    @api.depends("event_type_id")
    def _compute_mazpulki_health_deadline_days(self):
        self._mazpulki_health_days("mazpulki_health_deadline_days", "deadline")

    @api.depends("event_type_id")
    def _compute_mazpulki_health_reminder_days(self):
        self._mazpulki_health_days("mazpulki_health_reminder_days", "reminder")

    @api.depends("event_type_id")
    def _compute_mazpulki_health_delete_days(self):
        self._mazpulki_health_days("mazpulki_health_delete_days", "delete")

    def _compute_mazpulki_health_missing_count(self):
        counts = dict(
            self.env["event.registration"]._read_group(
                [("event_id", "in", self.ids), ("mazpulki_health_state", "=", "missing"), ("state", "!=", "cancel")],
                ["event_id"],
                ["__count"],
            )
        )
        for event in self:
            event.mazpulki_health_missing_count = counts.get(event, 0)

    def _mazpulki_health_deadline(self):
        self.ensure_one()
        return deadline_of(self)

    def _mazpulki_health_open(self, now=None):
        """Whether families may still fill in or change the answers (before the deadline)."""
        self.ensure_one()
        return bool(self.mazpulki_health_asked and (now or fields.Datetime.now()) < self._mazpulki_health_deadline())

    def action_mazpulki_health_missing(self):
        """The event manager's list of the registrations whose health information is missing."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("event.event_registration_action_tree")
        action["domain"] = [("event_id", "=", self.id), ("state", "!=", "cancel")]
        action["context"] = {"search_default_mazpulki_health_missing": 1, "default_event_id": self.id}
        return action

    def action_mazpulki_medic_list(self):
        """The medic's list (PDF) for the camp lead and the medic of this event only."""
        self.ensure_one()
        if self.env["mazpulki.event.health"]._mazpulki_scope(self) != "full":
            raise AccessError(self.env._("Only the camp lead and the medic of this event print the medic's list."))
        return self.env.ref("mazpulki_events.action_report_event_health_medic").report_action(self)

    @api.model
    def _cron_mazpulki_health_reminders(self, now=None):
        """Daily: one reminder e-mail a registration whose health information is missing, sent once, from the
        event's reminder days before its start; to the member's proved guardians (or the member of 18 or more).
        Returns the number of registrations reminded."""
        now = now or fields.Datetime.now()
        template = self.env.ref("mazpulki_events.mail_template_health_reminder", raise_if_not_found=False)
        if not template:
            return 0
        events = self.search(
            [
                ("mazpulki_health_asked", "=", True),
                ("date_begin", ">", now),
                ("date_begin", "<=", now + timedelta(days=60)),
            ]
        )
        reminded = self.env["event.registration"]
        for event in events:
            if now < event.date_begin - timedelta(days=event.mazpulki_health_reminder_days):
                continue
            if not event._mazpulki_health_open(now):
                continue
            reminded |= self.env["event.registration"].search(
                [
                    ("event_id", "=", event.id),
                    ("state", "not in", ("cancel", "draft")),
                    ("mazpulki_health_state", "=", "missing"),
                    ("mazpulki_health_reminded", "=", False),
                    ("mazpulki_member_id", "!=", False),
                ]
            )
        for registration in reminded:
            template.send_mail(registration.id, email_layout_xmlid="mail.mail_notification_light")
        reminded.write({"mazpulki_health_reminded": True})
        return len(reminded)


class EventRegistration(models.Model):
    _inherit = "event.registration"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_health_ids = fields.One2many(
        "mazpulki.event.health",
        "registration_id",
        groups="base.group_system",  # never read through the registration; the model itself has no access rights
    )
    mazpulki_health_state = fields.Selection(
        HEALTH_STATES,
        string="Health Information",
        compute="_compute_mazpulki_health_state",
        store=True,
        help="Missing, given by the family, or last event's answers confirmed as still true. Nothing of the "
        "answers themselves.",
    )
    mazpulki_has_health_notes = fields.Boolean(
        string="Has Health Notes",
        compute="_compute_mazpulki_health_state",
        store=True,
        help="An allergy, a diet, a medication or a condition is noted: ask the camp's medic.",
    )
    mazpulki_health_reminded = fields.Boolean(string="Health Reminder Sent", copy=False, readonly=True)
    mazpulki_event_group_id = fields.Many2one(
        "mazpulki.event.group",
        string="Camp Group",
        domain="[('event_id', '=', event_id)]",
        ondelete="set null",
        index="btree_not_null",
    )

    @api.depends(
        "event_id.mazpulki_health_asked",
        "mazpulki_health_ids.state",
        "mazpulki_health_ids.has_allergy",
        "mazpulki_health_ids.has_medication",
        "mazpulki_health_ids.has_diet",
        "mazpulki_health_ids.conditions",
    )
    def _compute_mazpulki_health_state(self):
        for registration in self:
            health = registration.mazpulki_health_ids[:1]
            asked = registration.event_id.mazpulki_health_asked
            registration.mazpulki_health_state = (health.state or "missing") if asked else False
            registration.mazpulki_has_health_notes = bool(
                health
                and (
                    health.has_allergy or health.has_medication or health.has_diet or (health.conditions or "").strip()
                )
            )

    def action_mazpulki_health_incident(self):
        """The office manager's dialog keeping this registration's health answers for an incident."""
        self.ensure_one()
        if not self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            raise AccessError(self.env._("Only the office manager keeps health information for an incident."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "mazpulki.event.health.incident",
            "view_mode": "form",
            "target": "new",
            "context": {"default_registration_id": self.id},
        }
