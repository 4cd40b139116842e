from odoo import api, fields, models

# The only club fields the public club finder shows; never a leader's personal data.
CLUB_PUBLIC_FIELDS = [
    "name",
    "region_id",
    "municipality",
    "host_partner_id",
    "is_online",
    "meeting_place",
    "public_email",
    "public_phone",
    "latitude",
    "longitude",
    "is_open_for_applications",
]


class MazpulkiClub(models.Model):
    _inherit = "mazpulki.club"

    meeting_place = fields.Char(help="Where and when the club meets, as shown on the public club finder.")
    public_email = fields.Char(
        string="Public E-mail",
        help="The club's contact on the public club finder: the club's or the school's address, "
        "a leader's only if they agreed to publish it.",
    )
    public_phone = fields.Char()
    latitude = fields.Float(digits=(10, 7), help="Where the club meets, for the map on the club finder.")
    longitude = fields.Float(digits=(10, 7))
    is_open_for_applications = fields.Boolean(
        string="Open for Applications",
        default=True,
        help="Families can apply to this club on the website.",
    )
    application_ids = fields.One2many("mazpulki.member.application", "club_id", string="Applications")
    application_count_new = fields.Integer(string="New Applications", compute="_compute_application_count_new")

    def _compute_application_count_new(self):
        counts = dict(
            self.env["mazpulki.member.application"]._read_group(
                [("club_id", "in", self.ids), ("state", "=", "new")], ["club_id"], ["__count"]
            )
        )
        for club in self:
            club.application_count_new = counts.get(club, 0)

    @api.model
    def _mazpulki_public_clubs(self):
        """The clubs the website lists: open, not closed. Read with sudo by the caller (public pages)."""
        today = fields.Date.context_today(self)
        return self.search(
            [
                ("is_open_for_applications", "=", True),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">", today),
            ],  # fmt: skip
            order="region_id, municipality, name",
        )

    def action_view_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.mazpulki_member_application_action")
        action["domain"] = [("club_id", "=", self.id)]
        action["context"] = {"default_club_id": self.id}
        return action
