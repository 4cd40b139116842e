import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mazpulki_meeting import ORGANISATION_TZ

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]

# A plan makes at most this many meetings at once (two school years weekly).
MAX_GENERATED = 110


class MazpulkiMeetingPlan(models.Model):
    """A club's recurring meetings: a weekday and time, a place, from a date until a date, weekly or
    every two weeks, skipping the school holidays the office keeps (``mazpulki.school.holiday``).

    Why not Odoo's own patterns as they are:

    * ``calendar.recurrence`` (Odoo 18, calendar_recurrence.py) holds an RFC 5545 rule
      (``rrule``: daily/weekly/monthly/yearly, counts, end dates, time zones) and makes the
      ``calendar.event`` records of its occurrences (``_apply_recurrence``), detaching edited
      ones and re-making the rest when the rule changes. A club meeting is not a calendar
      event of someone's agenda (attendees are partners invited by e-mail, which members
      under 13 must not be), and a leader needs one weekly rule, not the whole of RFC 5545.
      We keep its idea: the plan is the rule, the meetings are real records made from it,
      a meeting edited by hand (or held) is left alone, the future planned ones are re-made
      when the rule changes. Holidays are exception dates (``EXDATE`` in RFC terms), read
      from the office's list rather than typed per club.
    * Odoo 19's ``event.slot`` splits one event into time slots that attendees register for.
      A club's school year is not one event with registrations; members belong to the club.
      We keep its idea that each occurrence is its own record with its own attendance.
    """

    _name = "mazpulki.meeting.plan"
    _description = "Club Meeting Plan"
    _order = "club_id, date_from desc"

    name = fields.Char(compute="_compute_name", store=True)
    club_id = fields.Many2one("mazpulki.club", required=True, index=True, ondelete="cascade")
    weekday = fields.Selection(WEEKDAYS, required=True, default="2")
    hour = fields.Float(string="Time", required=True, default=15.0, help="Local time (Riga), e.g. 15:30.")
    duration = fields.Float(required=True, default=1.5, help="Hours.")
    interval = fields.Selection([("1", "Every week"), ("2", "Every two weeks")], required=True, default="1")
    place = fields.Char()
    topic = fields.Char(help="The topic new meetings start with; each meeting can have its own.")
    date_from = fields.Date(string="From", required=True)
    date_until = fields.Date(string="Until", required=True)
    skip_holidays = fields.Boolean(string="Skip School Holidays", default=True)
    meeting_ids = fields.One2many("mazpulki.meeting", "plan_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")

    @api.depends("club_id.name", "weekday")
    def _compute_name(self):
        labels = dict(self._fields["weekday"]._description_selection(self.env))
        for plan in self:
            plan.name = f"{plan.club_id.name or ''}: {labels.get(plan.weekday, '')}"

    def _compute_meeting_count(self):
        counts = dict(self.env["mazpulki.meeting"]._read_group([("plan_id", "in", self.ids)], ["plan_id"], ["__count"]))
        for plan in self:
            plan.meeting_count = counts.get(plan, 0)

    @api.constrains("date_from", "date_until", "hour", "duration")
    def _check_plan(self):
        for plan in self:
            if plan.date_until < plan.date_from:
                raise ValidationError(self.env._("The plan ends before it begins."))
            if not 0 <= plan.hour < 24 or not 0 < plan.duration <= 12:
                raise ValidationError(self.env._("Give a time of day and a duration of up to 12 hours."))

    def action_generate(self):
        """Make the plan's meetings; the planned ones to come that were not edited are made again.

        Returns the meetings' list. Raises a UserError for a plan that would make more than
        MAX_GENERATED meetings (a typing error in the dates)."""
        self.ensure_one()
        self.check_access("write")
        days = self._mazpulki_days()
        if len(days) > MAX_GENERATED:
            raise UserError(self.env._("This plan would make %s meetings; check its dates.", len(days)))
        Meeting = self.env["mazpulki.meeting"]
        now = fields.Datetime.now()
        kept = self.meeting_ids.filtered(lambda m: m.state != "planned" or m.date_begin < now or m.is_edited)
        (self.meeting_ids - kept).unlink()
        kept_days = set(kept.mapped("day"))
        Meeting.create(
            [self._mazpulki_meeting_values(day) for day in days if day not in kept_days and day >= now.date()]
        )
        return self.action_view_meetings()

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_club_meetings.mazpulki_meeting_action")
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id, "default_club_id": self.club_id.id}
        return action

    def _mazpulki_days(self):
        """The days (``date``) of the plan's meetings: its weekday every week or two, holidays skipped."""
        self.ensure_one()
        first = self.date_from + datetime.timedelta(days=(int(self.weekday) - self.date_from.weekday()) % 7)
        step = datetime.timedelta(weeks=int(self.interval))
        holidays = (
            self.env["mazpulki.school.holiday"]._mazpulki_days(self.date_from, self.date_until)
            if self.skip_holidays
            else set()
        )
        days, day = [], first
        while day <= self.date_until:
            if day not in holidays:
                days.append(day)
            day += step
        return days

    def _mazpulki_meeting_values(self, day):
        hours, minutes = divmod(round(self.hour * 60), 60)
        local = pytz.timezone(ORGANISATION_TZ).localize(datetime.datetime.combine(day, datetime.time(hours, minutes)))
        return {
            "plan_id": self.id,
            "club_id": self.club_id.id,
            "date_begin": local.astimezone(pytz.utc).replace(tzinfo=None),
            "duration": self.duration,
            "place": self.place,
            "topic": self.topic,
        }
