"""Health and emergency information of a camp's participants (GDPR Art. 9 health data, issue 24).

Who may read it, and how:

* ``mazpulki.event.health`` has **no access rights for any group** (security/ir.model.access.csv holds no line
  for it): no user, not the office, not the administrator, reads, searches, groups or exports it through the
  ORM or RPC. Every read goes through the private methods below, which check the caller's role for that one
  event (``mazpulki.event.staff``), run with ``sudo()`` and write the read log.
* Roles per event (named by the event manager): ``camp_lead`` and ``medic`` read everything (scope ``full``);
  ``kitchen`` reads diet and allergies (scope ``kitchen``); the leader of a camp group
  (``mazpulki.event.group.leader_id``) reads the three flags of her group's children (scope ``flags``).
* The office manager (event manager) names the staff but reads nothing unless she names herself: every such
  naming is on the event's chatter and the read log shows her reads.
* The family writes through ``/my/health`` (controllers/health.py): proved guardians (``ward_ids``) and a
  member of 18 or more.
* Deletion: :meth:`MazpulkiEventHealth._cron_delete_expired` removes the answers ``mazpulki_health_delete_days``
  after the event ends, except those the office keeps for an incident; each run is logged without personal data
  (``mazpulki.event.health.deletion``) and appended to the erasure-log file that ``bin/restore`` re-applies.
"""

import json
import logging
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

HEALTH_STATES = [("missing", "Missing"), ("given", "Given"), ("confirmed", "Confirmed")]
STAFF_ROLES = [
    ("camp_lead", "Camp Lead"),
    ("medic", "Camp Medic"),
    ("kitchen", "Kitchen"),
    ("group_leader", "Group Leader"),
]
FULL_ROLES = ("camp_lead", "medic")
SCOPES = [("full", "Full"), ("kitchen", "Diet and allergies"), ("flags", "Flags only")]
ADULT_AGE = 18
TEXT_LIMIT = 2000  # characters a free-text answer; a phone screen's worth, and a bound on what is stored
PHONE_RE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
HEALTH_LOG_KIND = "event_health"  # the kind of the lines this module adds to the erasure-log file

# The answers the family gives (the form's fields); what each scope shows of them.
ANSWER_FIELDS = (
    "allergies",
    "diet",
    "medication",
    "medication_times",
    "conditions",
    "contact1_name",
    "contact1_phone",
    "contact1_relation",
    "contact2_name",
    "contact2_phone",
    "contact2_relation",
    "note",
)
REQUIRED_FIELDS = ("contact1_name", "contact1_phone", "contact1_relation", "contact2_name", "contact2_phone")
KITCHEN_FIELDS = ("allergies", "diet")
FLAG_FIELDS = ("has_allergy", "has_medication", "has_diet")


