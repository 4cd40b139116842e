from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MazpulkiClub(models.Model):
    _name = "mazpulki.club"
    _description = "Mazpulki Club"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "region_id, name"
    _rec_names_search = ["name", "number"]

    name = fields.Char(required=True, tracking=True)
    number = fields.Char(
        required=True,
        tracking=True,
        copy=False,
        help="The club's number in the organisation's registry; members can be "
        "imported with the club given by this number.",
    )
    region_id = fields.Many2one("mazpulki.region", required=True, tracking=True, index=True)
    municipality = fields.Char(tracking=True)
    host_partner_id = fields.Many2one(
        "res.partner",
        string="Host Organisation",
        tracking=True,
        help="The school, parish or other organisation where the club meets.",
    )
    is_online = fields.Boolean(
        string="Online Club",
        tracking=True,
        help="A club for children and youth who have no club where they live; " "it meets online.",
    )
    date_founded = fields.Date(tracking=True)
    date_closed = fields.Date(tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    leader_ids = fields.One2many("mazpulki.club.leader", "club_id", string="Leaders")
    current_leader_ids = fields.Many2many(
        "res.partner",
        string="Current Leaders",
        compute="_compute_current_leader_ids",
    )
    member_ids = fields.One2many("res.partner", "mazpulki_club_id", string="Members")
    membership_ids = fields.One2many("mazpulki.membership", "club_id")
    member_count_active = fields.Integer(
        string="Active Members",
        compute="_compute_member_counts",
        help="Members whose membership of the current year is active.",
    )
    member_count_year = fields.Integer(
        string="Members This Year",
        compute="_compute_member_counts",
        help="Everyone who was a member at any time this year, including those who left.",
    )
    note = fields.Html()

    _sql_constraints = [
        ("number_uniq", "unique(number)", "Another club already has this number."),
    ]

    @api.depends("leader_ids.partner_id", "leader_ids.is_current")
    def _compute_current_leader_ids(self):
        for club in self:
            club.current_leader_ids = club.leader_ids.filtered("is_current").partner_id

    def _compute_member_counts(self):
        year = fields.Date.context_today(self).year
        # sudo: the club directory shows every club's counts; a leader reads the memberships of their own
        # clubs only, and without sudo would see a false zero for the others. A count is no personal data.
        counts = (
            self.env["mazpulki.membership"]
            .sudo()
            ._read_group(
                [("club_id", "in", self.ids), ("year", "=", year)],
                groupby=["club_id", "state"],
                aggregates=["__count"],
            )
        )
        active, this_year = {}, {}
        for club, state, count in counts:
            this_year[club.id] = this_year.get(club.id, 0) + count
            if state == "active":
                active[club.id] = count
        for club in self:
            club.member_count_active = active.get(club.id, 0)
            club.member_count_year = this_year.get(club.id, 0)

    @api.constrains("date_founded", "date_closed")
    def _check_dates(self):
        for club in self:
            if club.date_founded and club.date_closed and club.date_closed < club.date_founded:
                raise ValidationError(
                    self.env._(
                        "Club %(club)s cannot close (%(closed)s) before it was founded (%(founded)s).",
                        club=club.name,
                        closed=club.date_closed,
                        founded=club.date_founded,
                    )
                )

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.res_partner_action_member")
        action["domain"] = [("mazpulki_club_id", "=", self.id)]
        action["context"] = {"default_mazpulki_club_id": self.id, "default_is_mazpulki_member": True}
        return action

    def action_view_memberships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.mazpulki_membership_action")
        action["domain"] = [("club_id", "=", self.id)]
        action["context"] = {"default_club_id": self.id}
        action["view_mode"] = "graph,pivot,list,form"
        return action

    def action_print_cards(self):
        """A club's membership cards on A4 sheets: one card per active member."""
        members = self.env["res.partner"].search(
            [("mazpulki_club_id", "in", self.ids), ("is_mazpulki_member", "=", True)],
            order="name",
        )
        if not members:
            raise ValidationError(self.env._("This club has no members to print cards for."))
        return self.env.ref("mazpulki_members.action_report_member_card").report_action(members, config=False)
