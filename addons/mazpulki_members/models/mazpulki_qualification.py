"""Qualifications of the adults who work with children (issue 26), after Hitobito's concept.

A *kind* (the club leader's course, first aid, the yearly 12-hour certificate, the Punishment Register
check) is defined by the office: how many years it stays valid, how long after expiry it can still be
renewed (the grace period), and how many hours of qualifying training renew it. A *qualification* is one
person's: obtained on a day, valid until a day. A renewal is a new qualification of the same kind; the
older one is *superseded*, so "the person's current X" is the one qualification of its kind that is not.

A *role* (club leader, camp staff, desk volunteer at children's events, ...) needs valid qualifications
of some kinds; ``res.partner._mazpulki_check_role_qualification`` refuses a person who lacks one, unless the
office granted an *override* with a reason.
"""

import datetime
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Reminders go this many days before a qualification expires (to the adult and to the office).
REMINDER_DAYS = (60, 14)
# From this many days before expiry a qualification is "due" (the office's list, the leader's page).
DUE_DAYS = REMINDER_DAYS[0]

QUALIFICATION_STATES = [
    ("valid", "Valid"),
    ("due", "Due for Renewal"),
    ("grace", "Expired, Renewable"),
    ("expired", "Expired"),
]


class MazpulkiQualificationKind(models.Model):
    _name = "mazpulki.qualification.kind"
    _description = "Qualification Kind"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    validity_years = fields.Integer(
        string="Valid for (Years)",
        help="How many years a qualification of this kind stays valid from the day it is obtained; "
        "0: it never expires.",
    )
    grace_months = fields.Integer(
        string="Grace Period (Months)",
        help="After expiry, the qualification can still be renewed (by training) during this many months; "
        "it does not count as valid for a role meanwhile.",
    )
    renewal_hours = fields.Float(
        string="Renewal by Training (Hours)",
        help="Hours of qualifying training (events with qualification hours the person attended) that renew "
        "the qualification when reached after it was obtained and before its grace period ends; "
        "0: renewed only by the office.",
    )
    is_background_check = fields.Boolean(
        string="Background Check",
        help="A Punishment Register check (Children's Rights Protection Law, Art. 72). Only office managers "
        "record it, in a Background Check whose result only they read; a clear result gives this "
        "qualification, a result that is not clear gives nothing.",
    )

    _sql_constraints = [
        ("validity_years_positive", "CHECK(validity_years >= 0)", "The validity cannot be negative."),
        ("grace_months_positive", "CHECK(grace_months >= 0)", "The grace period cannot be negative."),
        ("renewal_hours_positive", "CHECK(renewal_hours >= 0)", "The renewal hours cannot be negative."),
    ]

    @api.constrains("renewal_hours", "validity_years")
    def _check_renewal_needs_validity(self):
        for kind in self:
            if kind.renewal_hours and not kind.validity_years:
                raise UserError(
                    self.env._("%s never expires, so it cannot be renewed by training; set a validity.", kind.name)
                )

    def _mazpulki_valid_until(self, date_obtained):
        """The last day a qualification of this kind obtained on ``date_obtained`` is valid (date or False)."""
        self.ensure_one()
        if not self.validity_years or not date_obtained:
            return False
        return date_obtained + relativedelta(years=self.validity_years, days=-1)