class MazpulkiEventHealth(models.Model):
    _name = "mazpulki.event.health"
    _description = "Health Information of a Participant"
    _order = "event_id, id"
    _rec_name = "registration_id"

    registration_id = fields.Many2one("event.registration", required=True, ondelete="cascade", index=True)
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Participant", required=True, ondelete="cascade", index=True, help="The member."
    )
    allergies = fields.Text()
    diet = fields.Text(help="Diet the kitchen must follow (vegetarian, no gluten, ...).")
    medication = fields.Text(help="Medicines and doses.")
    medication_times = fields.Text(help="When each medicine is taken.")
    conditions = fields.Text(help="Conditions the camp staff must know.")
    contact1_name = fields.Char(string="Emergency Contact 1")
    contact1_phone = fields.Char(string="Phone of Contact 1")
    contact1_relation = fields.Char(string="Relation of Contact 1")
    contact2_name = fields.Char(string="Emergency Contact 2")
    contact2_phone = fields.Char(string="Phone of Contact 2")
    contact2_relation = fields.Char(string="Relation of Contact 2")
    note = fields.Text()
    has_allergy = fields.Boolean(compute="_compute_flags", store=True)
    has_medication = fields.Boolean(compute="_compute_flags", store=True)
    has_diet = fields.Boolean(compute="_compute_flags", store=True)
    state = fields.Selection(HEALTH_STATES, required=True, default="missing")
    filled_by_id = fields.Many2one("res.partner", string="Filled In By", ondelete="set null")
    date_filled = fields.Datetime(string="Filled In On")
    proposed_from_id = fields.Many2one(
        "mazpulki.event.health",
        string="Confirmed From",
        ondelete="set null",
        help="The earlier event's answers the family confirmed as still true.",
    )
    date_delete = fields.Datetime(
        string="Deleted On",
        compute="_compute_date_delete",
        store=True,
        index=True,
        help="The event's end plus its deletion days (default 30).",
    )
    incident_keep = fields.Boolean(
        string="Kept for an Incident", help="Set by the office: the answers outlive the deletion date."
    )
    incident_report = fields.Text(help="The office's report of the incident these answers are kept for.")

    _sql_constraints = [
        ("registration_unique", "UNIQUE(registration_id)", "A registration has one set of health answers."),
    ]

    @api.depends("allergies", "medication", "diet")
    def _compute_flags(self):
        for health in self:
            health.has_allergy = bool((health.allergies or "").strip())
            health.has_medication = bool((health.medication or "").strip())
            health.has_diet = bool((health.diet or "").strip())

    @api.depends("event_id.date_end", "event_id.mazpulki_health_delete_days")
    def _compute_date_delete(self):
        for health in self:
            event = health.event_id
            health.date_delete = event.date_end and event.date_end + timedelta(days=event.mazpulki_health_delete_days)

    # ------------------------------------------------------------------ who is who

    @api.model
    def _mazpulki_scope(self, event, user=None):
        """The scope ``user`` (default: the current user) reads ``event``'s answers in: ``full``, ``kitchen``,
        ``flags`` or False. The superuser has none either: only the named staff read."""
        user = user or self.env.user
        if not user or user.share or not event:
            return False
        roles = set(
            self.env["mazpulki.event.staff"]
            .sudo()  # the check itself: the staff rows of one event for one user
            .search([("event_id", "=", event.id), ("user_id", "=", user.id)])
            .mapped("role")
        )
        if roles & set(FULL_ROLES):
            return "full"
        if "kitchen" in roles:
            return "kitchen"
        if self._mazpulki_led_groups(event, user):
            return "flags"
        return False

    @api.model
    def _mazpulki_led_groups(self, event, user):
        return (
            self.env["mazpulki.event.group"]
            .sudo()  # the check itself
            .search([("event_id", "=", event.id), ("leader_id", "=", user.id)])
        )

    @api.model
    def _mazpulki_staff_events(self, user=None):
        """The events ``user`` is named for (staff row or group leader), soonest first."""
        user = user or self.env.user
        staff = self.env["mazpulki.event.staff"].sudo().search([("user_id", "=", user.id)])
        groups = self.env["mazpulki.event.group"].sudo().search([("leader_id", "=", user.id)])
        return (staff.event_id | groups.event_id).filtered("mazpulki_health_asked").sorted("date_begin")

    # ------------------------------------------------------------------ the staff's reads

    @api.model
    def _mazpulki_read_for_staff(self, event, scope=None, log=True):
        """The rows the current user may read of ``event``, as a list of dicts, and the read log written.

        ``scope``: narrow to a lower scope than the user's (``kitchen``, ``flags``); never wider. Each row has
        ``registration_id``, ``name`` (the participant) and ``group``; then the scope's fields: ``full`` every
        answer, ``kitchen`` allergies and diet, ``flags`` the three booleans. Raises AccessError for anybody
        else (the same for an event that does not exist)."""
        event = event.sudo().exists() if isinstance(event, models.BaseModel) else self.env["event.event"]
        user_scope = self._mazpulki_scope(event)
        order = ["full", "kitchen", "flags"]
        if not user_scope or (scope and scope in order and order.index(scope) < order.index(user_scope)):
            raise AccessError(self.env._("Only the staff the event manager named for this event read this."))
        scope = scope if scope in order else user_scope
        domain = [("event_id", "=", event.id)]
        if scope == "flags" and user_scope == "flags":
            domain.append(("registration_id.mazpulki_event_group_id.leader_id", "=", self.env.uid))
        healths = self.sudo().search(domain)  # sudo: the caller's scope for this event is checked above
        healths = healths.filtered(lambda h: h.registration_id.state != "cancel").sorted(
            lambda h: (h.registration_id.mazpulki_event_group_id.name or "", h.partner_id.name or "")
        )
        fields_of_scope = {"full": (*ANSWER_FIELDS, *FLAG_FIELDS), "kitchen": KITCHEN_FIELDS, "flags": FLAG_FIELDS}
        names = fields_of_scope[scope]
        rows = []
        for health in healths:
            row = {
                "registration_id": health.registration_id.id,
                "name": health.partner_id.name,
                "group": health.registration_id.mazpulki_event_group_id.name or "",
                "state": health.state,
            }
            for name in names:
                row[name] = health[name] if health._fields[name].type == "boolean" else (health[name] or "")
            rows.append(row)
        if log and healths:
            self.env["mazpulki.event.health.read.log"]._mazpulki_log(healths, scope)
        return {"scope": scope, "event": event.name, "rows": rows}

    # ------------------------------------------------------------------ the family's form

    @api.model
    def _mazpulki_family_registrations(self, partner):
        """The registrations ``partner`` fills in health answers for: her proved wards' and, at 18 or more,
        her own; of events that ask for it, not cancelled, not over. sudo: narrowed to the family."""
        Registration = self.env["event.registration"].sudo()
        members = partner.sudo().ward_ids.member_id
        if partner.is_mazpulki_member and (partner._mazpulki_age_on(fields.Date.context_today(self)) or 0) >= ADULT_AGE:
            members |= partner
        if not members:
            return Registration.browse()
        return Registration.search(
            [
                ("mazpulki_member_id", "in", members.ids),
                ("event_id.mazpulki_health_asked", "=", True),
                ("event_id.date_end", ">", fields.Datetime.now()),
                ("state", "!=", "cancel"),
            ],
            order="event_begin_date, id",
        )

    @api.model
    def _mazpulki_proposal(self, registration):
        """The member's latest answers of another event still kept (given or confirmed), or an empty record:
        offered to confirm or change, never copied without the family's word."""
        return self.sudo().search(
            [
                ("partner_id", "=", registration.mazpulki_member_id.id),
                ("registration_id", "!=", registration.id),
                ("state", "in", ("given", "confirmed")),
            ],
            order="date_filled desc, id desc",
            limit=1,
        )

    @api.model
    def _mazpulki_clean_answers(self, values):
        """The form's answers, stripped, checked: the required contacts, phone numbers, lengths.
        Raises ValidationError (in the user's language) on bad input."""
        clean = {}
        for name in ANSWER_FIELDS:
            value = values.get(name) or ""
            if not isinstance(value, str):
                raise ValidationError(self.env._("Unexpected value in the form."))
            value = value.strip()
            if len(value) > TEXT_LIMIT:
                raise ValidationError(
                    self.env._("An answer is too long (at most %(limit)s characters).", limit=TEXT_LIMIT)
                )
            clean[name] = value or False
        if any(not clean[name] for name in REQUIRED_FIELDS):
            raise ValidationError(self.env._("Please give two emergency contacts: a name and a phone number each."))
        for name in ("contact1_phone", "contact2_phone"):
            if clean[name] and not PHONE_RE.match(clean[name]):
                raise ValidationError(
                    self.env._("%(phone)s is not a phone number (digits, spaces and a leading +).", phone=clean[name])
                )
        return clean

    @api.model
    def _mazpulki_save_family(self, registration, partner, values, confirm_from=None):
        """Write the family's answers for ``registration`` (sudo: the caller has checked that ``partner`` is
        the member herself or a proved guardian). ``confirm_from``: the earlier answers confirmed unchanged
        (state ``confirmed``), else the answers typed (state ``given``). Raises UserError after the deadline."""
        event = registration.event_id
        if not event._mazpulki_health_open():
            raise UserError(self.env._("The deadline for the health information of this event has passed."))
        if confirm_from:
            answers = {name: confirm_from[name] for name in ANSWER_FIELDS}
            state = "confirmed"
        else:
            answers = self._mazpulki_clean_answers(values)
            state = "given"
        vals = {
            **answers,
            "state": state,
            "filled_by_id": partner.id,
            "date_filled": fields.Datetime.now(),
            "proposed_from_id": confirm_from.id if confirm_from else False,
        }
        Health = self.sudo()  # the family has no access to the model: checked by the caller, written here
        health = Health.search([("registration_id", "=", registration.id)])
        if health:
            health.write(vals)
        else:
            health = Health.create(
                {
                    **vals,
                    "registration_id": registration.id,
                    "event_id": event.id,
                    "partner_id": registration.mazpulki_member_id.id,
                }
            )
        return health

    # ------------------------------------------------------------------ the office

    @api.model
    def _mazpulki_keep_for_incident(self, registration, report):
        """The office keeps ``registration``'s answers past the deletion date, with its report of the incident.
        Only the office manager decides; raises AccessError for anybody else."""
        if not self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            raise AccessError(self.env._("Only the office manager keeps health information for an incident."))
        if not (report or "").strip():
            raise UserError(self.env._("Please describe the incident the health information is kept for."))
        health = self.sudo().search([("registration_id", "=", registration.id)])  # sudo: checked above
        if not health:
            raise UserError(self.env._("This registration has no health information to keep."))
        health.write({"incident_keep": True, "incident_report": report.strip()})
        return health

    # ------------------------------------------------------------------ deletion

    @api.model
    def _cron_delete_expired(self, now=None):
        """Daily: delete the answers whose deletion date has come, except those kept for an incident; one
        deletion log row an event (count, event, date: no personal data), also appended to the erasure-log
        file so that ``bin/restore`` deletes them again in an older backup. Returns the number deleted."""
        now = now or fields.Datetime.now()
        Health = self.sudo()  # a scheduled action: nobody reads the rows, they are deleted
        groups = Health._read_group(
            [("date_delete", "<=", now), ("incident_keep", "=", False)], ["event_id"], ["__count"]
        )
        total = 0
        for event, count in groups:
            Health.search(
                [("event_id", "=", event.id), ("date_delete", "<=", now), ("incident_keep", "=", False)]
            ).unlink()
            self.env["mazpulki.event.health.deletion"]._mazpulki_log(event, count, now)
            total += count
        if total:
            _logger.info("Health information deleted after events: %s answers", total)
        return total


