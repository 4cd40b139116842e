from odoo import api, fields, models


class MazpulkiVolunteerTeam(models.Model):
    _name = "mazpulki.volunteer.team"
    _description = "Volunteer Team"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    club_id = fields.Many2one("mazpulki.club", string="Club", help="The club the team works with, if any.")
    region_id = fields.Many2one(
        "mazpulki.region",
        compute="_compute_region_id",
        store=True,
        readonly=False,
        help="The region the team's hours count for in the strategy's figures.",
    )
    coordinator_ids = fields.Many2many(
        "res.users",
        domain=[("share", "=", False)],
        help="Users who approve the team's hours and manage its shifts.",
    )
    volunteer_ids = fields.One2many("mazpulki.volunteer", "team_id", string="Volunteers")
    volunteer_count = fields.Integer(compute="_compute_volunteer_count")

    _sql_constraints = [("name_uniq", "unique(name)", "A volunteer team with this name already exists.")]

    @api.depends("club_id")
    def _compute_region_id(self):
        for team in self:
            team.region_id = team.club_id.region_id

    def _compute_volunteer_count(self):
        counts = dict(
            self.env["mazpulki.volunteer"]._read_group([("team_id", "in", self.ids)], ["team_id"], ["__count"])
        )
        for team in self:
            team.volunteer_count = counts.get(team, 0)