class MazpulkiQualification(models.Model):
    _name = "mazpulki.qualification"
    _description = "Qualification"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_obtained desc, id desc"
    _rec_name = "kind_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade", tracking=True
    )
    kind_id = fields.Many2one(
        "mazpulki.qualification.kind", string="Qualification", required=True, index=True, ondelete="restrict"
    )
    date_obtained = fields.Date(string="Obtained", required=True, default=fields.Date.context_today, tracking=True)
    date_valid_until = fields.Date(
        string="Valid Until",
        compute="_compute_date_valid_until",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Computed from the kind's validity; the office may set another day (e.g. from a document).",
    )
    origin = fields.Selection(
        [
            ("course", "Course at an Event"),
            ("training", "Renewed by Training Hours"),
            ("document", "Document Checked by the Office"),
            ("background_check", "Background Check"),
        ],
        string="How",
        required=True,
        default="document",
    )
    reference = fields.Char(help="The course, the document or the issuer, as the office wrote it down.")
    recorded_by_id = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, default=lambda self: self.env.user, ondelete="set null"
    )
    is_superseded = fields.Boolean(
        string="Renewed",
        readonly=True,
        copy=False,
        index=True,
        help="A later qualification of the same kind (a renewal) replaces this one.",
    )
    state = fields.Selection(
        QUALIFICATION_STATES,
        compute="_compute_state",
        search="_search_state",
        help="Valid; due for renewal (expires within 60 days); expired but renewable during the kind's grace "
        "period; expired.",
    )
    date_grace_end = fields.Date(string="Renewable Until", compute="_compute_state")
    region_id = fields.Many2one("mazpulki.region", compute="_compute_club_id", store=True, index=True)
    club_id = fields.Many2one(
        "mazpulki.club",
        compute="_compute_club_id",
        store=True,
        index=True,
        help="The club the person leads (or belongs to), for the office's lists by region and club.",
    )
    reminder_days_sent = fields.Integer(
        readonly=True,
        copy=False,
        help="The last reminder sent before expiry (60 or 14 days); 0: none yet.",
    )

    _sql_constraints = [
        (
            "partner_kind_date_uniq",
            "unique(partner_id, kind_id, date_obtained)",
            "This person already has this qualification from that day.",
        ),
    ]

    @api.depends("kind_id.validity_years", "date_obtained")
    def _compute_date_valid_until(self):
        for qualification in self:
            qualification.date_valid_until = qualification.kind_id._mazpulki_valid_until(qualification.date_obtained)

    @api.depends("date_valid_until", "kind_id.grace_months")
    @api.depends_context("mazpulki_today")
    def _compute_state(self):
        today = self._mazpulki_today()
        for qualification in self:
            until = qualification.date_valid_until
            grace_end = until and until + relativedelta(months=qualification.kind_id.grace_months)
            qualification.date_grace_end = grace_end
            if not until or until - datetime.timedelta(days=DUE_DAYS) > today:
                qualification.state = "valid"
            elif until >= today:
                qualification.state = "due"
            elif grace_end >= today and qualification.kind_id.grace_months:
                qualification.state = "grace"
            else:
                qualification.state = "expired"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Qualifications are searched by state with =, !=, in or not in."))
        states = {value} if isinstance(value, str) else set(value or ())
        today = self._mazpulki_today()
        due_from = today + datetime.timedelta(days=DUE_DAYS)
        domains = {
            "valid": ["|", ("date_valid_until", "=", False), ("date_valid_until", ">", due_from)],
            "due": [("date_valid_until", ">=", today), ("date_valid_until", "<=", due_from)],
            "grace": [("date_valid_until", "<", today), ("id", "in", self._mazpulki_ids_in_grace(today))],
            "expired": [("date_valid_until", "<", today), ("id", "not in", self._mazpulki_ids_in_grace(today))],
        }
        domain = expression.OR([domains[state] for state in states if state in domains]) or [(0, "=", 1)]
        return domain if operator in ("=", "in") else ["!", *expression.normalize_domain(domain)]

    def _mazpulki_ids_in_grace(self, today):
        """A query of the ids of qualifications expired before ``today`` whose grace period still runs."""
        self.flush_model(["date_valid_until", "kind_id"])
        self.env["mazpulki.qualification.kind"].flush_model(["grace_months"])
        return SQL(
            """(SELECT q.id FROM mazpulki_qualification q
                  JOIN mazpulki_qualification_kind k ON k.id = q.kind_id
                 WHERE q.date_valid_until < %(today)s AND k.grace_months > 0
                   AND q.date_valid_until + make_interval(months => k.grace_months) >= %(today)s)""",
            today=today,
        )

    @api.depends(
        "partner_id.mazpulki_club_id",
        "partner_id.mazpulki_leader_ids.club_id",
        "partner_id.mazpulki_leader_ids.date_end",
    )
    def _compute_club_id(self):
        for qualification in self:
            partner = qualification.partner_id
            leads = partner.mazpulki_leader_ids.sorted(lambda lead: (not lead.date_end, lead.date_start))
            club = leads[-1:].club_id if leads else partner.mazpulki_club_id
            qualification.club_id = club
            qualification.region_id = club.region_id

    @api.model_create_multi
    def create(self, vals_list):
        qualifications = super().create(vals_list)
        qualifications._mazpulki_check_background_kind()
        qualifications._mazpulki_update_superseded()
        return qualifications

    def write(self, vals):
        pairs = self._mazpulki_pairs()
        res = super().write(vals)
        if "kind_id" in vals:
            self._mazpulki_check_background_kind()
        if {"partner_id", "kind_id", "date_obtained"} & set(vals):
            self._mazpulki_update_superseded(pairs | self._mazpulki_pairs())
        if ("date_valid_until" in vals or "date_obtained" in vals) and "reminder_days_sent" not in vals:
            # a new expiry day: its reminders are still to be sent
            super().write({"reminder_days_sent": 0})
        return res

    def unlink(self):
        pairs = self._mazpulki_pairs()
        res = super().unlink()
        self._mazpulki_update_superseded(pairs)
        return res

    def _mazpulki_check_background_kind(self):
        """A background-check qualification comes from a check an office manager recorded (or a manager)."""
        if self.env.su or self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            return
        if any(self.kind_id.mapped("is_background_check")):
            raise AccessError(
                self.env._("Only office managers record background checks; the qualification follows from the check.")
            )

    # --- renewal by training -------------------------------------------------

    @api.model
    def _mazpulki_renew_by_training(self, partner_ids=None):
        """Renew the current qualifications whose kind renews by training hours, from the hours attended.

        For each current (not superseded) qualification of a kind with ``renewal_hours`` N, the trainings
        the person attended after the day it was obtained and up to the end of its grace period (today at
        the latest) are added up in date order; the day they reach N, a new qualification of the kind
        (``origin`` training) starts. The hours come from ``res.partner._mazpulki_training_hours``, which
        ``mazpulki_events`` fills from attendance at events with qualification hours. Idempotent: a renewal
        supersedes the old one, and its own window starts after it. Returns the new qualifications.
        """
        today = self._mazpulki_today()
        domain = [("is_superseded", "=", False), ("kind_id.renewal_hours", ">", 0), ("date_valid_until", "!=", False)]
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        current = self.sudo().search(domain)
        created = self.browse()
        while current:
            date_from = min(current.mapped("date_obtained")) + datetime.timedelta(days=1)
            trainings = self.env["res.partner"]._mazpulki_training_hours(current.partner_id.ids, date_from, today)
            vals_list = []
            for qualification in current:
                end = min(qualification.date_grace_end or qualification.date_valid_until, today)
                total = 0.0
                for day, hours in trainings.get(qualification.partner_id.id, []):
                    if day <= qualification.date_obtained or day > end:
                        continue
                    total += hours
                    if total >= qualification.kind_id.renewal_hours:
                        vals_list.append(
                            {
                                "partner_id": qualification.partner_id.id,
                                "kind_id": qualification.kind_id.id,
                                "date_obtained": day,
                                "origin": "training",
                                "reference": self.env._("%s hours of training", total),
                                "recorded_by_id": False,
                            }
                        )
                        break
            new = self.sudo().create(vals_list) if vals_list else self.browse()
            created |= new
            current = new  # a renewal reached early may itself be renewed by later trainings
        return created

    # --- reminders -------------------------------------------------------------

    @api.model
    def _cron_mazpulki_qualifications(self):
        """Daily: renew by training, then remind of what expires soon and tell the office of expired leaders."""
        self._mazpulki_renew_by_training()
        self._mazpulki_send_reminders()
        self._mazpulki_notify_expired_leaders()

    @api.model
    def _mazpulki_send_reminders(self):
        """Remind the adult (e-mail) and the office (an activity) 60 and 14 days before expiry, each once.

        A current qualification expiring within ``days`` (and not yet expired) whose last reminder was for
        more days than that gets the reminder; ``reminder_days_sent`` remembers it, so a second run (or a
        cron that missed a day) sends nothing twice. Returns ``{days: qualifications reminded}``.
        """
        today = self._mazpulki_today()
        sent = {}
        for days in sorted(REMINDER_DAYS):  # the nearest first: a late start sends only the 14-day reminder
            due = self.sudo().search(
                [
                    ("is_superseded", "=", False),
                    ("date_valid_until", ">=", today),
                    ("date_valid_until", "<=", today + datetime.timedelta(days=days)),
                    "|",
                    ("reminder_days_sent", "=", 0),
                    ("reminder_days_sent", ">", days),
                ]
            )
            if not due:
                continue
            template = self.env.ref("mazpulki_members.mail_template_qualification_reminder")
            for qualification in due:
                if qualification.partner_id.email:
                    template.send_mail(qualification.id, email_layout_xmlid="mail.mail_notification_light")
                qualification._mazpulki_tell_office(
                    self.env._(
                        "%(kind)s of %(person)s expires on %(date)s",
                        kind=qualification.kind_id.name,
                        person=qualification.partner_id.name,
                        date=qualification.date_valid_until,
                    ),
                    qualification.date_valid_until,
                )
            due.write({"reminder_days_sent": days})
            sent[days] = due
        return sent

    @api.model
    def _mazpulki_notify_expired_leaders(self):
        """Tell the office of current leaders whose required qualification expired (never removed silently).

        The office gets one activity on the expired qualification, and the leader one in her own activities
        (not twice: ``reminder_days_sent`` -1 remembers it); her page shows it too. The leader stays a leader;
        the office decides (renewal, override, or end of the role).
        """
        role = self.env.ref("mazpulki_members.qualification_role_club_leader", raise_if_not_found=False)
        if not role or not role.kind_ids:
            return self.browse()
        today = self._mazpulki_today()
        leaders = (
            self.env["mazpulki.club.leader"]
            .sudo()
            .search([("date_start", "<=", today), "|", ("date_end", "=", False), ("date_end", ">=", today)])
        )
        expired = self.sudo().search(
            [
                ("partner_id", "in", leaders.partner_id.ids),
                ("kind_id", "in", role.kind_ids.ids),
                ("is_superseded", "=", False),
                ("date_valid_until", "<", today),
                ("reminder_days_sent", "!=", -1),
            ]
        )
        for qualification in expired:
            qualification._mazpulki_tell_office(
                self.env._(
                    "Leader %(person)s: %(kind)s expired on %(date)s",
                    person=qualification.partner_id.name,
                    kind=qualification.kind_id.name,
                    date=qualification.date_valid_until,
                ),
                today,
            )
            # and the leader: a to-do in her activities, which every screen of hers shows
            for user in qualification.partner_id.user_ids.filtered(lambda u: not u.share):
                qualification.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=qualification.with_context(lang=user.lang).env._(
                        "Your qualification %s has expired: renew it or ask the office", qualification.kind_id.name
                    ),
                    date_deadline=today,
                )
        expired.write({"reminder_days_sent": -1})
        return expired

    def _mazpulki_tell_office(self, summary, deadline):
        """A to-do for the office user who looks after qualifications (assigning it notifies them)."""
        self.ensure_one()
        user = self._mazpulki_office_user()
        if user:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=summary,
                date_deadline=deadline,
            )

    @api.model
    def _mazpulki_office_user(self):
        """The company's qualifications contact, else the first office manager who is a real user."""
        user = self.env.company.mazpulki_qualification_user_id
        if user:
            return user
        managers = self.env.ref("mazpulki_members.group_mazpulki_manager").users
        return managers.filtered(lambda u: not u._is_superuser() and u.active)[:1]

    # --- helpers ---------------------------------------------------------------

    def _mazpulki_today(self):
        today = self.env.context.get("mazpulki_today")
        return fields.Date.to_date(today) if today else fields.Date.context_today(self)

    def _mazpulki_pairs(self):
        return {(q.partner_id.id, q.kind_id.id) for q in self}

    def _mazpulki_update_superseded(self, pairs=None):
        """Mark, per person and kind, every qualification but the latest (by day obtained) as superseded."""
        pairs = pairs if pairs is not None else self._mazpulki_pairs()
        if not pairs:
            return
        self.flush_model(["partner_id", "kind_id", "date_obtained", "is_superseded"])
        partner_ids = [p for p, _k in pairs]
        kind_ids = [k for _p, k in pairs]
        self.env.cr.execute(
            SQL(
                """UPDATE mazpulki_qualification q
                      SET is_superseded = ranked.rank > 1
                     FROM (SELECT id, row_number() OVER (
                                  PARTITION BY partner_id, kind_id ORDER BY date_obtained DESC, id DESC) AS rank
                             FROM mazpulki_qualification
                            WHERE (partner_id, kind_id) IN (SELECT * FROM unnest(%(partners)s::int[], %(kinds)s::int[]))
                          ) ranked
                    WHERE q.id = ranked.id AND q.is_superseded IS DISTINCT FROM (ranked.rank > 1)
                RETURNING q.id""",
                partners=partner_ids,
                kinds=kind_ids,
            )
        )
        changed = [row[0] for row in self.env.cr.fetchall()]
        if changed:
            self.browse(changed).invalidate_recordset(["is_superseded"])


