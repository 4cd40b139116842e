from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class MazpulkiEventPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_approval_count" in counters:
            values["mazpulki_approval_count"] = self._mazpulki_approval_count(waiting=True)
        if "mazpulki_approval_all_count" in counters:
            values["mazpulki_approval_all_count"] = self._mazpulki_approval_count()
        return values

    def _mazpulki_approval_domain(self):
        """The registrations of the user's wards that ask a guardian; None when the user is no guardian.

        This is the access check of the approval pages: portal users cannot
        read members or their registrations through the ORM, so the records
        are read with sudo, narrowed to the user's own wards.
        """
        # sudo: a guardian reads their own wards; the domain below is the check
        wards = request.env.user.partner_id.sudo().ward_ids.member_id
        if not wards:
            return None
        return [("mazpulki_member_id", "in", wards.ids), ("mazpulki_approval_state", "!=", "not_needed")]

    def _mazpulki_approval_count(self, waiting=False):
        domain = self._mazpulki_approval_domain()
        if domain is None:
            return 0
        if waiting:
            domain += [("mazpulki_approval_state", "=", "pending"), ("event_id.date_end", ">", fields.Datetime.now())]
        # sudo: narrowed to the user's wards (see _mazpulki_approval_domain)
        return request.env["event.registration"].sudo().search_count(domain)

    def _mazpulki_approval_registrations(self):
        """The wards' registrations: those waiting for a decision first (soonest first), then the others."""
        domain = self._mazpulki_approval_domain()
        Registration = request.env["event.registration"].sudo()  # sudo: narrowed to the user's wards
        if domain is None:
            return Registration.browse()
        registrations = Registration.search(domain, order="id desc")
        waiting = registrations.filtered(lambda r: r._mazpulki_waits_for_guardian()).sorted(
            lambda r: r.event_id.date_begin
        )
        others = (registrations - waiting).sorted(lambda r: r.event_id.date_begin, reverse=True)
        return waiting + others

    def _mazpulki_approval_check_access(self, registration_id):
        registration_sudo = self._mazpulki_approval_registrations().filtered(lambda r: r.id == registration_id)
        if not registration_sudo:
            # Same answer for "does not exist" and "not your child": nothing leaks.
            raise NotFound()
        return registration_sudo

    @http.route("/my/event-approvals", type="http", auth="user", website=True)
    def portal_my_event_approvals(self, approved=None, declined=None, error=None, **kw):
        registrations = self._mazpulki_approval_registrations()
        decided = registrations.filtered(lambda r: str(r.id) in (approved, declined))
        message, message_class = None, ""
        if decided and approved:
            message, message_class = (
                request.env._(
                    "Thank you: you approved the registration of %(member)s for %(event)s. The ticket is sent "
                    "by e-mail, and at the event the membership card lets them in.",
                    member=decided.mazpulki_member_id.name,
                    event=decided.event_id.name,
                ),
                "alert-success o_mazpulki_approved",
            )
        elif decided:
            message, message_class = (
                request.env._(
                    "You declined the registration of %(member)s for %(event)s; the place is freed.",
                    member=decided.mazpulki_member_id.name,
                    event=decided.event_id.name,
                ),
                "alert-info o_mazpulki_declined",
            )
        elif error == "finished":
            message, message_class = (
                request.env._("The event is over: its registrations can no longer be approved or declined."),
                "alert-danger",
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "registrations": registrations,
                "waiting_count": len(registrations.filtered(lambda r: r._mazpulki_waits_for_guardian())),
                "message": message,
                "message_class": message_class,
                "page_name": "mazpulki_event_approvals",
            }
        )
        return request.render("mazpulki_events.portal_my_event_approvals", values)

    @http.route(
        "/my/event-approvals/<int:registration_id>/<string:decision>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_event_approval_decide(self, registration_id, decision, **kw):
        if decision not in ("approve", "decline"):
            raise NotFound()
        registration_sudo = self._mazpulki_approval_check_access(registration_id)
        if registration_sudo.event_id.is_finished:
            # An event that is over is no longer approved or declined.
            return request.redirect("/my/event-approvals?error=finished")
        guardian = request.env.user.partner_id
        if decision == "approve":
            registration_sudo.action_mazpulki_approve(guardian=guardian)
            return request.redirect(f"/my/event-approvals?approved={registration_sudo.id}")
        registration_sudo.action_mazpulki_decline(guardian=guardian)
        return request.redirect(f"/my/event-approvals?declined={registration_sudo.id}")
