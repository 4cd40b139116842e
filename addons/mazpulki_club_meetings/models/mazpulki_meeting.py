import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import hmac as odoo_hmac

from odoo.addons.mazpulki_events.models.mazpulki_event_desk_scan import card_hash
from odoo.addons.mazpulki_members.models.mazpulki_measure import PRIORITY_AREAS

# The organisation's day and time: clubs meet in Latvia.
ORGANISATION_TZ = "Europe/Riga"

MEETING_STATES = [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")]


class MazpulkiMeeting(models.Model):
    """One meeting of a club: a day and time, a place, a topic and a short plan, and its roll call.

    Made by hand or by a ``mazpulki.meeting.plan`` (see there why the plan is built as it is).
    A meeting is ``held`` once its roll call is saved, ``cancelled`` by the leader.
    """

    _name = "mazpulki.meeting"
    _description = "Club Meeting"
    _inherit = ["mail.thread"]
    _order = "date_begin desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    club_id = fields.Many2one("mazpulki.club", required=True, index=True, tracking=True, ondelete="cascade")
    region_id = fields.Many2one(related="club_id.region_id", store=True, index=True)
    plan_id = fields.Many2one("mazpulki.meeting.plan", index="btree_not_null", ondelete="set null", readonly=True)
    date_begin = fields.Datetime(string="Begins", required=True, tracking=True)
    duration = fields.Float(default=1.5, help="Hours.")
    date_end = fields.Datetime(string="Ends", compute="_compute_date_end")
    day = fields.Date(compute="_compute_day", store=True, index=True, help="The meeting's day in Riga.")
    place = fields.Char(tracking=True)
    topic = fields.Char(tracking=True)
    plan_note = fields.Text(string="Short Plan")
    priority_area = fields.Selection(PRIORITY_AREAS, help="The strategy's priority area (M3) the meeting works in.")
    state = fields.Selection(MEETING_STATES, required=True, default="planned", tracking=True, index=True)
    is_edited = fields.Boolean(
        readonly=True, help="Changed by hand: the plan leaves it alone when it makes its meetings again."
    )
    attendance_ids = fields.One2many("mazpulki.meeting.attendance", "meeting_id", string="Roll Call")
    visitor_ids = fields.One2many("mazpulki.meeting.visitor", "meeting_id", string="Visitors")
    present_count = fields.Integer(string="Present", compute="_compute_counts")
    absent_ahead_count = fields.Integer(string="Absences Reported Ahead", compute="_compute_counts")

    @api.depends("club_id.name", "day", "topic")
    def _compute_name(self):
        for meeting in self:
            parts = [meeting.club_id.name or "", fields.Date.to_string(meeting.day) if meeting.day else ""]
            if meeting.topic:
                parts.append(meeting.topic)
            meeting.name = " · ".join(part for part in parts if part)

    @api.depends("date_begin")
    def _compute_day(self):
        tz = pytz.timezone(ORGANISATION_TZ)
        for meeting in self:
            meeting.day = meeting.date_begin and pytz.utc.localize(meeting.date_begin).astimezone(tz).date()

    @api.depends("date_begin", "duration")
    def _compute_date_end(self):
        for meeting in self:
            meeting.date_end = meeting.date_begin and meeting.date_begin + datetime.timedelta(hours=meeting.duration)

    def _compute_counts(self):
        groups = self.env["mazpulki.meeting.attendance"]._read_group(
            [("meeting_id", "in", self.ids)], ["meeting_id", "state", "is_reported_ahead"], ["__count"]
        )
        present, ahead = {}, {}
        for meeting, state, reported, count in groups:
            if state == "present":
                present[meeting.id] = present.get(meeting.id, 0) + count
            if reported:
                ahead[meeting.id] = ahead.get(meeting.id, 0) + count
        for meeting in self:
            meeting.present_count = present.get(meeting.id, 0)
            meeting.absent_ahead_count = ahead.get(meeting.id, 0)

    def write(self, vals):
        if not self.env.context.get("mazpulki_from_plan") and {"date_begin", "place", "topic"} & set(vals):
            vals = {**vals, "is_edited": True}
        before = self.attendance_ids._mazpulki_count_keys() if "date_begin" in vals else None
        res = super().write(vals)
        if before and before[0]:
            self.attendance_ids._mazpulki_refresh_counts(before)  # a roll call moved to another year
        return res

    def unlink(self):
        before = self.attendance_ids._mazpulki_count_keys()
        res = super().unlink()  # the roll call goes with the meeting (cascade in the database)
        self.env["mazpulki.meeting.member.year"].sudo()._mazpulki_refresh(*before)
        return res

    def action_cancel(self):
        self.check_access("write")
        self.filtered(lambda m: m.state == "planned").write({"state": "cancelled"})
        return True

    def action_reset_planned(self):
        self.check_access("write")
        self.filtered(lambda m: m.state == "cancelled").write({"state": "planned"})
        return True

    def action_open_roll_call(self):
        """The phone's roll call of this meeting (the client action ``mazpulki_club_meetings.roll_call``)."""
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.client",
            "tag": "mazpulki_club_meetings.roll_call",
            "name": self.env._("Roll Call"),
            "params": {"meeting_id": self.id},
        }

    # ------------------------------------------------------------
    # THE ROLL CALL SCREEN
    # ------------------------------------------------------------

    @api.model
    def mazpulki_roll_call_today(self):
        """The id of the leader's meeting of today (the first planned one of her clubs), or False."""
        today = fields.Date.context_today(self)
        meeting = self.search([("day", "=", today), ("state", "!=", "cancelled")], order="date_begin", limit=1)
        return meeting.id or False

    def mazpulki_roll_call_data(self):
        """What the roll call screen shows and keeps for working offline, as a dict:

        ``meeting`` (id, name, club, day, place, topic, state); ``members``: the club's members
        (id, name, state of the roll call or False, ``ahead``: reported ahead by (name) and reason,
        ``k``: the keyed hashes (HMAC-SHA256 with this meeting's key) of the member's working card
        code, its short code and member number, so the phone knows a card offline without holding
        the codes); ``visitors``; ``key``: the meeting's key, kept in the tab's memory only.
        The leader's rights apply (her clubs only).
        """
        self.ensure_one()
        self.check_access("write")
        members = self.env["res.partner"].search_fetch(
            [("mazpulki_club_id", "=", self.club_id.id), ("is_mazpulki_member", "=", True)],
            ["name", "member_number"],
            order="name",
        )
        # the working cards of the club's members, one query (the leader reads her club's cards)
        cards = self.env["mazpulki.member.card"].search_fetch(
            [("member_id", "in", members.ids), ("state", "=", "active")], ["member_id", "code", "short_code"]
        )
        key = self._mazpulki_roll_call_key()
        hashes = {}
        for card in cards:
            hashes.setdefault(card.member_id.id, []).extend(
                card_hash(key, code) for code in (card.code, card.short_code) if code
            )
        for member in members:
            if member.member_number:
                hashes.setdefault(member.id, []).append(card_hash(key, member.member_number))
        marks = {
            att.member_id.id: att
            for att in self.env["mazpulki.meeting.attendance"].search_fetch(
                [("meeting_id", "=", self.id)], ["member_id", "state", "reported_by_id", "reason"]
            )
        }
        return {
            "meeting": {
                "id": self.id,
                "name": self.name,
                "club": self.club_id.name,
                "day": fields.Date.to_string(self.day),
                "place": self.place or "",
                "topic": self.topic or "",
                "state": self.state,
            },
            "members": [
                {
                    "id": member.id,
                    "name": member.name,
                    "state": marks[member.id].state if member.id in marks else False,
                    "ahead": (
                        {"by": marks[member.id].reported_by_id.name, "reason": marks[member.id].reason or ""}
                        if member.id in marks and marks[member.id].reported_by_id
                        else False
                    ),
                    "k": hashes.get(member.id, []),
                }
                for member in members
            ],
            "visitors": [{"id": v.id, "name": v.name, "application": bool(v.application_id)} for v in self.visitor_ids],
            "key": key,
        }

    def mazpulki_roll_call_scan(self, code):
        """The member id of the card (or short code, or member number) ``code`` scanned at this meeting.

        Raises a UserError the leader can act on: unknown or revoked card, a member of another club."""
        self.ensure_one()
        self.check_access("write")
        # sudo: the card registry is looked up by code only; the member must be of this club (below)
        card, member = self.env["mazpulki.member.card"].sudo()._lookup_code(code)
        if not member:
            raise UserError(self.env._("No membership card has the code %s.", (code or "").strip()))
        if card and card.state != "active":
            raise UserError(self.env._("This card was revoked; ask the member for the new one."))
        if member.mazpulki_club_id != self.club_id:
            raise UserError(self.env._("The card's owner is not a member of %s.", self.club_id.name))
        return member.id

    def _mazpulki_roll_call_key(self):
        """The meeting's key for the card hashes the phone keeps (derived from the database secret)."""
        return odoo_hmac(self.env(su=True), "mazpulki_roll_call", self.id)
