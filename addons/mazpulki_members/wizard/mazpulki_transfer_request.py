from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class MazpulkiTransferRequest(models.TransientModel):
    _name = "mazpulki.transfer.request"
    _description = "Request to Move a Member to Another Club"

    member_id = fields.Many2one("res.partner", required=True, readonly=True)
    club_from_id = fields.Many2one(related="member_id.mazpulki_club_id", string="Current Club")
    club_id = fields.Many2one(
        "mazpulki.club",
        string="New Club",
        required=True,
        domain="[('id', '!=', club_from_id)]",
    )
    note = fields.Text(string="Reason", help="Why the member moves, e.g. the family moved to another town.")

    @api.model
    def _mazpulki_officers(self):
        officer_group = self.env.ref("mazpulki_members.group_mazpulki_officer")
        # sudo: a leader cannot read the users of the office; only their ids are used, to notify them
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", officer_group.ids),
                    ("share", "=", False),
                    ("id", "!=", self.env.ref("base.user_root").id),
                ],
                order="id",
            )
        )

    def action_send(self):
        """Tell the office in the member's chatter and give an officer the move as a to-do."""
        self.ensure_one()
        member = self.member_id
        if self.club_id == member.mazpulki_club_id:
            raise UserError(
                self.env._("%(member)s is already in %(club)s.", member=member.name, club=self.club_id.name)
            )
        officers = self._mazpulki_officers()
        if not officers:
            raise UserError(
                self.env._("No officer of the office can take the transfer request; ask the office to add one.")
            )
        body = Markup("<p>%s</p>") % self.env._(
            "Transfer request: move %(member)s from %(club_from)s to %(club_to)s.",
            member=member.name,
            club_from=member.mazpulki_club_id.display_name,
            club_to=self.club_id.display_name,
        )
        if self.note:
            body += Markup("<p>%s</p>") % self.note
        member.message_post(body=body, partner_ids=officers.partner_id.ids, message_type="comment")
        member.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=officers[0].id,
            summary=self.env._("Move to %s", self.club_id.display_name),
            note=body,
        )
        return {"type": "ir.actions.act_window_close"}
