from odoo import api, fields, models


class MazpulkiVolunteerSkill(models.Model):
    _name = "mazpulki.volunteer.skill"
    _description = "Volunteer Skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_uniq", "unique(name)", "This skill already exists.")]


class MazpulkiVolunteer(models.Model):
    _name = "mazpulki.volunteer"
    _description = "Volunteer"
    _inherit = ["mail.thread"]
    _order = "name"
    _rec_name = "name"

    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, ondelete="restrict", index=True, tracking=True
    )
    name = fields.Char(related="partner_id.name", store=True, index="trigram")
    user_id = fields.Many2one(
        "res.users", compute="_compute_user_id", string="User", help="The volunteer's own login, if any."
    )
    active = fields.Boolean(default=True, tracking=True)
    team_id = fields.Many2one("mazpulki.volunteer.team", string="Team", index=True, tracking=True)
    coordinator_id = fields.Many2one(
        "res.users",
        string="Coordinator",
        domain=[("share", "=", False)],
        tracking=True,
        help="The person the volunteer turns to.",
    )
    club_id = fields.Many2one(related="partner_id.mazpulki_club_id", string="Club")
    date_start = fields.Date(
        string="Volunteer Since",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Hours before this date cannot be logged.",
    )
    skill_ids = fields.Many2many("mazpulki.volunteer.skill", string="Skills")
    availability = fields.Char(help="When the volunteer can help, e.g. weekends, summer.")
    emergency_contact = fields.Char(help="Name and phone number to call in an emergency.")
    training_event_ids = fields.Many2many(
        "event.event", string="Trainings Attended", help="Volunteer trainings and seminars the volunteer attended."
    )
    note = fields.Html()
    line_ids = fields.One2many("account.analytic.line", "mazpulki_volunteer_id", string="Hours")
    date_first_approved = fields.Date(
        string="First Approved Hours",
        compute="_compute_date_first_approved",
        store=True,
        help="The day of the volunteer's first approved hours: the year a new active volunteer counts for.",
    )
    hours_approved = fields.Float(string="Approved Hours", compute="_compute_hours")
    hours_pending = fields.Float(string="Hours Awaiting Approval", compute="_compute_hours")
    award_ids = fields.One2many("mazpulki.volunteer.award", "volunteer_id", string="Awards")

    _sql_constraints = [("partner_uniq", "unique(partner_id)", "This contact already has a volunteer profile.")]

    @api.depends("partner_id.user_ids")
    def _compute_user_id(self):
        for volunteer in self:
            volunteer.user_id = volunteer.partner_id.user_ids[:1]

    @api.depends("line_ids.volunteer_state", "line_ids.date")
    def _compute_date_first_approved(self):
        Line = self.env["account.analytic.line"].sudo()  # sudo: a figure over all lines, whoever triggers it
        firsts = dict(
            Line._read_group(
                [("mazpulki_volunteer_id", "in", self.ids), ("volunteer_state", "=", "approved")],
                ["mazpulki_volunteer_id"],
                ["date:min"],
            )
        )
        for volunteer in self:
            volunteer.date_first_approved = firsts.get(volunteer._origin or volunteer, False)

    def _compute_hours(self):
        groups = self.env["account.analytic.line"]._read_group(
            [("mazpulki_volunteer_id", "in", self.ids), ("volunteer_state", "in", ["submitted", "approved"])],
            ["mazpulki_volunteer_id", "volunteer_state"],
            ["unit_amount:sum"],
        )
        hours = {(volunteer, state): total for volunteer, state, total in groups}
        for volunteer in self:
            volunteer.hours_approved = hours.get((volunteer, "approved"), 0.0)
            volunteer.hours_pending = hours.get((volunteer, "submitted"), 0.0)

    def action_view_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mazpulki_volunteer.account_analytic_line_action_volunteer"
        )
        action["domain"] = [("mazpulki_volunteer_id", "=", self.id)]
        action["context"] = {"default_mazpulki_volunteer_id": self.id}
        return action
