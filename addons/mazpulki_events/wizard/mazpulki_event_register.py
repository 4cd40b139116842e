from odoo import api, fields, models
from odoo.exceptions import UserError


class MazpulkiEventRegister(models.TransientModel):
    """Register several members to one event at once, from the club or the member list."""

    _name = "mazpulki.event.register"
    _description = "Register Members to an Event"

    event_id = fields.Many2one(
        "event.event", required=True, domain="[('date_end', '>=', context_today().strftime('%Y-%m-%d'))]"
    )
    member_ids = fields.Many2many(
        "res.partner", string="Members", domain=[("is_mazpulki_member", "=", True)], required=True
    )
    seats_available = fields.Integer(related="event_id.seats_available")
    seats_limited = fields.Boolean(related="event_id.seats_limited")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        if "member_ids" in fields_list and not res.get("member_ids"):
            if context.get("active_model") == "res.partner" and context.get("active_ids"):
                members = self.env["res.partner"].browse(context["active_ids"]).filtered("is_mazpulki_member")
                res["member_ids"] = [fields.Command.set(members.ids)]
            elif context.get("active_model") == "mazpulki.club" and context.get("active_ids"):
                members = self.env["res.partner"].search(
                    [("is_mazpulki_member", "=", True), ("mazpulki_club_id", "in", context["active_ids"])]
                )
                res["member_ids"] = [fields.Command.set(members.ids)]
        return res

    def action_register(self):
        """Create the registrations in one batch; members already registered are skipped."""
        self.ensure_one()
        Registration = self.env["event.registration"]
        registered = Registration.search(
            [
                ("event_id", "=", self.event_id.id),
                ("partner_id", "in", self.member_ids.ids),
                ("state", "!=", "cancel"),
            ]
        ).partner_id
        to_register = self.member_ids - registered
        if not to_register:
            raise UserError(self.env._("All the chosen members are already registered for %s.", self.event_id.name))
        # Odoo's seat limit is checked by the registrations' own constraint on create.
        registrations = Registration.create(
            [{"event_id": self.event_id.id, "partner_id": member.id} for member in to_register]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Registrations"),
            "res_model": "event.registration",
            "view_mode": "list,form",
            "domain": [("id", "in", registrations.ids)],
        }