class MazpulkiEventHealthReadLog(models.Model):
    _name = "mazpulki.event.health.read.log"
    _description = "Read Log of Health Information"
    _order = "id desc"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", string="Read By", required=True, readonly=True, ondelete="restrict")
    event_id = fields.Many2one("event.event", required=True, readonly=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Participant", readonly=True, ondelete="cascade", index=True)
    scope = fields.Selection(SCOPES, required=True, readonly=True)
    channel = fields.Selection(
        [("screen", "Screen"), ("pdf", "Medic's list (PDF)")], required=True, readonly=True, default="screen"
    )

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The read log cannot be changed."))

    @api.model
    def _mazpulki_log(self, healths, scope, channel="screen"):
        """One row a participant read, by the current user (sudo: nobody creates log rows by hand)."""
        now = fields.Datetime.now()
        return self.sudo().create(
            [
                {
                    "date": now,
                    "user_id": self.env.uid,
                    "event_id": health.event_id.id,
                    "partner_id": health.partner_id.id,
                    "scope": scope,
                    "channel": channel,
                }
                for health in healths
            ]
        )


class MazpulkiEventHealthDeletion(models.Model):
    _name = "mazpulki.event.health.deletion"
    _description = "Deletion Log of Health Information"
    _order = "id desc"

    date = fields.Datetime(required=True, readonly=True)
    event_id = fields.Many2one("event.event", readonly=True, ondelete="set null")
    event_ref = fields.Integer(string="Event ID", required=True, readonly=True, aggregator=False)
    count = fields.Integer(string="Answers Deleted", readonly=True)
    restored = fields.Boolean(
        string="Re-applied After a Restore", readonly=True, help="Deleted again in a restored older backup."
    )

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The deletion log cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The deletion log cannot be deleted."))

    @api.model
    def _mazpulki_log(self, event, count, date, write_file=True):
        log = self.sudo().create({"date": date, "event_id": event.id, "event_ref": event.id, "count": count})
        if write_file:
            erasure = self.env["mazpulki.erasure"]
            line = json.dumps(
                {
                    "db_uuid": self.env["ir.config_parameter"].sudo().get_param("database.uuid"),
                    "kind": HEALTH_LOG_KIND,
                    "event_id": event.id,
                    "date": fields.Datetime.to_string(date),
                    "count": count,
                }
            )
            path = erasure._log_file_path()
            # as the erasure log: the line is written when (and if) this transaction commits
            self.env.cr.postcommit.add(lambda: erasure._append_lines(path, [line]))
        return log


class MazpulkiErasure(models.AbstractModel):
    _inherit = "mazpulki.erasure"

    @api.model
    def _reapply_log_files(self, directory=None):
        """Also delete again the health answers the files say were deleted after an event (lines of kind
        ``event_health``): a restored older backup does not bring back a camp's health information."""
        result = super()._reapply_log_files(directory=directory)
        self._mazpulki_reapply_health(directory=directory)
        return result

    @api.model
    def _mazpulki_reapply_health(self, directory=None):
        """Delete the answers of each event the files name, whose deletion date had come at the logged date and
        that are not kept for an incident; re-create a missing deletion log row. Returns the number deleted."""
        import glob
        import os

        db_uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        entries = []
        for path in sorted(glob.glob(os.path.join(directory or self._log_dir(), "*.jsonl"))):
            with open(path, encoding="utf-8") as log_file:
                for line in log_file:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    if (
                        entry.get("db_uuid") == db_uuid
                        and entry.get("kind") == HEALTH_LOG_KIND
                        and isinstance(entry.get("event_id"), int)
                    ):
                        entries.append(entry)
        Health = self.env["mazpulki.event.health"].sudo()  # after a restore, before anybody uses the database
        Deletion = self.env["mazpulki.event.health.deletion"].sudo()
        total = 0
        for entry in entries:
            date = fields.Datetime.to_datetime(entry.get("date")) or fields.Datetime.now()
            healths = Health.search(
                [("event_id", "=", entry["event_id"]), ("date_delete", "<=", date), ("incident_keep", "=", False)]
            )
            total += len(healths)
            healths.unlink()
            if not Deletion.search_count([("event_ref", "=", entry["event_id"]), ("date", "=", date)]):
                Deletion.create(
                    {
                        "date": date,
                        "event_id": self.env["event.event"].browse(entry["event_id"]).exists().id,
                        "event_ref": entry["event_id"],
                        "count": entry.get("count") or 0,
                        "restored": True,
                    }
                )
        if entries:
            _logger.info("Health deletions re-applied: %s answers deleted again", total)
        return total


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.event.health": "deleted (health answers), incident reports too",
            "mazpulki.event.health.read.log": "the participant's rows deleted (who read whose data)",
            "mazpulki.event.staff": "camp staff are adults of the organisation (users), not members",
            "mazpulki.event.group": "a camp group's leader is staff (a user)",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        # sudo: the anonymisation removes what the suite holds of these people, health answers included
        self.env["mazpulki.event.health"].sudo().search(
            ["|", ("partner_id", "in", self.ids), ("filled_by_id", "in", self.ids)]
        ).filtered(lambda h: h.partner_id in self).unlink()
        self.env["mazpulki.event.health"].sudo().search([("filled_by_id", "in", self.ids)]).write(
            {"filled_by_id": False}
        )
        self.env["mazpulki.event.health.read.log"].sudo().search([("partner_id", "in", self.ids)]).unlink()
        return super()._mazpulki_erase_personal_data()


def deadline_of(event):
    """The last moment the family fills in the answers: the event's start less its deadline days."""
    return event.date_begin - relativedelta(days=event.mazpulki_health_deadline_days)