class MazpulkiQualificationRole(models.Model):
    _name = "mazpulki.qualification.role"
    _description = "Role that Requires Qualifications"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    kind_ids = fields.Many2many(
        "mazpulki.qualification.kind",
        string="Required Qualifications",
        help="Qualifications a person needs, valid on the day, to take this role. Empty: the role needs none.",
    )

    def _mazpulki_gaps(self, partners, on_date):
        """``{partner_id: [(kind, qualification or None)]}``: the required kinds each partner lacks on ``on_date``.

        A qualification counts when obtained on or before ``on_date`` and valid on it (a grace period does
        not count). An active override of the role for the partner clears every gap.
        """
        self.ensure_one()
        gaps = {}
        if not self.kind_ids or not partners:
            return gaps
        # sudo: the check must see the qualifications whoever assigns the role; it returns only kind names
        Qualification = self.env["mazpulki.qualification"].sudo()
        held = Qualification.search(
            [
                ("partner_id", "in", partners.ids),
                ("kind_id", "in", self.kind_ids.ids),
                ("date_obtained", "<=", on_date),
            ],
            order="date_obtained desc, id desc",
        )
        overridden = set(self.env["mazpulki.qualification.override"].sudo()._mazpulki_active(partners, self, on_date))
        for partner in partners:
            if partner.id in overridden:
                continue
            missing = []
            for kind in self.kind_ids:
                mine = held.filtered(lambda q, p=partner, k=kind: q.partner_id == p and q.kind_id == k)
                if any(not q.date_valid_until or q.date_valid_until >= on_date for q in mine):
                    continue
                missing.append((kind, mine[:1]))
            if missing:
                gaps[partner.id] = missing
        return gaps


