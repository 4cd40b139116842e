from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL


class MazpulkiVolunteerShift(models.Model):
    _name = "mazpulki.volunteer.shift"
    _description = "Volunteer Shift"
    _inherit = ["mail.thread"]
    _order = "date_begin desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    event_id = fields.Many2one("event.event", string="Event", index="btree_not_null", ondelete="set null")
    team_id = fields.Many2one("mazpulki.volunteer.team", string="Team", index=True)
    activity_id = fields.Many2one("mazpulki.volunteer.activity", string="Activity", required=True)
    date_begin = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    place = fields.Char(string="Location")
    seats_max = fields.Integer(string="Places", required=True, default=5, tracking=True)
    seats_taken = fields.Integer(string="Signed Up", compute="_compute_seats")
    seats_available = fields.Integer(string="Free Places", compute="_compute_seats")
    is_published = fields.Boolean(
        string="Published", default=False, tracking=True, help="Volunteers see it on the portal."
    )
    description = fields.Text(translate=True)
    registration_ids = fields.One2many("mazpulki.volunteer.shift.registration", "shift_id", string="Sign-ups")
    duration = fields.Float(string="Hours", compute="_compute_duration", help="Hours logged for attending the shift.")

    _sql_constraints = [("seats_positive", "CHECK(seats_max > 0)", "A shift needs at least one place.")]

    @api.depends("registration_ids.state")
    def _compute_seats(self):
        # sudo: free places count everyone's sign-ups, also those the current user cannot read
        counts = dict(
            self.env["mazpulki.volunteer.shift.registration"]
            .sudo()
            ._read_group([("shift_id", "in", self.ids), ("state", "!=", "cancelled")], ["shift_id"], ["__count"])
        )
        for shift in self:
            shift.seats_taken = counts.get(shift._origin, 0)
            shift.seats_available = max(shift.seats_max - shift.seats_taken, 0)

    @api.depends("date_begin", "date_end")
    def _compute_duration(self):
        for shift in self:
            if shift.date_begin and shift.date_end:
                shift.duration = round((shift.date_end - shift.date_begin).total_seconds() / 3600.0, 2)
            else:
                shift.duration = 0.0

    @api.constrains("date_begin", "date_end")
    def _check_dates(self):
        for shift in self:
            if shift.date_end <= shift.date_begin:
                raise ValidationError(self.env._("The shift %s must end after it starts.", shift.name))

    def action_publish(self):
        self.write({"is_published": True})

    def action_unpublish(self):
        self.write({"is_published": False})

    def _mazpulki_sign_up(self, volunteer):
        """Sign ``volunteer`` up for the shift, refusing when the shift is full.

        The shift's row is locked first, so two volunteers signing up for the
        last place at the same moment cannot both get it: the second waits for
        the first transaction and then sees the shift full.
        """
        self.ensure_one()
        if not self.is_published:
            raise UserError(self.env._("The shift %s is not open for sign-up.", self.name))
        if self.date_begin <= fields.Datetime.now():
            raise UserError(self.env._("The shift %s has already started.", self.name))
        Registration = self.env["mazpulki.volunteer.shift.registration"]
        self.env.cr.execute(SQL("SELECT id FROM %s WHERE id = %s FOR UPDATE", SQL.identifier(self._table), self.id))
        Registration.flush_model(["shift_id", "state", "volunteer_id"])
        existing = Registration.search(
            [("shift_id", "=", self.id), ("volunteer_id", "=", volunteer.id), ("state", "!=", "cancelled")]
        )
        if existing:
            return existing
        # sudo: the places taken by others count, though a volunteer reads only their own sign-ups
        taken = Registration.sudo().search_count([("shift_id", "=", self.id), ("state", "!=", "cancelled")])
        if taken >= self.seats_max:
            raise UserError(self.env._("The shift %s is full: all its places are taken.", self.name))
        return Registration.create({"shift_id": self.id, "volunteer_id": volunteer.id})


class MazpulkiVolunteerShiftRegistration(models.Model):
    _name = "mazpulki.volunteer.shift.registration"
    _description = "Volunteer Shift Sign-up"
    _order = "shift_id, id"
    _rec_name = "volunteer_id"

    shift_id = fields.Many2one("mazpulki.volunteer.shift", required=True, ondelete="cascade", index=True)
    volunteer_id = fields.Many2one("mazpulki.volunteer", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(related="volunteer_id.partner_id")
    date_begin = fields.Datetime(related="shift_id.date_begin", store=True)
    state = fields.Selection(
        [("registered", "Signed Up"), ("attended", "Attended"), ("absent", "Absent"), ("cancelled", "Cancelled")],
        default="registered",
        required=True,
    )
    line_id = fields.Many2one("account.analytic.line", string="Hours", readonly=True, ondelete="set null", copy=False)

    def action_cancel(self):
        started = self.filtered(lambda reg: reg.state != "registered")
        if started:
            raise UserError(
                self.env._("Only a sign-up not yet marked can be cancelled (%s).", started[0].volunteer_id.name)
            )
        self.write({"state": "cancelled"})

    def action_mark_absent(self):
        self.filtered(lambda reg: reg.state == "registered").write({"state": "absent"})

    def action_mark_attended(self):
        """Attended sign-ups become hour lines awaiting approval."""
        regs = self.filtered(lambda reg: reg.state == "registered")
        if not regs:
            return
        not_yet = regs.filtered(lambda reg: reg.shift_id.date_begin > fields.Datetime.now())
        if not_yet:
            raise UserError(self.env._("The shift %s has not started yet.", not_yet[0].shift_id.name))
        lines = self.env["account.analytic.line"].create(
            [
                {
                    "mazpulki_volunteer_id": reg.volunteer_id.id,
                    "mazpulki_activity_id": reg.shift_id.activity_id.id,
                    "event_id": reg.shift_id.event_id.id,
                    "date": fields.Date.context_today(reg, reg.shift_id.date_begin),
                    "unit_amount": reg.shift_id.duration,
                    "name": reg.shift_id.name,
                    "volunteer_state": "submitted",
                }
                for reg in regs
            ]
        )
        for reg, line in zip(regs, lines, strict=True):
            reg.write({"state": "attended", "line_id": line.id})
