from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MazpulkiClubLeader(models.Model):
    _name = "mazpulki.club.leader"
    _description = "Club Leader"
    _order = "date_start desc, id desc"
    _rec_name = "partner_id"

    club_id = fields.Many2one("mazpulki.club", required=True, ondelete="cascade", index=True)
    region_id = fields.Many2one(related="club_id.region_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Leader",
        required=True,
        index=True,
        domain=[("is_company", "=", False)],
    )
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_user_id",
        help="The leader's user account, through which they see their club's members.",
    )
    role = fields.Selection(
        [("leader", "Leader"), ("assistant", "Assistant Leader")],
        default="leader",
        required=True,
    )
    date_start = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="The day the leader started with this club; the strategy counts new leaders per year.",
    )
    date_end = fields.Date()
    is_current = fields.Boolean(compute="_compute_is_current")

    _sql_constraints = [
        (
            "club_partner_start_uniq",
            "unique(club_id, partner_id, date_start)",
            "This person already starts leading this club on that day.",
        ),
    ]

    @api.depends("partner_id.user_ids")
    def _compute_user_id(self):
        for leader in self:
            leader.user_id = leader.partner_id.user_ids[:1]

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for leader in self:
            leader.is_current = leader.date_start <= today and (not leader.date_end or leader.date_end >= today)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for leader in self:
            if leader.date_end and leader.date_end < leader.date_start:
                raise ValidationError(
                    self.env._(
                        "%(leader)s cannot stop leading %(club)s before starting.",
                        leader=leader.partner_id.name,
                        club=leader.club_id.name,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_not_member(self):
        for leader in self:
            if leader.partner_id.is_mazpulki_member and leader.partner_id.mazpulki_club_id == leader.club_id:
                raise ValidationError(
                    self.env._("%s is a member of this club and cannot also lead it.", leader.partner_id.name)
                )
