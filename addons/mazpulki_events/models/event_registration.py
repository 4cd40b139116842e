import re
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.age_band import AGE_BAND_SELECTION, age_band_of

from .event_waitlist_seats import EventRegistrationWaitlist

# Members younger than this need a guardian's approval to take part in an event
# that asks for it (camps, trips: the child is away from home; Civil Law, art. 185).
GUARDIAN_APPROVAL_AGE = 18


# The statuses the registration desk shows for a member's card besides Odoo's
# own ('confirmed_registration', 'already_registered', 'canceled_registration',
# 'not_ongoing_event'); each comes with a message for the desk.
# Fields that give or record a guardian's approval: set only by trusted server code
# under sudo, after it checked the caller (the guardian on the portal, the desk at
# the gate), never by a user's own write or create (RPC).
APPROVAL_FIELDS = frozenset(
    {
        "mazpulki_approval_state",
        "mazpulki_approved_by_id",
        "mazpulki_approved_on",
        "mazpulki_gate_guardian_name",
        "mazpulki_gate_guardian_phone",
        "mazpulki_gate_consent",
        "mazpulki_gate_recorded_by_id",
        "mazpulki_gate_recorded_at",
    }
)
# The office and the leaders read who approved; the desk records the guardian at the
# gate but never reads guardians back.
APPROVAL_READERS = "event.group_event_user,mazpulki_members.group_mazpulki_leader"
# A phone number as the desk types it: digits, spaces, +, -, (, ); at least 6 digits.
GATE_PHONE = re.compile(r"^\+?[\d\s()\-]{6,32}$")

REFUSALS = (
    "mazpulki_unknown_card",
    "mazpulki_revoked_card",
    "mazpulki_no_event",
    "mazpulki_not_registered",
    "mazpulki_no_membership",
    "mazpulki_approval_missing",
    "mazpulki_no_seats",
)


