import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Roll calls sent in one sync at most (a phone queues a few).
SYNC_BATCH = 50


class MazpulkiMeetingRollCall(models.Model):
    """A roll call a leader saved: on line at once, or made offline and sent when the network came back.

    As the offline desk's scans (``mazpulki.event.desk.scan`` in mazpulki_events), each roll call
    carries the UUID its phone gave it: sent twice, it counts once. Its marks are written as one
    upsert of ``mazpulki.meeting.attendance`` on (meeting, member): a constant number of queries
    whatever the club's size.
    """

    _name = "mazpulki.meeting.roll.call"
    _description = "Club Meeting Roll Call"
    _order = "made_at desc, id desc"
    _rec_name = "uuid"

    uuid = fields.Char(string="Roll Call ID", required=True, readonly=True)
    meeting_id = fields.Many2one("mazpulki.meeting", required=True, readonly=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Leader", required=True, readonly=True)
    made_at = fields.Datetime(required=True, readonly=True)
    synced_at = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    is_offline = fields.Boolean(string="Made Offline", readonly=True)
    mark_count = fields.Integer(string="Marks", readonly=True)

    _sql_constraints = [("uuid_uniq", "unique(uuid)", "A roll call is saved once.")]

    @api.model
    def mazpulki_save(self, meeting_id, marks, uuid, made_at=None, offline=False):
        """Save the roll call ``marks`` of meeting ``meeting_id``; True, or False when ``uuid`` was saved before.

        ``marks``: ``[{"member_id": int, "state": "present"|"absent"|"excused", "scanned": bool}]``
        for members of the meeting's club. Idempotent by ``uuid`` (the phone's). Existing rows are
        updated: an absence a family reported ahead keeps its reporter and reason. The meeting
        becomes held. Raises a UserError for a member of another club or a wrong state; the
        leader's rights on the meeting and the attendance apply (her clubs only).
        A constant number of queries whatever the number of marks.
        """
        meeting = self.env["mazpulki.meeting"].browse(int(meeting_id)).exists()
        if not meeting:
            raise UserError(self.env._("This meeting no longer exists."))
        meeting.check_access("write")
        self.env["mazpulki.meeting.attendance"].check_access("create")
        uuid = str(uuid or "")[:64]
        if not uuid:
            raise UserError(self.env._("A roll call without its identifier cannot be saved."))
        if meeting.state == "cancelled":
            raise UserError(self.env._("The meeting was cancelled; restore it before its roll call."))
        rows = self._mazpulki_check_marks(meeting, marks)
        now = fields.Datetime.now()
        made_at = min(fields.Datetime.to_datetime(made_at) if made_at else now, now)
        cr = self.env.cr
        self.env.flush_all()
        # sudo-free SQL: the rights were checked above; one insert of the log, one upsert of the marks
        cr.execute(
            SQL(
                """INSERT INTO mazpulki_meeting_roll_call
                        (uuid, meeting_id, user_id, made_at, synced_at, is_offline, mark_count,
                         create_uid, write_uid, create_date, write_date)
                   VALUES (%(uuid)s, %(meeting)s, %(uid)s, %(made)s, %(now)s, %(offline)s, %(count)s,
                           %(uid)s, %(uid)s, %(now)s, %(now)s)
                   ON CONFLICT (uuid) DO NOTHING RETURNING id""",
                uuid=uuid,
                meeting=meeting.id,
                uid=self.env.uid,
                made=made_at,
                now=now,
                offline=bool(offline),
                count=len(rows),
            )
        )
        if not cr.fetchone():
            return False
        source_default = "offline" if offline else "roll_call"
        if rows:
            cr.execute(
                SQL(
                    """INSERT INTO mazpulki_meeting_attendance
                            (meeting_id, member_id, club_id, region_id, day, state, source, is_reported_ahead,
                             create_uid, write_uid, create_date, write_date)
                       SELECT %(meeting)s, r.member_id, %(club)s, %(region)s, %(day)s, r.state,
                              CASE WHEN r.scanned THEN 'scan' ELSE %(source)s END, false,
                              %(uid)s, %(uid)s, %(now)s, %(now)s
                         FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(member_id int, state varchar, scanned bool)
                  ON CONFLICT (meeting_id, member_id) DO UPDATE
                          SET state = EXCLUDED.state, source = EXCLUDED.source,
                              write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date""",
                    meeting=meeting.id,
                    club=meeting.club_id.id,
                    region=meeting.region_id.id,
                    day=meeting.day,
                    source=source_default,
                    uid=self.env.uid,
                    now=now,
                    rows=json.dumps(rows),
                )
            )
        cr.execute(
            SQL(
                "UPDATE mazpulki_meeting SET state = 'held', write_uid = %s, write_date = %s WHERE id = %s",
                self.env.uid,
                now,
                meeting.id,
            )
        )
        self.env["mazpulki.meeting.attendance"].invalidate_model()
        meeting.invalidate_recordset()
        # the figures' summary of these members' year (two statements)
        self.env["mazpulki.meeting.member.year"].sudo()._mazpulki_refresh(
            [row["member_id"] for row in rows], [meeting.day.year]
        )
        return True

    @api.model
    def mazpulki_sync(self, roll_calls):
        """Save the roll calls a phone queued offline, in order; ``[{"uuid", "saved"}]`` (saved: False when
        it was saved before). ``roll_calls``: dicts with ``uuid``, ``meeting_id``, ``marks``, ``made_at``
        (UTC, "YYYY-MM-DD HH:MM:SS"). Idempotent."""
        if len(roll_calls) > SYNC_BATCH:
            raise UserError(self.env._("Send at most %s roll calls at once.", SYNC_BATCH))
        return [
            {
                "uuid": call.get("uuid"),
                "saved": self.mazpulki_save(
                    call.get("meeting_id"), call.get("marks") or [], call.get("uuid"), call.get("made_at"), True
                ),
            }
            for call in roll_calls
        ]

    @api.model
    def _mazpulki_check_marks(self, meeting, marks):
        """The marks as rows for the upsert; one query checks the members are of the meeting's club."""
        rows, seen = [], set()
        for mark in marks or []:
            try:
                member_id = int(mark.get("member_id"))
            except (TypeError, ValueError, AttributeError):
                raise UserError(self.env._("A mark of the roll call names no member.")) from None
            state = mark.get("state")
            if state not in ("present", "absent", "excused"):
                raise UserError(self.env._("Mark each member present, absent or excused."))
            if member_id in seen:
                continue
            seen.add(member_id)
            rows.append({"member_id": member_id, "state": state, "scanned": bool(mark.get("scanned"))})
        if rows:
            self.env["res.partner"].flush_model(["mazpulki_club_id", "is_mazpulki_member"])
            self.env.cr.execute(
                SQL(
                    """SELECT count(*) FROM res_partner
                        WHERE id = ANY(%s) AND mazpulki_club_id = %s AND is_mazpulki_member""",
                    list(seen),
                    meeting.club_id.id,
                )
            )
            if self.env.cr.fetchone()[0] != len(seen):
                raise UserError(self.env._("The roll call names someone who is not a member of this club."))
        return rows
