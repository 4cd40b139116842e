from odoo import fields, models


class MazpulkiCardRevoke(models.TransientModel):
    _name = "mazpulki.card.revoke"
    _description = "Revoke and Reissue a Membership Card"

    member_id = fields.Many2one("res.partner", required=True, readonly=True)
    card_id = fields.Many2one(related="member_id.mazpulki_card_id", string="Current Card")
    reason = fields.Selection(
        [("lost", "Lost"), ("stolen", "Stolen"), ("damaged", "Damaged"), ("other", "Other")],
        required=True,
        default="lost",
    )

    def action_revoke_and_reissue(self):
        """The old code stops working at once; the member gets a new card."""
        self.ensure_one()
        member = self.member_id
        member.mazpulki_card_ids._revoke(self.reason)
        member._mazpulki_issue_card()
        member.message_post(
            body=self.env._(
                "Membership card revoked (%(reason)s) and a new card issued.",
                reason=dict(self._fields["reason"]._description_selection(self.env))[self.reason],
            )
        )
        return {"type": "ir.actions.act_window_close"}