def desk_window(date_begin, date_end, tz_name):
    """When the registration desk checks attendees in: ``(opens, closes)``, naive UTC datetimes.

    The desk opens at midnight of the event's first day in the event's time zone (the
    early entrance: people arrive before the opening hour) and closes when the event
    ends, when Odoo's own scan answers 'not_ongoing_event' (``event.event.is_finished``).
    One rule for Odoo's tickets, members' cards, walk-ins and the offline desk.
    """
    tz = pytz.timezone(tz_name or "UTC")
    first_day = pytz.utc.localize(date_begin).astimezone(tz).date()
    opens = tz.localize(datetime.combine(first_day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
    return opens, date_end


class EventRegistration(EventRegistrationWaitlist, models.Model):
    _inherit = "event.registration"

    mazpulki_member_id = fields.Many2one(
        "res.partner",
        string="Member",
        compute="_compute_mazpulki_member_id",
        store=True,
        index=True,
        help="The Mazpulki member attending, when the attendee is one.",
    )
    mazpulki_club_id = fields.Many2one(
        "mazpulki.club", string="Club", related="mazpulki_member_id.mazpulki_club_id", store=True, index=True
    )
    mazpulki_region_id = fields.Many2one(related="mazpulki_club_id.region_id", string="Region")
    mazpulki_age_group = fields.Selection(
        AGE_BAND_SELECTION,
        string="Age Group",
        compute="_compute_mazpulki_age_group",
    )
    mazpulki_approval_state = fields.Selection(
        [
            ("not_needed", "Not Needed"),
            ("pending", "Waiting for Guardian"),
            ("approved", "Approved by Guardian"),
            ("declined", "Declined by Guardian"),
            ("request", "Request: Office to Match a Member"),
        ],
        string="Guardian Approval",
        default="not_needed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    mazpulki_approved_by_id = fields.Many2one(
        "res.partner", string="Approved By", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_approved_on = fields.Datetime(
        string="Guardian Decided On", readonly=True, copy=False, help="When the guardian approved or declined."
    )
    # A guardian present at the gate consents to a child's walk-in (or to a registration
    # still waiting for the portal): the desk records who they are and who recorded it.
    # The adult does not become the child's guardian in the registry.
    mazpulki_gate_consent = fields.Boolean(
        string="Consent Given at the Gate", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_gate_guardian_name = fields.Char(
        string="Guardian at the Gate", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_gate_guardian_phone = fields.Char(
        string="Guardian's Phone", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_gate_recorded_by_id = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_gate_recorded_at = fields.Datetime(
        string="Recorded At", readonly=True, copy=False, groups=APPROVAL_READERS
    )
    mazpulki_attendance_ids = fields.One2many("mazpulki.event.attendance", "registration_id", string="Days Attended")
    mazpulki_days_attended = fields.Integer(string="Days", compute="_compute_mazpulki_days_attended")

    @api.depends("partner_id.is_mazpulki_member")
    def _compute_mazpulki_member_id(self):
        for registration in self:
            partner = registration.partner_id
            registration.mazpulki_member_id = partner if partner.is_mazpulki_member else False

    @api.depends("mazpulki_member_id.birthdate_date", "event_id.date_begin")
    def _compute_mazpulki_age_group(self):
        for registration in self:
            # sudo: the desk and the event staff see the age group, never the member's birth date
            member = registration.sudo().mazpulki_member_id
            day = registration.event_id.date_begin.date() if registration.event_id.date_begin else None
            registration.mazpulki_age_group = age_band_of(member._mazpulki_age_on(day)) if member else False

    def _compute_mazpulki_days_attended(self):
        counts = dict(
            self.env["mazpulki.event.attendance"]._read_group(
                [("registration_id", "in", self.ids)], ["registration_id"], ["__count"]
            )
        )
        for registration in self:
            registration.mazpulki_days_attended = counts.get(registration, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _mazpulki_check_approval_fields(self, fields_written):
        if not self.env.su and APPROVAL_FIELDS.intersection(fields_written):
            raise AccessError(
                self.env._(
                    "A guardian's approval is given on the portal by the guardian, or recorded at the "
                    "registration desk with the guardian's name and phone."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._mazpulki_check_approval_fields(vals)
        partners = self.env["res.partner"].browse([v["partner_id"] for v in vals_list if v.get("partner_id")])
        events = self.env["event.event"].browse([v["event_id"] for v in vals_list if v.get("event_id")])
        for vals in vals_list:
            if not vals.get("partner_id") or not vals.get("event_id") or "mazpulki_approval_state" in vals:
                continue
            # with the batch's prefetch: one read for all partners and events, not one each
            partner = partners.browse(vals["partner_id"]).with_prefetch(partners._prefetch_ids)
            event = events.browse(vals["event_id"]).with_prefetch(events._prefetch_ids)
            if event._mazpulki_needs_guardian_approval(partner):
                vals["mazpulki_approval_state"] = "pending"
                vals["state"] = "draft"
        registrations = super().create(vals_list)
        registrations.filtered(lambda r: r.mazpulki_approval_state == "pending")._mazpulki_ask_guardians()
        if not self.env.context.get("mazpulki_attendance_recorded"):  # the sync records each at its scan's time
            registrations.filtered(lambda r: r.state == "done")._mazpulki_record_attendance(self._mazpulki_now())
        return registrations

    def write(self, vals):
        self._mazpulki_check_approval_fields(vals)
        if vals.get("mazpulki_approval_state") in ("approved", "declined") and "mazpulki_approved_on" not in vals:
            vals = {**vals, "mazpulki_approved_on": fields.Datetime.now()}
        res = super().write(vals)
        if vals.get("state") == "done" and not self.env.context.get("mazpulki_attendance_recorded"):
            self._mazpulki_record_attendance(self._mazpulki_now())
        return res

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_mazpulki_approve(self, guardian=None):
        """A guardian approves: the registration is confirmed (seats are checked as usual)."""
        pending = self.filtered(lambda r: r.mazpulki_approval_state in ("pending", "declined"))
        pending.write(
            {
                "mazpulki_approval_state": "approved",
                "mazpulki_approved_by_id": guardian.id if guardian else self.env.user.partner_id.id,
            }
        )
        pending.filtered(lambda r: r.state in ("draft", "cancel")).action_confirm()
        return True

    def action_mazpulki_decline(self, guardian=None):
        """A guardian declines: the registration is cancelled and frees its seat."""
        to_decline = self.filtered(lambda r: r.mazpulki_approval_state in ("pending", "approved"))
        to_decline.write(
            {
                "mazpulki_approval_state": "declined",
                "mazpulki_approved_by_id": guardian.id if guardian else self.env.user.partner_id.id,
            }
        )
        to_decline.action_cancel()
        return True

    def _mazpulki_waits_for_guardian(self):
        """Whether a guardian can still decide on this registration, and has not yet."""
        self.ensure_one()
        return self.mazpulki_approval_state == "pending" and not self.event_id.is_finished

    # ------------------------------------------------------------
    # REGISTRATION DESK
    # ------------------------------------------------------------

    @api.model
    def register_attendee(self, barcode, event_id):
        """Check in a member's own card at the desk; anything else is Odoo's registration barcode.

        Odoo's barcodes are decimal numbers and go to Odoo first; a member card's
        code is random URL-safe text. A member scan costs four queries: the card,
        the registration (locked, with all the desk shows), its state and the day.
        """
        barcode = (barcode or "").strip()
        if barcode.isdigit():
            res = self._mazpulki_register_ticket(barcode, event_id)
            if res.get("error") != "invalid_ticket":
                return res
        # The desk's own access right decides; what follows reads the member past the
        # record rules that hide children from desk users, and returns only name,
        # club and age group.
        self.check_access("write")
        member = self._mazpulki_desk_member(barcode)
        if isinstance(member, dict):
            return member
        if not member:
            if barcode.isdigit():
                return res
            res = self._mazpulki_register_ticket(barcode, event_id)
            if res.get("error") == "invalid_ticket":
                return self._mazpulki_refusal(
                    "mazpulki_unknown_card",
                    self.env._("The code %s is neither a membership card nor a ticket.", barcode),
                )
            return res
        return self.sudo()._mazpulki_register_member(member, event_id)

    @api.model
    def _mazpulki_desk_member(self, code):
        """The member a code given at the desk names (card, short code, member number); a refusal for a revoked card."""
        # sudo: desk users cannot read the card registry nor the members
        card, member = self.env["mazpulki.member.card"].sudo()._lookup_code(code)
        if card and card.state != "active":
            return self._mazpulki_refusal(
                "mazpulki_revoked_card",
                self.env._("The card with the code %s was revoked; ask the member for their new card.", code),
            )
        return member

    @api.model
    def mazpulki_record_gate_consent(self, barcode, event_id, guardian_name, guardian_phone, consent):
        """A guardian at the gate consents to a child's attendance: record it, approve and check the child in.

        For a child (under 18, at an event that asks for the guardian's approval) who
        walks in unregistered, or whose registration still waits for the guardian on the
        portal. ``barcode``: the child's card code, short code or member number, as the
        desk scanned it; ``guardian_name`` and ``guardian_phone``: the adult at the gate
        (required); ``consent``: the adult said yes (required). Records the desk user and
        the time; the adult is not made the child's guardian in the registry. Returns the
        desk's answer as ``register_attendee`` does. Raises UserError on a missing name,
        phone or consent, AccessError for anyone but the registration desk.
        """
        self.env["mazpulki.event.desk.scan"]._mazpulki_check_desk_user()
        self.check_access("write")
        name = " ".join((guardian_name or "").split())
        phone = " ".join((guardian_phone or "").split())
        if not name:
            raise UserError(self.env._("Write the name of the guardian at the gate."))
        if not phone or not GATE_PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6:
            raise UserError(self.env._("Write the phone number of the guardian at the gate."))
        if consent is not True:
            raise UserError(self.env._("The guardian at the gate has to consent to the child's attendance."))
        member = self._mazpulki_desk_member((barcode or "").strip())
        if isinstance(member, dict):
            return member
        if not member:
            raise UserError(self.env._("No membership card has the code %s.", barcode))
        gate = {
            "mazpulki_gate_consent": True,
            "mazpulki_gate_guardian_name": name[:128],
            "mazpulki_gate_guardian_phone": phone[:32],
            "mazpulki_gate_recorded_by_id": self.env.uid,
        }
        return self.sudo()._mazpulki_register_member(member, event_id, gate=gate)

    def _mazpulki_register_ticket(self, barcode, event_id):
        """Odoo's own scan, within the desk's window, plus the day's attendance on each later day.

        Odoo 18's scan refuses a ticket once the event is finished but checks it in days
        before the event; the desk refuses it there as it refuses a member's card.
        """
        attendee = self.search([("barcode", "=", barcode)], limit=1)
        if attendee.state in ("open", "done") and not attendee.event_id._mazpulki_desk_is_open():
            return {**attendee._get_registration_summary(), "status": "not_ongoing_event"}
        res = super().register_attendee(barcode, event_id)
        if res.get("status") == "already_registered":
            registration = self.browse(res["id"])
            if not event_id or registration.event_id.id == event_id:
                if registration._mazpulki_record_attendance(fields.Datetime.now()):
                    res["status"] = "confirmed_registration"
        return res

    def _mazpulki_age_group_label(self, key):
        """The age group's label in the user's language, as the desk shows it for cards and tickets alike."""
        return dict(self._fields["mazpulki_age_group"]._description_selection(self.env)).get(key)

    def _get_registration_summary(self):
        res = super()._get_registration_summary()
        # sudo: the desk shows a member's club and age group, never the member's record
        member = self.sudo().mazpulki_member_id
        if member:
            res.update(
                {
                    "mazpulki_club": member.mazpulki_club_id.name,
                    "mazpulki_age_group": self._mazpulki_age_group_label(self.sudo().mazpulki_age_group),
                }
            )
        return res

    def _mazpulki_register_member(self, member, event_id, now=None, gate=None):
        """Check ``member`` in at event ``event_id``: the desk's answer for a member's card.

        ``now`` is the time of the scan: an offline desk's scan is decided again, when it
        is synced, at the time it was made. ``gate``: the guardian's consent recorded at the
        gate (``mazpulki_gate_*`` values), which stands for the missing approval of a child.
        """
        if not event_id:
            return self._mazpulki_refusal(
                "mazpulki_no_event",
                self.env._("Open the registration desk from the event to check members in with their cards."),
                member_name=member.name,
            )
        now = now or fields.Datetime.now()
        self.env.flush_all()  # the query below reads events, members, memberships and registrations
        lang = self.env.lang or "en_US"
        # One query for everything the desk decides on and shows. The registration row is
        # locked: a second desk scanning the same card waits here, and as its snapshot
        # predates the first desk's commit, PostgreSQL answers it with a serialisation
        # failure; Odoo then retries that request, which finds the member checked in.
        # A serialisation failure is expected there when two desks race: not a bad query.
        self.env.cr.execute(
            SQL(
                """SELECT ev.id AS event_id,
                          COALESCE(ev.name->>%(lang)s, ev.name->>'en_US') AS event_name,
                          ev.date_begin,
                          ev.date_end,
                          ev.mazpulki_walkin_allowed AS walkin,
                          ev.mazpulki_guardian_approval AS needs_approval,
                          ev.badge_format,
                          COALESCE(ev.date_tz, 'UTC') AS tz,
                          (%(now)s AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(ev.date_tz, 'UTC'))::date AS day,
                          p.name AS member_name,
                          p.birthdate_date,
                          club.name AS club_name,
                          EXISTS (SELECT 1 FROM mazpulki_membership ms
                                   WHERE ms.member_id = p.id AND ms.state = 'active'
                                     AND ms.year = EXTRACT(YEAR FROM %(now)s AT TIME ZONE 'UTC'
                                                           AT TIME ZONE COALESCE(ev.date_tz, 'UTC'))
                                 ) AS has_membership,
                          reg.id AS registration_id,
                          reg.state,
                          reg.mazpulki_approval_state AS approval_state,
                          att.check_in
                     FROM event_event ev
                     JOIN res_partner p ON p.id = %(member)s
                LEFT JOIN mazpulki_club club ON club.id = p.mazpulki_club_id
                LEFT JOIN LATERAL (
                          SELECT r.id, r.state, r.mazpulki_approval_state
                            FROM event_registration r
                           WHERE r.event_id = ev.id AND r.mazpulki_member_id = p.id AND r.active
                        ORDER BY r.state = 'cancel', r.id DESC
                           LIMIT 1
                             FOR UPDATE
                          ) reg ON TRUE
                LEFT JOIN mazpulki_event_attendance att
                       ON att.registration_id = reg.id
                      AND att.day = (%(now)s AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(ev.date_tz, 'UTC'))::date
                    WHERE ev.id = %(event)s""",
                lang=lang,
                now=now,
                member=member.id,
                event=event_id,
            ),
            log_exceptions=False,
        )
        row = self.env.cr.dictfetchall()
        if not row:
            raise UserError(self.env._("The event of this registration desk no longer exists."))
        row = row[0]
        age = relativedelta(row["day"], row["birthdate_date"]).years if row["birthdate_date"] else None
        summary = {
            "id": row["registration_id"],
            "name": row["member_name"],
            "partner_id": member.id,
            "ticket_name": False,
            "event_id": row["event_id"],
            "event_display_name": row["event_name"],
            "registration_answers": [],
            "company_name": False,
            "iot_printers": [],
            "badge_format": row["badge_format"],
            "mazpulki_club": row["club_name"],
            "mazpulki_age_group": self._mazpulki_age_group_label(age_band_of(age)),
        }
        status, message, action = self._mazpulki_decide_member(row, now)
        # a child without the guardian's approval: a guardian at the gate can give it
        # (not over a guardian's refusal on the portal)
        gate_possible = status == "mazpulki_approval_missing" and row["approval_state"] != "declined"
        if gate and gate_possible:
            gate = {**gate, "mazpulki_gate_recorded_at": now, "mazpulki_approval_state": "approved"}
            if not row["registration_id"]:
                return self._mazpulki_register_walkin(member, event_id, now, row["tz"], summary, extra=gate)
            registration = self.browse(row["registration_id"])
            try:
                with self.env.cr.savepoint():
                    registration.write(gate)
                    if registration.state == "draft":
                        registration.action_confirm()  # takes its seat now, as the portal's approval does
            except ValidationError as error:
                return self._mazpulki_refusal("mazpulki_no_seats", str(error), **summary)
            status, message, action = "confirmed_registration", None, "check_in"
            summary["mazpulki_gate_recorded"] = True
        if action == "walkin":
            return self._mazpulki_register_walkin(member, event_id, now, row["tz"], summary)
        if action is None:
            if message:
                if gate_possible:
                    summary["mazpulki_gate_possible"] = True
                    if not row["registration_id"]:
                        message = self.env._(
                            "%s is under 18 and not registered: a guardian approves on the portal, "
                            "or here at the gate.",
                            row["member_name"],
                        )
                return self._mazpulki_refusal(status, message, **summary)
            if status == "already_registered":
                summary["mazpulki_checked_in_at"] = self._mazpulki_format_time(row["check_in"], row["tz"])
            return {**summary, "status": status}
        registration = self.browse(row["registration_id"])
        if row["state"] != "done":
            # open (or draft approved by a guardian) becomes attended; the seat was already taken
            self._mazpulki_set_done({registration.id: now})
        registration._mazpulki_record_attendance(now)
        return {
            **summary,
            "status": "confirmed_registration",
            "mazpulki_checked_in_at": self._mazpulki_format_time(now, row["tz"]),
        }

    @api.model
    def _mazpulki_decide_member(self, row, now):
        """The desk's decision for a member's card scanned at ``now``: ``(status, message, action)``.

        One set of rules for the online desk and the sync of an offline desk's scans
        (offline_desk.js decides the same way in the browser). ``row``: the event's
        ``date_begin``, ``date_end``, ``tz``, ``walkin``, ``needs_approval``; the member's
        ``member_name``, ``birthdate_date`` and ``has_membership`` (in the scan day's year);
        the live registration's ``registration_id``, ``state``, ``approval_state``; ``check_in``
        (on the scan's day, if any) and ``day`` (the scan's day at the event: a member's age
        is counted on it). ``action``: None (answer only), "walkin" (register and check in;
        seats are checked then) or "check_in" (the registration attended on that day).
        """
        name = row["member_name"]
        if row["registration_id"] and row["state"] == "cancel":
            return "canceled_registration", None, None  # as Odoo's scan: before the dates
        opens, closes = desk_window(row["date_begin"], row["date_end"], row["tz"])
        if not opens <= now < closes:
            return "not_ongoing_event", None, None
        if not row["has_membership"]:
            return (
                "mazpulki_no_membership",
                self.env._("%s has no active membership this year; ask the club leader to renew it.", name),
                None,
            )
        age = relativedelta(row["day"], row["birthdate_date"]).years if row["birthdate_date"] else None
        needs_approval = row["needs_approval"] and age is not None and age < GUARDIAN_APPROVAL_AGE
        if not row["registration_id"]:
            if not row["walkin"]:
                return (
                    "mazpulki_not_registered",
                    self.env._("%s is not registered for this event, which takes no walk-ins.", name),
                    None,
                )
            if needs_approval:
                return (
                    "mazpulki_approval_missing",
                    self.env._(
                        "%s is under 18 and not registered: a guardian must approve the registration on the portal.",
                        name,
                    ),
                    None,
                )
            return "confirmed_registration", None, "walkin"
        if row["approval_state"] in ("pending", "declined"):
            return (
                "mazpulki_approval_missing",
                self.env._("A guardian has not approved the registration of %s.", name),
                None,
            )
        if row["check_in"]:
            return "already_registered", None, None
        return "confirmed_registration", None, "check_in"

    @api.model
    def _mazpulki_decide_ticket(self, row, event_id, now):
        """Odoo's answer for its own ticket scanned at ``now`` at the desk of ``event_id``.

        The rules of ``_mazpulki_register_ticket`` (Odoo's scan within the desk's window,
        and the day's attendance on each later day) for the sync of an offline desk:
        ``row`` has the ticket's ``registration_id``, ``state``, ``event_id`` and its event's
        ``date_begin``, ``date_end``, ``tz``, and ``check_in`` on the scan's day. Returns
        ``(status, action)``, action None or "check_in".
        """
        opens, closes = desk_window(row["date_begin"], row["date_end"], row["tz"])
        if row["state"] in ("open", "done") and not opens <= now < closes:
            return "not_ongoing_event", None
        if row["state"] == "cancel":
            return "canceled_registration", None
        if row["state"] == "draft":
            return "unconfirmed_registration", None
        if row["date_end"] <= now:
            return "not_ongoing_event", None
        same_event = not event_id or row["event_id"] == event_id
        if row["state"] != "done":
            return ("confirmed_registration", "check_in") if same_event else ("need_manual_confirmation", None)
        if same_event and not row["check_in"]:
            return "confirmed_registration", "check_in"
        return "already_registered", None

    def _mazpulki_set_done(self, times):
        """Mark registrations attended, bypassing the ORM: ``{registration id: time of the scan}``.

        As at the desk: the seat was taken already; the day's attendance is recorded apart.
        """
        if not times:
            return
        self.env.cr.execute(
            SQL(
                """UPDATE event_registration r
                      SET state = 'done', date_closed = v.at, write_uid = %(uid)s, write_date = v.at
                     FROM (VALUES %(values)s) AS v(id, at)
                    WHERE r.id = v.id""",
                uid=self.env.uid,
                values=SQL(", ").join(SQL("(%s, %s::timestamp)", rid, at) for rid, at in times.items()),
            )
        )
        self.browse(list(times)).invalidate_recordset(["state", "date_closed", "write_uid", "write_date"])

    def _mazpulki_register_walkin(self, member, event_id, now, tz, summary, extra=None):
        """Register and check in a member who arrives without a registration (``extra``: the gate's consent)."""
        # A second desk registering the same walk-in at the same moment blocks on this
        # row and, once the first desk commits, gets a serialisation failure; Odoo retries
        # its request, which then finds the first desk's registration.
        self.env.cr.execute(
            SQL("UPDATE res_partner SET write_date = write_date WHERE id = %s", member.id), log_exceptions=False
        )
        try:
            with self.env.cr.savepoint():
                # the desk has decided on the guardian's approval already (on today's age);
                # the attendance is recorded at the scan's time
                registration = self.with_context(mazpulki_scan_time=now).create(
                    {
                        "event_id": event_id,
                        "partner_id": member.id,
                        "state": "done",
                        "mazpulki_approval_state": "not_needed",
                        **(extra or {}),
                    }
                )
        except ValidationError as error:
            return self._mazpulki_refusal("mazpulki_no_seats", str(error), **summary)
        return {
            **summary,
            "id": registration.id,
            "status": "confirmed_registration",
            "mazpulki_walkin": True,
            "mazpulki_gate_recorded": bool(extra),
            "mazpulki_checked_in_at": self._mazpulki_format_time(now, tz),
        }

    def _mazpulki_record_attendance(self, now):
        """Record the day's attendance (in each event's time zone); the ids of the days newly recorded.

        An attendance marked outside the event's dates (by hand, from the registration) counts
        for its nearest day: the last one after the event, the first one before it.
        """
        return self._mazpulki_record_attendances([(registration.id, now) for registration in self])

    @api.model
    def _mazpulki_record_attendances(self, scans):
        """Record ``[(registration id, time of the scan)]``, each day once; the ids of the days newly recorded."""
        if not scans:
            return []
        Attendance = self.env["mazpulki.event.attendance"]
        Attendance.flush_model()
        # the INSERT below reads these columns
        self.flush_model(["event_id"])
        self.env["event.event"].flush_model(["date_begin", "date_end", "date_tz"])
        # ON CONFLICT: the day is recorded once, whichever desk comes first.
        self.env.cr.execute(
            SQL(
                """INSERT INTO mazpulki_event_attendance
                          (registration_id, event_id, day, check_in, user_id,
                           create_uid, create_date, write_uid, write_date)
                   SELECT r.id, r.event_id,
                          (GREATEST(LEAST(v.at, ev.date_end), ev.date_begin)
                           AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(ev.date_tz, 'UTC'))::date,
                          LEAST(v.at, ev.date_end), %(uid)s, %(uid)s, v.at, %(uid)s, v.at
                     FROM (VALUES %(values)s) AS v(id, at)
                     JOIN event_registration r ON r.id = v.id
                     JOIN event_event ev ON ev.id = r.event_id
              ON CONFLICT (registration_id, day) DO NOTHING
                RETURNING id""",
                uid=self.env.uid,
                values=SQL(", ").join(SQL("(%s, %s::timestamp)", rid, at) for rid, at in scans),
            ),
            log_exceptions=False,
        )
        rows = self.env.cr.fetchall()
        if rows:
            self.browse([rid for rid, _at in scans]).invalidate_recordset(["mazpulki_attendance_ids"])
        return [row[0] for row in rows]

    @api.model
    def _mazpulki_now(self):
        """The time of the scan being recorded: an offline scan's own time, else now."""
        return self.env.context.get("mazpulki_scan_time") or fields.Datetime.now()

    @api.model
    def _mazpulki_format_time(self, value, tz_name):
        """A UTC datetime as the time at the event, e.g. 09:42."""
        return pytz.utc.localize(value).astimezone(pytz.timezone(tz_name or "UTC")).strftime("%H:%M")

    @api.model
    def _mazpulki_refusal(self, status, message, **summary):
        return {**summary, "status": status, "mazpulki_message": message}

    def _mazpulki_ask_guardians(self):
        """Tell the guardians of each pending registration that it waits for their approval."""
        template = self.env.ref("mazpulki_events.mail_template_guardian_approval", raise_if_not_found=False)
        if not template:
            return
        for registration in self:
            # sudo: the member's guardians are read to address the mail, whoever registered
            if registration.sudo().mazpulki_member_id.guardian_ids:
                template.sudo().send_mail(registration.id, email_layout_xmlid="mail.mail_notification_light")

    # ------------------------------------------------------------
    # FAMILIES ON THE WEBSITE
    # ------------------------------------------------------------

    @api.model
    def _mazpulki_family_people(self, partner):
        """The children ``partner`` (a website user's contact) registers for events: ``res.partner`` (sudo).

        The active members she is a guardian of, read through ``ward_ids`` (so the guardian's
        proof rules apply), with sudo because portal users cannot read members. Besides them
        she registers only herself.
        """
        # sudo: the website user's own children; ward_ids is the check
        partner_sudo = partner.sudo()
        wards = partner_sudo.ward_ids.member_id.filtered(lambda m: m.is_mazpulki_member and m.active)
        return wards - partner_sudo

    @api.model
    def _mazpulki_prepare_family_registrations(self, event, user, registrations_data):
        """Check and complete the website's registration values of ``user`` for ``event``.

        ``registrations_data``: the values Odoo's website form gives (dicts, changed in place).
        A posted ``partner_id`` must be the user's own contact or one of her wards; anything
        else raises ``AccessError`` (Odoo's form allows ``partner_id``, so this is the check).
        A ward's registration is the ward's, named as in the registry, and approved by the
        guardian who registered her (when the event asks a guardian). An anonymous visitor's
        registration to a youth event becomes a request for the office (unconfirmed).
        Called by trusted controller code only, before the registrations are created with sudo.
        """
        if user._is_public():
            for values in registrations_data:
                if values.get("partner_id"):
                    raise AccessError(self.env._("Sign in to register a member."))
                if event.mazpulki_youth_event:
                    values["mazpulki_approval_state"] = "request"
                    values["state"] = "draft"
            return registrations_data
        own = user.partner_id
        wards = self._mazpulki_family_people(own)
        chosen = [values["partner_id"] for values in registrations_data if values.get("partner_id")]
        if len(chosen) != len(set(chosen)):
            raise UserError(self.env._("Each person can be registered only once."))
        for values in registrations_data:
            person_id = values.get("partner_id")
            if not person_id or person_id == own.id:
                continue
            ward = wards.filtered(lambda w, person_id=person_id: w.id == person_id)
            if not ward:
                raise AccessError(self.env._("You can register only yourself and your own children."))
            values["name"] = ward.name
            values.setdefault("email", ward.email or own.email)
            values.setdefault("phone", ward.phone or own.phone)
            if event._mazpulki_needs_guardian_approval(ward):
                values.update(
                    {
                        "mazpulki_approval_state": "approved",
                        "mazpulki_approved_by_id": own.id,
                        "mazpulki_approved_on": fields.Datetime.now(),
                    }
                )
        return registrations_data

    def action_mazpulki_match_request(self):
        """The office has matched a request to a member (``partner_id``): the member's rules apply from now.

        A member who needs a guardian's approval waits for it (the guardians are asked);
        anyone else's registration is confirmed (seats are checked as usual).
        Raises ``UserError`` when a request is not linked to a member yet.
        """
        if not (self.env.su or self.env.user.has_group("event.group_event_user")):
            raise AccessError(self.env._("Only the office matches registration requests to members."))
        requests = self.filtered(lambda r: r.mazpulki_approval_state == "request")
        unmatched = requests.filtered(lambda r: not r.mazpulki_member_id)
        if unmatched:
            raise UserError(
                self.env._("Choose the member in the attendee field of %s first.", ", ".join(unmatched.mapped("name")))
            )
        # sudo: the caller's group was checked above, and the approval fields are written by trusted code only
        for registration in requests.sudo():
            if registration.event_id._mazpulki_needs_guardian_approval(registration.mazpulki_member_id):
                registration.write({"mazpulki_approval_state": "pending", "state": "draft"})
                registration._mazpulki_ask_guardians()
            else:
                registration.mazpulki_approval_state = "not_needed"
                registration.action_confirm()
        return True
