from odoo import fields, models


class MazpulkiEventAttendance(models.Model):
    """One day on which an attendee was at an event: the first scan of that day.

    Odoo keeps one 'attended' state per registration; a three-day camp needs to
    know who was there on each day.
    """

    _name = "mazpulki.event.attendance"
    _description = "Event Attendance per Day"
    _order = "day desc, check_in desc, id desc"
    _rec_name = "registration_id"

    registration_id = fields.Many2one("event.registration", required=True, ondelete="cascade", index=True)
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    attendee_name = fields.Char(related="registration_id.name", string="Attendee")
    club_id = fields.Many2one(related="registration_id.mazpulki_club_id", string="Club")
    day = fields.Date(required=True, help="The day in the event's time zone.")
    check_in = fields.Datetime(string="Checked In", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Desk User", default=lambda self: self.env.user, help="Who checked the attendee in."
    )

    _sql_constraints = [
        ("registration_day_uniq", "unique(registration_id, day)", "The attendee is already checked in on this day."),
    ]
