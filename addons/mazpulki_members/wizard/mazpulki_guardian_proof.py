from odoo import fields, models
from odoo.exceptions import UserError


class MazpulkiGuardianProof(models.TransientModel):
    """The office verifies a guardian with a document, or removes a guardian, with the reason (who and when are
    recorded on the link)."""

    _name = "mazpulki.guardian.proof"
    _description = "Verify or Remove a Guardian"

    link_id = fields.Many2one("mazpulki.guardian", string="Guardian Link", required=True, readonly=True)
    mode = fields.Selection([("verify", "Verify with a Document"), ("remove", "Remove Guardian")], required=True)
    member_id = fields.Many2one(related="link_id.member_id")
    guardian_id = fields.Many2one(related="link_id.guardian_id")
    link_state = fields.Selection(related="link_id.state", string="Status")
    proof_document = fields.Char(
        string="Document Checked", help="Which document proves it, e.g. birth certificate, court order."
    )
    note = fields.Text(help="Why: what the document shows, or why the guardian is removed.")

    def action_confirm(self):
        self.ensure_one()
        link = self.link_id
        link._mazpulki_check_office()
        if self.mode == "verify":
            if link.state == "confirmed":
                raise UserError(self.env._("%s is already a proved guardian.", link.guardian_id.name))
            if not (self.proof_document or "").strip():
                raise UserError(self.env._("Name the document you checked."))
            link._mazpulki_prove(
                "document", proof_document=self.proof_document.strip(), proof_note=(self.note or "").strip() or False
            )
            link._mazpulki_invite_guardian()
        else:
            if link.state == "removed":
                raise UserError(self.env._("%s is already removed.", link.guardian_id.name))
            link._mazpulki_remove(self.note)
        return {"type": "ir.actions.act_window_close"}
