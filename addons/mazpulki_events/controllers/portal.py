from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class MazpulkiEventPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_approval_count" in counters:
            values["mazpulki_approval_count"] = len(
                self._mazpulki_approval_registrations().filtered(lambda r: r.mazpulki_approval_state == "pending")
            )
        return values

    def _mazpulki_approval_registrations(self):
        """The registrations of the children the logged-in user is a guardian of.

        This is the access check of the approval pages: portal users cannot
        read members or their registrations through the ORM, so the records
        are returned with sudo, narrowed to the user's own wards.
        """
        # sudo: a guardian reads their own wards' registrations; the domain is the check
        partner_sudo = request.env.user.partner_id.sudo()
        wards = partner_sudo.ward_ids.member_id
        if not wards:
            return request.env["event.registration"].sudo().browse()
        return (
            request.env["event.registration"]
            .sudo()
            .search(
                [
                    ("mazpulki_member_id", "in", wards.ids),
                    ("mazpulki_approval_state", "!=", "not_needed"),
                ],
                order="id desc",
            )
        )

    def _mazpulki_approval_check_access(self, registration_id):
        registration_sudo = self._mazpulki_approval_registrations().filtered(lambda r: r.id == registration_id)
        if not registration_sudo:
            # Same answer for "does not exist" and "not your child": nothing leaks.
            raise NotFound()
        return registration_sudo

    @http.route("/my/event-approvals", type="http", auth="user", website=True)
    def portal_my_event_approvals(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "registrations": self._mazpulki_approval_registrations(),
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
        guardian = request.env.user.partner_id
        if decision == "approve":
            registration_sudo.action_mazpulki_approve(guardian=guardian)
        else:
            registration_sudo.action_mazpulki_decline(guardian=guardian)
        return request.redirect("/my/event-approvals")
