import hashlib
import hmac
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

# Scans sent in one call at most; the desk sends its queue in batches of this size.
SYNC_BATCH = 500

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

        ``scans``: dicts with ``uuid``, ``card_hash`` (HMAC of the card's code with the
        event's desk key), ``scanned_at`` (UTC, "YYYY-MM-DD HH:MM:SS") and ``desk_status``
        (what the desk showed). Idempotent: a scan already synced returns its first answer.
        """
        self._mazpulki_check_desk_user()
        if len(scans) > SYNC_BATCH:
            raise UserError(self.env._("Send at most %s scans at once.", SYNC_BATCH))
        event = self.env["event.event"].browse(event_id).exists()
        if not event:
            raise UserError(self.env._("The event of this registration desk no longer exists."))
        event.check_access("read")
        Registration = self.env["event.registration"]
        Registration.check_access("write")
        # sudo: desk users append to the scan log and read the card registry, which they
        # cannot do themselves; what they send is only a hash, a time and a status
        Scan = self.sudo()
        done = {scan.uuid: scan for scan in Scan.search([("uuid", "in", [scan.get("uuid") for scan in scans])])}
        members = self._mazpulki_members_by_hash(event, {scan.get("card_hash") for scan in scans})
        now = fields.Datetime.now()
        results = []
        for values in scans:
            uuid = str(values.get("uuid") or "")[:64]
            if not uuid:
                raise UserError(self.env._("A scan without its identifier cannot be synced."))
            if uuid in done:
                scan = done[uuid]
                results.append({"uuid": uuid, "status": scan.status, "conflict": scan.conflict or False})
                continue
            scanned_at = min(self._mazpulki_parse_time(values.get("scanned_at")) or now, now)
            member, card_state = members.get(values.get("card_hash"), (None, None))
            if not member:
                result = {"status": "mazpulki_unknown_card"}
            elif card_state == "revoked":
                result = {"status": "mazpulki_revoked_card", "name": member.name}
            else:
                # sudo: as at the desk, the member is read past the rules that hide children
                result = Registration.sudo()._mazpulki_register_member(member, event.id, now=scanned_at)
            desk_status = str(values.get("desk_status") or "")[:64]
            conflict = self._conflict_of(desk_status, result["status"])
            scan = Scan.create(
                {
                    "uuid": uuid,
                    "event_id": event.id,
                    "registration_id": result.get("id") or False,
                    "attendee_name": result.get("name") or False,
                    "user_id": self.env.uid,
                    "scanned_at": scanned_at,
                    "day": event._mazpulki_local_day(scanned_at),
                    "desk_status": desk_status,
                    "status": result["status"],
                    "message": result.get("mazpulki_message") or False,
                    "conflict": conflict,
                    "state": "conflict" if conflict else "done",
                }
            )
            done[uuid] = scan
            results.append({"uuid": uuid, "status": scan.status, "conflict": conflict})
        return results

    @api.model
    def _mazpulki_check_desk_user(self):
        if not self.env.user.has_group("event.group_event_registration_desk"):
            raise AccessError(self.env._("Only the registration desk can do this."))

    @api.model
    def _mazpulki_members_by_hash(self, event, hashes):
        """``{card hash: (member, card state)}`` for the hashes sent, active and revoked cards alike."""
        key = event._mazpulki_desk_key()
        self.env["mazpulki.member.card"].flush_model(["code", "state", "member_id"])
        self.env.cr.execute("SELECT code, member_id, state FROM mazpulki_member_card WHERE code IS NOT NULL")
        found = {}
        for code, member_id, state in self.env.cr.fetchall():
            digest = card_hash(key, code)
            if digest in hashes and (digest not in found or state == "active"):
                found[digest] = (member_id, state)
        partners = self.env["res.partner"].sudo().browse({member_id for member_id, _state in found.values()})
        return {digest: (partners.browse(member_id), state) for digest, (member_id, state) in found.items()}

    @api.model
    def _mazpulki_parse_time(self, value):
        try:
            return fields.Datetime.to_datetime(value) if value else None
        except ValueError:
            return None
