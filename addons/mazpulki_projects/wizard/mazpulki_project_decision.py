from odoo import api, fields, models
from odoo.exceptions import UserError


class MazpulkiProjectDecision(models.TransientModel):
    _name = "mazpulki.project.decision"
    _description = "Approve, Return or Reject Project Applications"

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "mazpulki.project" and "project_ids" in fields_list:
            res["project_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return res

    project_ids = fields.Many2many("mazpulki.project", string="Projects")
    decision = fields.Selection(
        [("approve", "Approve"), ("return", "Return for Changes"), ("reject", "Reject")],
        required=True,
        default="approve",
    )
    comment = fields.Text(help="Told to each team by e-mail and shown on the portal.")

    def action_apply(self):
        self.ensure_one()
        if self.decision in ("return", "reject") and not (self.comment or "").strip():
            raise UserError(self.env._("Tell the teams why: a return or a rejection needs a comment."))
        projects = self.project_ids
        not_submitted = projects.filtered(lambda p: p.state != "submitted")
        if not_submitted:
            raise UserError(
                self.env._(
                    "Only submitted applications can be decided; %s is not submitted.",
                    ", ".join(not_submitted.mapped("name")),
                )
            )
        getattr(projects, f"action_{self.decision}")(comment=self.comment)
        return {"type": "ir.actions.act_window_close"}
