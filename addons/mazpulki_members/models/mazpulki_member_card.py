import base64
import io
import re
import secrets

import qrcode

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# 12 random bytes: 96 bits, 16 URL-safe characters. The code says nothing
# about the member; only the database links it to them.
CODE_BYTES = 12

# The short code printed under the QR, for a desk without a scanner (typed or read
# out): 8 characters of Crockford's base32 (no I, L, O or U: nothing to mistake),
# 40 random bits, shown in two groups of four ("K7M2-9QXR"). Typed in any case,
# with or without spaces and hyphens; O, I and L are read as 0, 1 and 1.
SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SHORT_CODE_LENGTH = 8
_SHORT_CODE_READ_AS = str.maketrans("OIL", "011")
# A member number typed at the desk ("MP-000001", "mp 1"): the sequence's prefix and digits.
MEMBER_NUMBER_TYPED = re.compile(r"^MP(\d{1,6})$")


def normalize_typed_code(text):
    """A code as typed at the desk, compared with short codes and member numbers: "k7m2 9qxr" -> "K7M29QXR".

    Letters and digits only, upper case, O/I/L read as 0/1/1 (offline_desk.js normalises alike).
    """
    return re.sub(r"[^0-9A-Za-z]", "", text or "").upper().translate(_SHORT_CODE_READ_AS)


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
    short_code = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="Printed under the QR code, for typing at the registration desk; as random as the QR code's.",
    )
    short_code_display = fields.Char(string="Short Code (Printed)", compute="_compute_short_code_display")
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
        ("short_code_uniq", "unique(short_code)", "This short card code already exists."),
    ]

    def init(self):
        # At most one working card per member, enforced by the database.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS mazpulki_member_card_one_active_idx "
                "ON mazpulki_member_card (member_id) WHERE state = 'active'"
            )
        )
        # Cards issued before the short code existed get one (a no-op once all have it).
        self.env.cr.execute("SELECT id FROM mazpulki_member_card WHERE short_code IS NULL")
        for (card_id,) in self.env.cr.fetchall():
            self.env.cr.execute(
                SQL(
                    "UPDATE mazpulki_member_card SET short_code = %s WHERE id = %s",
                    self._generate_short_code(),
                    card_id,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # not a field default: Odoo would give a new column's default, one value, to every existing card
        for vals in vals_list:
            vals.setdefault("short_code", self._generate_short_code())
        return super().create(vals_list)

    @api.depends("short_code")
    def _compute_short_code_display(self):
        for card in self:
            code = card.short_code or ""
            card.short_code_display = f"{code[:4]}-{code[4:]}" if code else False

    @api.depends("code")
    def _compute_qr_image(self):
        for card in self:
            card.qr_image = self._render_qr_png(card.code) if card.code else False

    @api.model
    def _generate_code(self):
        return secrets.token_urlsafe(CODE_BYTES)

    @api.model
    def _generate_short_code(self):
        while True:
            code = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))
            if not MEMBER_NUMBER_TYPED.match(code):  # never read as a member number at the desk
                return code

    @api.model
    def _render_qr_png(self, value):
        image = qrcode.make(value, box_size=10, border=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue())

    @api.model
    def _lookup_code(self, code):
        """What a code given at the desk names: ``(card, member)``, either may be empty.

        ``code`` is the QR's code (exact), else a card's short code or a member number
        ("MP-000001"), typed in any case with or without spaces and hyphens. A card is
        returned in any state (a revoked one tells the desk so) with its member; a member
        number gives the member and no card. One or two indexed queries.
        """
        code = (code or "").strip()
        if not code:
            return self.browse(), self.env["res.partner"].browse()
        card = self.search_fetch([("code", "=", code)], ["state", "member_id"], limit=1)
        if not card:
            typed = normalize_typed_code(code)
            if number := MEMBER_NUMBER_TYPED.match(typed):
                member = self.env["res.partner"].search(
                    [("member_number", "=", f"MP-{int(number.group(1)):06d}"), ("is_mazpulki_member", "=", True)],
                    limit=1,
                )
                return self.browse(), member
            if len(typed) == SHORT_CODE_LENGTH:
                card = self.search_fetch([("short_code", "=", typed)], ["state", "member_id"], limit=1)
        return card, card.member_id

    @api.model
    def resolve_code(self, code):
        """Return the member whose working card carries ``code`` (or its short code), or of that member number.

        Called by the registration desk for every scan or typed code: one or two
        indexed queries, whatever the number of members. Raises a UserError a desk
        user can act on for an empty, unknown or revoked code.
        """
        code = (code or "").strip()
        if not code:
            raise UserError(self.env._("The scanned code is empty."))
        card, member = self._lookup_code(code)
        if not member:
            raise UserError(self.env._("No membership card has the code %s.", code))
        if card and card.state != "active":
            raise UserError(
                self.env._(
                    "The card with the code %s was revoked; ask the member for their new card.",
                    code,
                )
            )
        return member

    def _revoke(self, reason):
        self.filtered(lambda c: c.state == "active").write(
            {"state": "revoked", "date_revoked": fields.Datetime.now(), "revoke_reason": reason}
        )

    def action_download_card(self):
        self.ensure_one()
        return self.env.ref("mazpulki_members.action_report_member_card").report_action(self.member_id, config=False)
