import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# A club's default number of last meetings a member missed to be counted as drifting away.
DEFAULT_DRIFT_MEETINGS = 4

# A club with no meeting held in this many days is flagged to the office.
QUIET_DAYS = 60


class MazpulkiClub(models.Model):
    _inherit = "mazpulki.club"

    drift_meeting_count = fields.Integer(
        string="Missed Meetings Before Contacting",
        default=DEFAULT_DRIFT_MEETINGS,
        help="A member absent from this many of the club's last meetings is on the leader's list of members "
        "drifting away.",
    )
    meeting_ids = fields.One2many("mazpulki.meeting", "club_id", string="Meetings")
    date_last_meeting = fields.Date(string="Last Meeting Held", compute="_compute_meeting_facts")
    is_without_meetings = fields.Boolean(
        string="No Meeting in 60 Days",
        compute="_compute_meeting_facts",
        search="_search_is_without_meetings",
        help="An open club with no meeting held (roll call saved) in the last 60 days.",
    )

    @api.constrains("drift_meeting_count")
    def _check_drift_meeting_count(self):
        for club in self:
            if not 1 <= club.drift_meeting_count <= 20:
                raise ValidationError(self.env._("Count a member as drifting away after 1 to 20 missed meetings."))

    def _compute_meeting_facts(self):
        # sudo: the club directory shows each club's last meeting day; a day is no personal data
        last = dict(
            self.env["mazpulki.meeting"]
            .sudo()
            ._read_group([("club_id", "in", self.ids), ("state", "=", "held")], ["club_id"], ["day:max"])
        )
        limit = fields.Date.context_today(self) - datetime.timedelta(days=QUIET_DAYS)
        for club in self:
            club.date_last_meeting = last.get(club)
            club.is_without_meetings = club.active and not (club.date_last_meeting and club.date_last_meeting > limit)

    def _search_is_without_meetings(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Search clubs without meetings with yes or no."))
        limit = fields.Date.context_today(self) - datetime.timedelta(days=QUIET_DAYS)
        self.env["mazpulki.meeting"].flush_model(["club_id", "state", "day"])
        quiet = SQL(
            """(SELECT c.id FROM mazpulki_club c
                 WHERE c.active AND NOT EXISTS (
                       SELECT 1 FROM mazpulki_meeting m
                        WHERE m.club_id = c.id AND m.state = 'held' AND m.day > %s))""",
            limit,
        )
        wanted = (operator == "=") == value
        return [("id", "in" if wanted else "not in", quiet)]

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_club_meetings.mazpulki_meeting_action")
        action["domain"] = [("club_id", "=", self.id)]
        action["context"] = {"default_club_id": self.id}
        return action
