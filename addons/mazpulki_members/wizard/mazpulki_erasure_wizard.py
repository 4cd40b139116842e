from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class MazpulkiErasureWizard(models.TransientModel):
    """The office's two decisions about a former member: Hold (keep past the retention period, with a reason)
    and Forget now (an erasure request under GDPR Art. 17: anonymised at once, office managers only)."""

    _name = "mazpulki.erasure.wizard"
    _description = "Hold or Forget a Former Member"

    mode = fields.Selection([("hold", "Hold"), ("forget", "Forget now")], required=True, default="hold")
    partner_ids = fields.Many2many("res.partner", string="People", required=True)
    reason = fields.Char(
        string="Justification",
        required=True,
        help="Why (e.g. an open accident report; a request received by e-mail on 3 December). "
        "For Forget now, the reason is not kept: the erasure log holds no personal data.",
    )
    confirm = fields.Boolean(string="I understand this cannot be undone")

    @api.model
    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            raise AccessError(self.env._("Only an office manager can anonymise a person at once."))

    def action_apply(self):
        self.ensure_one()
        if self.mode == "forget":
            return self._apply_forget()
        return self._apply_hold()

    def _apply_hold(self):
        self.env["mazpulki.erasure"]._check_officer()
        # sudo: the hold fields are readonly in views (who and when are set here, not typed); officer checked
        self.partner_ids.sudo().write(
            {
                "mazpulki_hold_reason": self.reason,
                "mazpulki_hold_user_id": self.env.uid,
                "mazpulki_hold_date": fields.Datetime.now(),
            }
        )
        return {"type": "ir.actions.act_window_close"}

    def _apply_forget(self):
        self._check_manager()
        if not self.confirm:
            raise UserError(self.env._("Tick the confirmation: anonymising a person cannot be undone."))
        staff = self.partner_ids.filtered(lambda p: p.sudo().user_ids.filtered(lambda u: not u.share))
        if staff:
            raise UserError(
                self.env._("%s has a back-office user; remove the user before anonymising.", staff[0].display_name)
            )
        # sudo: the anonymisation writes where no office role may (logs, users, other add-ons); manager checked
        self.env["mazpulki.erasure"].sudo()._anonymise(self.partner_ids, "request")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s anonymised.", len(self.partner_ids)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
