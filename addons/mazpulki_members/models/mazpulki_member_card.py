import base64
import io
import secrets

import qrcode

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# 12 random bytes: 96 bits, 16 URL-safe characters. The code says nothing
# about the member; only the database links it to them.
CODE_BYTES = 12


class MazpulkiMemberCard(models.Model):
    _name = "mazpulki.member.card"
    _description = "Membership Card"
    _order = "date_issued desc, id desc"
    _rec_name = "code"

    member_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    club_id = fields.Many2one(related="member_id.mazpulki_club_id")
    code = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self._generate_code(),
        help="The random code in the card's QR code; it carries no personal data.",
    )
    state = fields.Selection(
        [("active", "Active"), ("revoked", "Revoked")],
        required=True,
        default="active",
        readonly=True,
    )
    date_issued = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    date_revoked = fields.Datetime(readonly=True)
    revoke_reason = fields.Selection(
        [
            ("lost", "Lost"),
            ("stolen", "Stolen"),
            ("damaged", "Damaged"),
            ("left", "Member left"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    qr_image = fields.Binary(string="QR Code", compute="_compute_qr_image")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "This card code already exists."),
    ]

    def init(self):
        # At most one working card per member, enforced by the database.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS mazpulki_member_card_one_active_idx "
                "ON mazpulki_member_card (member_id) WHERE state = 'active'"
            )
        )

    @api.depends("code")
    def _compute_qr_image(self):
        for card in self:
            card.qr_image = self._render_qr_png(card.code) if card.code else False

    @api.model
    def _generate_code(self):
        return secrets.token_urlsafe(CODE_BYTES)

    @api.model
    def _render_qr_png(self, value):
        image = qrcode.make(value, box_size=10, border=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue())

    @api.model
    def resolve_code(self, code):
        """Return the member whose working card carries ``code``.

        Called by the registration desk for every scan: one indexed query,
        whatever the number of members. Raises a UserError a desk user can
        act on for an empty, unknown or revoked code.
        """
        code = (code or "").strip()
        if not code:
            raise UserError(self.env._("The scanned code is empty."))
        card = self.search_fetch([("code", "=", code)], ["state", "member_id"], limit=1)
        if not card:
            raise UserError(self.env._("No membership card has the code %s.", code))
        if card.state != "active":
            raise UserError(
                self.env._(
                    "The card with the code %s was revoked; ask the member for their new card.",
                    code,
                )
            )
        return card.member_id

    def _revoke(self, reason):
        self.filtered(lambda c: c.state == "active").write(
            {"state": "revoked", "date_revoked": fields.Datetime.now(), "revoke_reason": reason}
        )

    def action_download_card(self):
        self.ensure_one()
        return self.env.ref("mazpulki_members.action_report_member_card").report_action(self.member_id, config=False)
