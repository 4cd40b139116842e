"""Health information: the family's form on /my/health and the named staff's screens on /event-health.

The family and the staff have no access rights on ``mazpulki.event.health``: each route checks who the caller is
for that registration or event, then reads or writes with sudo (see models/mazpulki_event_health.py)."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.mazpulki_event_health import ANSWER_FIELDS


class MazpulkiHealthPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_health_count" in counters:
            partner = request.env.user.partner_id
            registrations = request.env["mazpulki.event.health"]._mazpulki_family_registrations(partner)
            values["mazpulki_health_count"] = len(registrations)
        return values

    def _mazpulki_health_registration(self, registration_id):
        """The registration if the user fills in for it (the member of 18+ or a proved guardian), else 404:
        the same answer for "does not exist" and "not your child"."""
        partner = request.env.user.partner_id
        registrations = request.env["mazpulki.event.health"]._mazpulki_family_registrations(partner)
        registration_sudo = registrations.filtered(lambda r: r.id == registration_id)
        if not registration_sudo:
            raise NotFound()
        return registration_sudo

    @http.route("/my/health", type="http", auth="user", website=True)
    def portal_my_health(self, **kw):
        partner = request.env.user.partner_id
        registrations = request.env["mazpulki.event.health"]._mazpulki_family_registrations(partner)
        values = self._prepare_portal_layout_values()
        values.update({"registrations": registrations, "page_name": "mazpulki_health"})
        return request.render("mazpulki_events.portal_my_health", values)

    @http.route("/my/health/<int:registration_id>", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_health_form(self, registration_id, **post):
        registration_sudo = self._mazpulki_health_registration(registration_id)
        Health = request.env["mazpulki.event.health"]
        event = registration_sudo.event_id
        # sudo: the family's own answers of the registration checked above
        health = Health.sudo().search([("registration_id", "=", registration_sudo.id)])
        proposal = Health._mazpulki_proposal(registration_sudo) if not health else Health.browse()
        error = None
        saved = False
        if request.httprequest.method == "POST":
            try:
                confirm_from = proposal if post.get("confirm") == "1" and proposal else None
                health = Health._mazpulki_save_family(
                    registration_sudo, request.env.user.partner_id, post, confirm_from=confirm_from
                )
                saved = True
                proposal = Health.browse()
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
        source = health or proposal
        answers = {name: (post.get(name) if error else source[name]) or "" for name in ANSWER_FIELDS}
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "registration": registration_sudo,
                "event": event,
                "health": health,
                "proposal": proposal,
                "answers": answers,
                "open": event._mazpulki_health_open(),
                "deadline": event._mazpulki_health_deadline(),
                "error": error,
                "saved": saved,
                "page_name": "mazpulki_health",
            }
        )
        return request.render("mazpulki_events.portal_my_health_form", values)


class MazpulkiHealthStaff(http.Controller):
    def _mazpulki_event(self, event_id):
        event = request.env["event.event"].sudo().browse(event_id).exists()  # sudo: the role is checked next
        if not event or not request.env["mazpulki.event.health"]._mazpulki_scope(event):
            raise NotFound()  # same answer for a missing event and one the user is not named for
        return event

    @http.route("/event-health", type="http", auth="user", website=True)
    def event_health_list(self, **kw):
        if request.env.user.share:
            raise NotFound()
        events = request.env["mazpulki.event.health"]._mazpulki_staff_events()
        return request.render("mazpulki_events.event_health_events", {"events": events})

    @http.route("/event-health/<int:event_id>", type="http", auth="user", website=True)
    def event_health_page(self, event_id, scope=None, **kw):
        event = self._mazpulki_event(event_id)
        data = request.env["mazpulki.event.health"]._mazpulki_read_for_staff(event, scope=scope)
        return request.render("mazpulki_events.event_health_page", {**data, "event": event})

    @http.route("/event-health/<int:event_id>/data", type="json", auth="user")
    def event_health_data(self, event_id, scope=None):
        event = self._mazpulki_event(event_id)
        return request.env["mazpulki.event.health"]._mazpulki_read_for_staff(event, scope=scope)

    @http.route("/event-health/<int:event_id>/medic.pdf", type="http", auth="user")
    def event_health_pdf(self, event_id, **kw):
        event = self._mazpulki_event(event_id)
        if request.env["mazpulki.event.health"]._mazpulki_scope(event) != "full":
            raise NotFound()
        # sudo: the report's own values check the real user's role again and write the read log
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("mazpulki_events.action_report_event_health_medic", event.ids)
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Cache-Control", "no-store"),
                ("Content-Disposition", 'inline; filename="medic-list.pdf"'),
            ],
        )
