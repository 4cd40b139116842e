import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .age_band import AGE_BAND_SELECTION, age_band_of
from .mazpulki_membership_demo_history import create_demo_history

MIN_AGE = 5
MAX_AGE = 25


class MazpulkiMembership(models.Model):
    _name = "mazpulki.membership"
    _description = "Membership Year"
    _inherit = ["mail.thread"]
    _order = "year desc, member_id"
    _rec_name = "member_id"

    def _default_year(self):
        return fields.Date.context_today(self).year

    member_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_mazpulki_member", "=", True)],
    )
    club_id = fields.Many2one("mazpulki.club", required=True, index=True, tracking=True)
    region_id = fields.Many2one(related="club_id.region_id", store=True, index=True)
    year = fields.Integer(required=True, default=_default_year, index=True, aggregator=False)
    state = fields.Selection(
        [("active", "Active"), ("left", "Left")],
        required=True,
        default="active",
        tracking=True,
    )
    date_join = fields.Date(string="Joined", required=True, default=fields.Date.context_today)
    date_leave = fields.Date(string="Left", tracking=True)
    leave_reason = fields.Selection(
        [
            ("moved", "Moved away"),
            ("age", "Outgrew the age limit"),
            ("interest", "Lost interest"),
            ("time", "No time"),
            ("club_closed", "Club closed"),
            ("other", "Other"),
        ],
        tracking=True,
    )
    leave_note = fields.Char(string="Leave Details")
    gender = fields.Selection(related="member_id.mazpulki_gender", store=True)
    age = fields.Integer(
        string="Age in Year",
        compute="_compute_age",
        store=True,
        aggregator="avg",
        help="How old the member turns in this membership year.",
    )
    age_band = fields.Selection(
        AGE_BAND_SELECTION,
        compute="_compute_age_band",
        store=True,
        help="The age band of the member's age in this membership year (one definition for the whole suite).",
    )

    _sql_constraints = [
        ("member_year_uniq", "unique(member_id, year)", "A member has one membership record per year."),
        ("year_range", "CHECK(year BETWEEN 1990 AND 2100)", "The membership year is out of range."),
    ]

    @api.depends("member_id.birthdate_date", "year")
    def _compute_age(self):
        for membership in self:
            birthdate = membership.member_id.birthdate_date
            membership.age = membership.year - birthdate.year if birthdate else 0

    @api.depends("age")
    def _compute_age_band(self):
        for membership in self:
            membership.age_band = age_band_of(membership.age) if membership.member_id.birthdate_date else False

    @api.constrains("member_id", "year")
    def _check_age(self):
        for membership in self:
            member = membership.member_id
            if not member.birthdate_date:
                raise ValidationError(
                    self.env._("Enter the birth date of %s before recording a membership.", member.name)
                )
            if not MIN_AGE <= membership.age <= MAX_AGE:
                raise ValidationError(
                    self.env._(
                        "%(member)s turns %(age)s in %(year)s; members must be %(min)s to %(max)s years "
                        "old in the membership year.",
                        member=member.name,
                        age=membership.age,
                        year=membership.year,
                        min=MIN_AGE,
                        max=MAX_AGE,
                    )
                )

    @api.constrains("state", "date_join", "date_leave", "leave_reason", "year")
    def _check_leave(self):
        for membership in self:
            if membership.date_join.year > membership.year:
                raise ValidationError(
                    self.env._(
                        "The join date %(date)s lies after the membership year %(year)s.",
                        date=membership.date_join,
                        year=membership.year,
                    )
                )
            if membership.state != "left":
                continue
            if not membership.date_leave or not membership.leave_reason:
                raise ValidationError(
                    self.env._("To record that %s left, enter the date and the reason.", membership.member_id.name)
                )
            if membership.date_leave < membership.date_join:
                raise ValidationError(
                    self.env._(
                        "The leave date %(leave)s is before the join date %(join)s.",
                        leave=membership.date_leave,
                        join=membership.date_join,
                    )
                )

    @api.onchange("state")
    def _onchange_state(self):
        if self.state == "left" and not self.date_leave:
            self.date_leave = fields.Date.context_today(self)

    @api.model
    def _demo_generate_history(self):
        """Demo data: the membership years of 2021 to last year behind the board's M4a (demo XML only).

        Left to ``mazpulki_events``' demo when it is installed in the same run: it adds members after this.
        """
        if self.env.context.get("mazpulki_demo_last") or not self.env["ir.module.module"].search_count(
            [("name", "=", "mazpulki_events"), ("state", "in", ("installed", "to install", "to upgrade"))]
        ):
            return create_demo_history(self)
        return False

    @api.model
    def _renewal_domain(self, year):
        """Memberships of ``year - 1`` whose member goes on into ``year``: still active, in a club, not yet
        renewed and young enough."""
        return [
            ("year", "=", year - 1),
            ("state", "=", "active"),
            ("member_id.active", "=", True),
            ("member_id.is_mazpulki_member", "=", True),
            ("member_id.mazpulki_club_id", "!=", False),
            ("member_id.birthdate_date", ">=", datetime.date(year - MAX_AGE, 1, 1)),
            ("member_id.birthdate_date", "<=", datetime.date(year - MIN_AGE, 12, 31)),
            ("member_id.mazpulki_membership_ids", "not any", [("year", "=", year)]),
        ]

    @api.model
    def _renew_memberships(self, year, limit=None):
        """Open the ``year`` membership of every member who ended the previous year active, in the member's
        current club, from 1 January. Members who left or outgrow the age limit are not renewed."""
        previous = self.search(self._renewal_domain(year), limit=limit, order="id")
        return self.with_context(mail_create_nolog=True).create(
            [
                {
                    "member_id": membership.member_id.id,
                    "club_id": membership.member_id.mazpulki_club_id.id,
                    "year": year,
                    "date_join": datetime.date(year, 1, 1),
                }
                for membership in previous
            ]
        )

    @api.model
    def _cron_renew_memberships(self, batch_size=1000):
        """Daily: carry the members into the new membership year, one batch per run; the scheduler calls
        again while some remain."""
        year = fields.Date.context_today(self).year
        renewed = self._renew_memberships(year, limit=batch_size)
        remaining = self.search_count(self._renewal_domain(year)) if len(renewed) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(renewed), remaining=remaining)
        return renewed