class MazpulkiQualificationOverride(models.Model):
    _name = "mazpulki.qualification.override"
    _description = "Qualification Override"
    _order = "date desc, id desc"
    _rec_name = "role_id"

    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True, ondelete="cascade")
    role_id = fields.Many2one("mazpulki.qualification.role", string="Role", required=True, ondelete="cascade")
    reason = fields.Text(required=True)
    granted_by_id = fields.Many2one(
        "res.users", string="Granted By", readonly=True, default=lambda self: self.env.user, ondelete="set null"
    )
    date = fields.Date(string="Granted On", required=True, default=fields.Date.context_today, readonly=True)
    date_valid_until = fields.Date(string="Valid Until", help="Empty: until the office withdraws it (archives it).")
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        overrides = super().create(vals_list)
        for override in overrides:
            # logged on the person, where the office sees it beside the qualifications
            override.partner_id.sudo().message_post(
                body=self.env._(
                    "Qualification override for the role %(role)s by %(user)s: %(reason)s",
                    role=override.role_id.name,
                    user=override.granted_by_id.name or self.env.user.name,
                    reason=override.reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        _logger.info("qualification overrides %s granted by user %s", overrides.ids, self.env.uid)
        return overrides

    def _mazpulki_active(self, partners, role, on_date):
        """Partner ids of ``partners`` holding an active override of ``role`` on ``on_date``."""
        return self.search(
            [
                ("partner_id", "in", partners.ids),
                ("role_id", "=", role.id),
                ("date", "<=", on_date),
                "|",
                ("date_valid_until", "=", False),
                ("date_valid_until", ">=", on_date),
            ]
        ).partner_id.ids


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_qualification_user_id = fields.Many2one(
        "res.users",
        string="Qualifications Contact",
        help="The office user who gets a to-do when an adult's qualification is due or a leader's has expired; "
        "empty: the first office manager.",
    )
