from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mazpulki_role = fields.Selection(
        selection_add=[("desk", "Registration Desk")],
        ondelete={"desk": "set null"},
    )

    @api.model
    def _mazpulki_role_groups(self):
        roles = super()._mazpulki_role_groups()
        roles["desk"] = ["mazpulki_events.group_mazpulki_event_desk"]
        # the office organises the events; its manager configures them
        roles["officer"] = [*roles["officer"], "event.group_event_user"]
        roles["manager"] = [*roles["manager"], "event.group_event_manager"]
        return roles

    @api.model
    def _mazpulki_role_home_actions(self):
        homes = super()._mazpulki_role_home_actions()
        homes["desk"] = "event.action_event_view"
        return homes

    @api.model
    def _get_signup_invitation_scope(self):
        # The portal is by invitation only (mazpulki_members), on the website too: the website's
        # own setting is ignored, which apps set to free sign-up on install (the shop, and with it
        # paid event tickets, sets every website to 'b2c').
        return "b2b"
