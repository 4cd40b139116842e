import hashlib
import hmac
import logging

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Scans sent in one call at most; the desk sends its queue in batches of this size.
SYNC_BATCH = 500

# The hash of each card code under an event's key, per (database, event, key): a few
# events' maps kept per worker, the oldest dropped first.
_CARD_HASHES = {}
CARD_HASHES_KEPT = 8

# What an offline desk may have shown for a scan the server now decides otherwise.
CONFLICTS = [
    ("duplicate", "Checked In at Another Desk"),
    ("revoked", "Card Revoked Meanwhile"),
    ("no_seats", "Seat Limit Passed"),
    ("other", "Decided Otherwise"),
]


def card_hash(key, code):
    """The keyed hash of a card code an offline desk holds instead of the code (HMAC-SHA256, hex)."""
    return hmac.new(key.encode(), (code or "").strip().encode(), hashlib.sha256).hexdigest()


class MazpulkiEventDeskScan(models.Model):
    """A scan an offline desk made and sent when the network came back.

    Each scan carries the UUID its device gave it, so a scan sent twice counts once;
    it is decided again on the server at the time it was made. Where the server's
    answer differs from what the desk showed, the scan is a conflict for the event
    manager to resolve. The attendance it records is an ordinary day of
    ``mazpulki.event.attendance`` (registration and day, as Odoo 19's
    ``event.registration.attendance``).
    """

    _name = "mazpulki.event.desk.scan"
    _description = "Offline Desk Scan"
    _order = "scanned_at desc, id desc"
    _rec_name = "uuid"

    uuid = fields.Char(string="Scan ID", required=True, readonly=True, help="Given by the desk's device.")
    event_id = fields.Many2one("event.event", required=True, readonly=True, ondelete="cascade", index=True)
    registration_id = fields.Many2one("event.registration", readonly=True, ondelete="set null", index=True)
    attendee_name = fields.Char(string="Attendee", readonly=True)
    user_id = fields.Many2one("res.users", string="Desk User", required=True, readonly=True)
    scanned_at = fields.Datetime(required=True, readonly=True)
    day = fields.Date(readonly=True, help="The day of the scan in the event's time zone.")
    synced_at = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    desk_status = fields.Char(string="Desk Showed", readonly=True)
    status = fields.Char(string="Server Decided", readonly=True)
    message = fields.Char(readonly=True)
    kind = fields.Selection(
        [("card", "Member Card"), ("ticket", "Ticket")],
        string="Scanned",
        readonly=True,
        help="What the desk scanned: a member's card or Odoo's ticket (empty: unknown to the server).",
    )
    conflict = fields.Selection(CONFLICTS, readonly=True, index=True)
    state = fields.Selection(
        [("done", "Done"), ("conflict", "To Resolve"), ("resolved", "Resolved")],
        required=True,
        default="done",
        readonly=True,
        index=True,
    )

    _sql_constraints = [("uuid_uniq", "unique(uuid)", "A scan is synced once.")]

    def action_mazpulki_resolve(self):
        self.check_access("write")
        self.filtered(lambda scan: scan.state == "conflict").write({"state": "resolved"})
        return True

    @api.model
    def _conflict_of(self, desk_status, status):
        """The conflict between what the offline desk showed and the server's decision (False: none).

        Both let the attendee in, or both turned them away (for whatever reason: the
        offline desk knows fewer cards): no conflict, except a check-in the server had
        already from another desk.
        """
        accepted = ("confirmed_registration", "already_registered")
        if (desk_status in accepted) == (status in accepted):
            if desk_status == "confirmed_registration" and status == "already_registered":
                return "duplicate"
            return False
        if status == "mazpulki_revoked_card":
            return "revoked"
        if status == "mazpulki_no_seats":
            return "no_seats"
        return "other"

    # ------------------------------------------------------------
    # SYNC
    # ------------------------------------------------------------

    @api.model
    def mazpulki_sync(self, event_id, scans):
        """Record the scans an offline desk queued, in their order; the answer for each.

        ``scans``: dicts with ``uuid``, ``card_hash`` (HMAC, with the event's desk key, of
        the code scanned: a member's card or Odoo's ticket barcode), ``scanned_at`` (UTC,
        "YYYY-MM-DD HH:MM:SS") and ``desk_status`` (what the desk showed). Idempotent: a
        scan already synced returns its first answer.

        Each scan is decided again at its own time with the online desk's rules
        (``_mazpulki_decide_member``, ``_mazpulki_decide_ticket``), in order, on what the
        batch has read at once: the members, their registrations (locked, as at the desk)
        and the days attended. The batch then writes at once: the walk-ins, the
        registrations attended, the days and its log rows.
        """
        self._mazpulki_check_desk_user()
        if len(scans) > SYNC_BATCH:
            raise UserError(self.env._("Send at most %s scans at once.", SYNC_BATCH))
        event = self.env["event.event"].browse(event_id).exists()
        if not event:
            raise UserError(self.env._("The event of this registration desk no longer exists."))
        event.check_access("read")
        self.env["event.registration"].check_access("write")
        uuids = [str(values.get("uuid") or "")[:64] for values in scans]
        if not all(uuids):
            raise UserError(self.env._("A scan without its identifier cannot be synced."))
        # sudo: desk users append to the scan log and read the card registry, which they
        # cannot do themselves; what they send is only a hash, a time and a status
        Scan = self.sudo()
        answers = {
            scan.uuid: (scan.status, scan.conflict or False)
            for scan in Scan.search_fetch([("uuid", "in", uuids)], ["uuid", "status", "conflict"])
        }
        new = {}
        for uuid, values in zip(uuids, scans, strict=True):
            if uuid not in answers:
                new.setdefault(uuid, values)
        if new:
            answers.update(Scan._mazpulki_sync_new(event, list(new.items())))
        return [{"uuid": uuid, "status": answers[uuid][0], "conflict": answers[uuid][1]} for uuid in uuids]

    def _mazpulki_sync_new(self, event, scans):
        """Decide and record ``[(uuid, scan)]`` not synced before; ``{uuid: (status, conflict)}``."""
        Registration = self.env["event.registration"]
        now = fields.Datetime.now()
        hashes = {values.get("card_hash") for _uuid, values in scans}
        cards = self._mazpulki_members_by_hash(event, hashes)
        times = [min(self._mazpulki_parse_time(values.get("scanned_at")) or now, now) for _uuid, values in scans]
        tickets = self._mazpulki_tickets_by_hash(event, hashes - set(cards), min(times))
        facts = self._mazpulki_sync_facts(event, {member for member, _state in cards.values()}, set(tickets.values()))
        events, members, regs, live = facts["events"], facts["members"], facts["registrations"], facts["live"]
        desk_event = events[event.id]
        seats_left = event.seats_available if event.seats_limited and event.seats_max else None
        decided, walkins, set_done, attend = [], [], {}, []
        for (uuid, values), scanned_at in zip(scans, times, strict=True):
            digest = values.get("card_hash")
            line = {
                "uuid": uuid,
                "event_id": event.id,
                "user_id": self.env.uid,
                "scanned_at": scanned_at,
                "day": event._mazpulki_local_day(scanned_at),
                "desk_status": str(values.get("desk_status") or "")[:64],
                "kind": False,
                "status": "mazpulki_unknown_card",
                "message": False,
            }
            reg = None
            if digest in cards:
                member_id, card_state = cards[digest]
                member = members[member_id]
                line.update(kind="card", attendee_name=member["name"])
                if card_state == "revoked":
                    line["status"] = "mazpulki_revoked_card"
                else:
                    reg = live.get(member_id)
                    row = {
                        **desk_event,
                        "member_name": member["name"],
                        "birthdate_date": member["birthdate"],
                        "has_membership": line["day"].year in member["years"],
                        "registration_id": reg and (reg["id"] or -1),
                        "state": reg and reg["state"],
                        "approval_state": reg and reg["approval"],
                        "check_in": reg and reg["days"].get(line["day"]),
                        "day": line["day"],
                    }
                    status, message, action = Registration._mazpulki_decide_member(row, scanned_at)
                    if action == "walkin":
                        if seats_left is not None and seats_left <= 0:
                            status, message, action = "mazpulki_no_seats", self._mazpulki_no_seats(), None
                        else:
                            seats_left = None if seats_left is None else seats_left - 1
                            reg = {"id": False, "state": "done", "approval": "not_needed", "days": {}}
                            live[member_id] = reg
                            walkins.append((member_id, scanned_at, reg))
                    line.update(status=status, message=message or False)
                    if action:
                        self._mazpulki_sync_check_in(reg, line["day"], scanned_at, set_done, attend)
            elif digest in tickets:
                reg = regs[tickets[digest]]
                ticket_event = events[reg["event_id"]]
                day = pytz.utc.localize(scanned_at).astimezone(pytz.timezone(ticket_event["tz"])).date()
                row = {**ticket_event, **reg, "registration_id": reg["id"], "check_in": reg["days"].get(day)}
                status, action = Registration._mazpulki_decide_ticket(row, event.id, scanned_at)
                line.update(kind="ticket", attendee_name=reg["name"], status=status)
                if action:
                    self._mazpulki_sync_check_in(reg, day, scanned_at, set_done, attend)
            decided.append((line, reg))
        if walkins:
            self._mazpulki_sync_walkins(event, walkins)
        Registration._mazpulki_set_done({reg["id"]: at for reg, at in set_done.values() if reg["id"]})
        Registration._mazpulki_record_attendances([(reg["id"], at) for reg, at in attend if reg["id"]])
        vals_list = []
        for line, reg in decided:
            if reg and reg.get("failed") and line["status"] in ("confirmed_registration", "already_registered"):
                line.update(status="mazpulki_no_seats", message=reg["failed"])  # a walk-in that found no seat
            conflict = self._conflict_of(line["desk_status"], line["status"])
            vals_list.append(
                {
                    **line,
                    "registration_id": reg["id"] if reg and reg["id"] else False,
                    "conflict": conflict,
                    "state": "conflict" if conflict else "done",
                }
            )
        return {scan.uuid: (scan.status, scan.conflict or False) for scan in self.create(vals_list)}

    @api.model
    def _mazpulki_sync_check_in(self, reg, day, scanned_at, set_done, attend):
        """In the batch's memory: ``reg`` attended on ``day`` at ``scanned_at``, written after the batch."""
        if reg["state"] != "done":
            set_done[id(reg)] = (reg, scanned_at)
            reg["state"] = "done"
        reg["days"][day] = scanned_at
        attend.append((reg, scanned_at))

    def _mazpulki_sync_walkins(self, event, walkins):
        """Register the batch's walk-ins at once (one at a time if the seats ran out meanwhile)."""
        Registration = self.env["event.registration"].with_context(mazpulki_attendance_recorded=True)
        vals_list = [
            {"event_id": event.id, "partner_id": member_id, "state": "done", "mazpulki_approval_state": "not_needed"}
            for member_id, _at, _reg in walkins
        ]
        # A second desk registering the same walk-ins blocks on these rows and, once this
        # batch commits, gets a serialisation failure; Odoo retries its request, which then
        # finds these registrations (as at the online desk).
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET write_date = write_date WHERE id IN %s",
                tuple(member_id for member_id, _at, _reg in walkins),
            ),
            log_exceptions=False,
        )
        try:
            with self.env.cr.savepoint():
                registrations = Registration.create(vals_list)
        except ValidationError:
            registrations = Registration.browse()
            for vals, (_member_id, _at, reg) in zip(vals_list, walkins, strict=True):
                try:
                    with self.env.cr.savepoint():
                        registrations |= Registration.create(vals)
                except ValidationError as error:
                    reg["failed"] = str(error)
            walkins = [walkin for walkin in walkins if not walkin[2].get("failed")]
        for registration, (_member_id, _at, reg) in zip(registrations, walkins, strict=True):
            reg["id"] = registration.id

    @api.model
    def _mazpulki_no_seats(self):
        return self.env._("No seats are left at this event.")

    @api.model
    def _mazpulki_sync_facts(self, event, member_ids, ticket_ids):
        """All a batch decides on, read at once (members' registrations locked, as at the desk).

        ``events``: per event id, its dates, time zone, walk-ins and guardian approval;
        ``members``: name, birth date, years of active membership; ``registrations``: per id,
        state, approval, name, event and days attended (``{day: check-in}``); ``live``: per
        member, the registration the desk takes (the live one, as at the online desk).
        """
        cr = self.env.cr
        self.env.flush_all()  # the queries below read events, members, memberships and registrations
        members = {}
        if member_ids:
            cr.execute(
                SQL(
                    """SELECT p.id, p.name, p.birthdate_date,
                              COALESCE(array_agg(ms.year) FILTER (WHERE ms.id IS NOT NULL), '{}')
                         FROM res_partner p
                    LEFT JOIN mazpulki_membership ms ON ms.member_id = p.id AND ms.state = 'active'
                        WHERE p.id = ANY(%s)
                     GROUP BY p.id""",
                    list(member_ids),
                )
            )
            members = {
                pid: {"name": name, "birthdate": birthdate, "years": set(years)}
                for pid, name, birthdate, years in cr.fetchall()
            }
        regs, live = {}, {}
        if members or ticket_ids:
            # locked in the order of their ids: a desk scanning one of them waits for this batch
            cr.execute(
                SQL(
                    """SELECT r.id, r.state, r.mazpulki_approval_state, r.mazpulki_member_id, r.event_id, r.name
                         FROM event_registration r
                        WHERE r.active
                          AND ((r.event_id = %(event)s AND r.mazpulki_member_id = ANY(%(members)s))
                               OR r.id = ANY(%(tickets)s))
                     ORDER BY r.id
                          FOR UPDATE""",
                    event=event.id,
                    members=list(members),
                    tickets=list(ticket_ids),
                ),
                log_exceptions=False,
            )
            rows = cr.fetchall()
            for rid, state, approval, _member_id, event_id, name in rows:
                regs[rid] = {
                    "id": rid,
                    "state": state,
                    "approval": approval,
                    "event_id": event_id,
                    "name": name,
                    "days": {},
                }
            # as the desk: the live registration first, the newest of equals
            rows.sort(key=lambda row: (row[1] == "cancel", -row[0]))
            for rid, _state, _approval, member_id, event_id, _name in rows:
                if member_id and event_id == event.id:
                    live.setdefault(member_id, regs[rid])
            if regs:
                cr.execute(
                    SQL(
                        """SELECT registration_id, day, check_in
                             FROM mazpulki_event_attendance WHERE registration_id = ANY(%s)""",
                        list(regs),
                    )
                )
                for rid, day, check_in in cr.fetchall():
                    regs[rid]["days"][day] = check_in
        cr.execute(
            SQL(
                """SELECT id, date_begin, date_end, COALESCE(date_tz, 'UTC'),
                          mazpulki_walkin_allowed, mazpulki_guardian_approval
                     FROM event_event WHERE id = ANY(%s)""",
                list({event.id} | {reg["event_id"] for reg in regs.values()}),
            )
        )
        events = {
            eid: {
                "date_begin": begin,
                "date_end": end,
                "tz": tz,
                "walkin": walkin,
                "needs_approval": approval,
            }
            for eid, begin, end, tz, walkin, approval in cr.fetchall()
        }
        return {"events": events, "members": members, "registrations": regs, "live": live}

    @api.model
    def _mazpulki_check_desk_user(self):
        if not self.env.user.has_group("event.group_event_registration_desk"):
            raise AccessError(self.env._("Only the registration desk can do this."))

    @api.model
    def _mazpulki_members_by_hash(self, event, hashes):
        """``{card hash: (member id, card state)}`` for the hashes sent, active and revoked cards alike.

        The hash of each card code under the event's key is kept per worker (a code never
        changes its hash), made again when cards are added or changed; the cards' states are
        read fresh on each call.
        """
        key = event._mazpulki_desk_key()
        cr = self.env.cr
        self.env["mazpulki.member.card"].flush_model(["code", "state", "member_id"])
        cr.execute("SELECT count(*), max(id), max(write_date) FROM mazpulki_member_card")
        stamp = cr.fetchone()
        cache_key = (cr.dbname, event.id, key)
        cached = _CARD_HASHES.get(cache_key)
        if not cached or cached[0] != stamp:
            cr.execute("SELECT id, code FROM mazpulki_member_card WHERE code IS NOT NULL")
            by_hash = {}
            for card_id, code in cr.fetchall():
                by_hash.setdefault(card_hash(key, code), []).append(card_id)
            cached = (stamp, by_hash)
            _CARD_HASHES.pop(cache_key, None)
            _CARD_HASHES[cache_key] = cached
            while len(_CARD_HASHES) > CARD_HASHES_KEPT:
                _CARD_HASHES.pop(next(iter(_CARD_HASHES), None), None)
        digest_of = {card_id: digest for digest in hashes for card_id in cached[1].get(digest, ())}
        if not digest_of:
            return {}
        cr.execute(SQL("SELECT id, member_id, state FROM mazpulki_member_card WHERE id = ANY(%s)", list(digest_of)))
        found = {}
        for card_id, member_id, state in cr.fetchall():
            digest = digest_of[card_id]
            if digest not in found or state == "active":
                found[digest] = (member_id, state)
        return found

    @api.model
    def _mazpulki_tickets_by_hash(self, event, hashes, since):
        """``{hash: registration id}``: Odoo's tickets among the hashes sent.

        This event's tickets, and those of the events going on since ``since`` (a ticket of
        another event gets Odoo's answer for one: confirmed by hand, never by the sync).
        """
        if not hashes:
            return {}
        key = event._mazpulki_desk_key()
        self.env["event.registration"].flush_model(["barcode", "event_id", "active"])
        self.env["event.event"].flush_model(["date_begin", "date_end"])
        self.env.cr.execute(
            SQL(
                """SELECT r.id, r.barcode
                     FROM event_registration r
                     JOIN event_event ev ON ev.id = r.event_id
                    WHERE r.barcode IS NOT NULL AND r.active
                      AND (r.event_id = %(event)s
                           OR (ev.date_end > %(since)s AND ev.date_begin < %(now)s + interval '1 day'))""",
                event=event.id,
                since=since,
                now=fields.Datetime.now(),
            )
        )
        return {digest: rid for rid, barcode in self.env.cr.fetchall() if (digest := card_hash(key, barcode)) in hashes}

    @api.model
    def _mazpulki_parse_time(self, value):
        try:
            return fields.Datetime.to_datetime(value) if value else None
        except ValueError:
            return None
