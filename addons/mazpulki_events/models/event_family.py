"""Families register their children on the website; youth events take anonymous registrations as requests.

A guardian logged in on the website picks which of her children (and herself) take part:
each child's registration is the child's (``partner_id`` the member, so club and age group
follow), approved by the guardian who registered her. An anonymous visitor's registration
to a youth event is a request the office matches to a member before it counts.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .event_type import TRAINING_CATEGORIES

# Events for the leaders and volunteers, not for the children: no youth event by default.
NOT_YOUTH_CATEGORIES = (*TRAINING_CATEGORIES, "volunteer_training")


class EventEvent(models.Model):
    _inherit = "event.event"

    mazpulki_youth_event = fields.Boolean(
        string="Youth Event",
        compute="_compute_mazpulki_youth_event",
        store=True,
        readonly=False,
        help="For members and their families: an anonymous visitor is asked to sign in, and a registration "
        "sent without signing in is a request the office matches to a member before it is confirmed.",
    )

    @api.depends("mazpulki_category")
    def _compute_mazpulki_youth_event(self):
        for event in self:
            event.mazpulki_youth_event = bool(event.mazpulki_category) and (
                event.mazpulki_category not in NOT_YOUTH_CATEGORIES
            )


class EventRegistration(models.Model):
    _inherit = "event.registration"

    mazpulki_approval_state = fields.Selection(
        selection_add=[("request", "Request: Office to Match a Member")],
        ondelete={"request": "set default"},
    )
    mazpulki_approved_on = fields.Datetime(
        string="Guardian Decided On", readonly=True, copy=False, help="When the guardian approved or declined."
    )

    def write(self, vals):
        if vals.get("mazpulki_approval_state") in ("approved", "declined") and "mazpulki_approved_on" not in vals:
            vals = {**vals, "mazpulki_approved_on": fields.Datetime.now()}
        return super().write(vals)

    @api.model
    def _mazpulki_family_people(self, partner):
        """Whom ``partner`` (a logged-in website user's contact) may register: ``(wards, self_allowed)``.

        ``wards``: the members she is a guardian of, read through ``ward_ids`` (so the
        guardian's proof rules apply), returned with sudo: portal users cannot read members.
        """
        # sudo: the website user's own children; ward_ids is the check
        partner_sudo = partner.sudo()
        wards = partner_sudo.ward_ids.member_id.filtered(lambda m: m.is_mazpulki_member and m.active)
        return wards - partner_sudo

    @api.model
    def _mazpulki_prepare_family_registrations(self, event, user, registrations_data):
        """Check and complete the website's registration values of ``user`` for ``event``.

        ``registrations_data``: the values Odoo's website form gives (dicts, changed in place).
        A posted ``partner_id`` must be the user's own contact or one of her wards; anything
        else raises ``AccessError`` (Odoo's form allows ``partner_id``, so this is the check).
        A ward's registration is the ward's, named as in the registry, and approved by the
        guardian who registered her (when the event asks a guardian). An anonymous visitor's
        registration to a youth event becomes a request for the office (unconfirmed).
        Called by trusted controller code only, before the registrations are created with sudo.
        """
        if user._is_public():
            for values in registrations_data:
                if values.get("partner_id"):
                    raise AccessError(self.env._("Sign in to register a member."))
                if event.mazpulki_youth_event:
                    values["mazpulki_approval_state"] = "request"
                    values["state"] = "draft"
            return registrations_data
        own = user.partner_id
        wards = self._mazpulki_family_people(own)
        chosen = [values["partner_id"] for values in registrations_data if values.get("partner_id")]
        if len(chosen) != len(set(chosen)):
            raise UserError(self.env._("Each person can be registered only once."))
        for values in registrations_data:
            person_id = values.get("partner_id")
            if not person_id or person_id == own.id:
                continue
            ward = wards.filtered(lambda w, person_id=person_id: w.id == person_id)
            if not ward:
                raise AccessError(self.env._("You can register only yourself and your own children."))
            values["name"] = ward.name
            values.setdefault("email", ward.email or own.email)
            values.setdefault("phone", ward.phone or own.phone)
            if event._mazpulki_needs_guardian_approval(ward):
                values.update(
                    {
                        "mazpulki_approval_state": "approved",
                        "mazpulki_approved_by_id": own.id,
                        "mazpulki_approved_on": fields.Datetime.now(),
                    }
                )
        return registrations_data

    def action_mazpulki_match_request(self):
        """The office has matched a request to a member (``partner_id``): the member's rules apply from now.

        A member who needs a guardian's approval waits for it (the guardians are asked);
        anyone else's registration is confirmed (seats are checked as usual).
        Raises ``UserError`` when a request is not linked to a member yet.
        """
        if not (self.env.su or self.env.user.has_group("event.group_event_user")):
            raise AccessError(self.env._("Only the office matches registration requests to members."))
        requests = self.filtered(lambda r: r.mazpulki_approval_state == "request")
        unmatched = requests.filtered(lambda r: not r.mazpulki_member_id)
        if unmatched:
            raise UserError(
                self.env._(
                    "Choose the member in the attendee field of %s first.", ", ".join(unmatched.mapped("name"))
                )
            )
        for registration in requests:
            if registration.event_id._mazpulki_needs_guardian_approval(registration.mazpulki_member_id):
                registration.write({"mazpulki_approval_state": "pending", "state": "draft"})
                registration._mazpulki_ask_guardians()
            else:
                registration.mazpulki_approval_state = "not_needed"
                registration.action_confirm()
        return True
