from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal

from .website_event import MazpulkiWebsiteEventController


class _NoSeatsLeft(Exception):
    """The seats went to faster families between the form and its confirmation."""


class MazpulkiWaitlistWebsite(MazpulkiWebsiteEventController):
    @http.route()
    def registration_confirm(self, event, **post):
        """A registration that finds no seat left (another family was faster) goes back to the form."""
        try:
            return super().registration_confirm(event, **post)
        except _NoSeatsLeft:
            return request.redirect("/event/%s/register?registration_error_code=insufficient_seats" % event.id)

    def _create_attendees_from_registration_post(self, event, registration_data):
        """Check the seats again once the event is locked, before anything is written.

        Odoo checks the seats before this call in the request's snapshot; two requests may
        both see the last seat. Locking the event row (``_mazpulki_lock_seats``) serialises
        them: the later one is retried by Odoo after the first commits, and finds no seat.
        """
        # sudo: the seats of a published event, for a website visitor
        event_sudo = event.sudo()
        if event_sudo._mazpulki_limited():
            event_sudo._mazpulki_lock_seats()
            if not event_sudo._mazpulki_has_seats_for(registration_data):
                raise _NoSeatsLeft()
        return super()._create_attendees_from_registration_post(event, registration_data)


def _family_people():
    """The people the signed-in user may put on a waiting list: herself and her proved wards (sudo)."""
    partner = request.env.user.partner_id
    return request.env["event.registration"]._mazpulki_family_people(partner) | partner.sudo()


def _join(event, person_id, ticket_id, back="/my/event-waitlist"):
    """Validate the two fields of the join form, then write the entry with sudo.

    Portal users have no access to the waiting list: the checks here (the person is the user or
    her proved ward, the ticket is the event's) are the access check.
    """
    try:
        person_id, ticket_id = int(person_id or 0), int(ticket_id or 0)
    except ValueError:
        raise NotFound() from None
    # sudo: the published event's seats and tickets, for a signed-in family
    event_sudo = event.sudo()
    if not event_sudo.website_published:
        raise NotFound()
    person = _family_people().filtered(lambda p: p.id == person_id)
    ticket = event_sudo.event_ticket_ids.filtered(lambda t: t.id == ticket_id)
    if not person or (ticket_id and not ticket):
        raise NotFound()
    try:
        # sudo: checked above; the list has no portal access rights
        entry = (
            request.env["mazpulki.event.waitlist"]
            .sudo()
            ._mazpulki_join(event_sudo, ticket, person, request.env.user.partner_id)
        )
    except UserError as error:
        request.session["mazpulki_waitlist_error"] = str(error)
        return request.redirect(back)
    return request.redirect("/my/event-waitlist?joined=%s" % entry.id)


class MazpulkiWaitlistPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_waitlist_count" in counters:
            entries = request.env["mazpulki.event.waitlist"]._mazpulki_family_entries(request.env.user)
            values["mazpulki_waitlist_count"] = len(entries.filtered(lambda e: e.state in ("waiting", "offered")))
        return values

    def _mazpulki_waitlist_entry(self, entry_id):
        entry_sudo = (
            request.env["mazpulki.event.waitlist"]
            ._mazpulki_family_entries(request.env.user)
            .filtered(lambda e: e.id == entry_id)
        )
        if not entry_sudo:
            # the same answer for "does not exist" and "another family's"
            raise NotFound()
        return entry_sudo

    @http.route("/my/event-waitlist", type="http", auth="user", website=True)
    def portal_my_event_waitlist(self, joined=None, accepted=None, withdrawn=None, offer=None, event_id=None, **kw):
        entries = request.env["mazpulki.event.waitlist"]._mazpulki_family_entries(request.env.user)
        message, message_class = None, ""
        error = request.session.pop("mazpulki_waitlist_error", None)
        if error:
            message, message_class = error, "alert-danger"
        elif joined:
            message, message_class = request.env._("You joined the waiting list."), "alert-success o_mazpulki_joined"
        elif accepted:
            entry = entries.filtered(lambda e: str(e.id) == accepted)
            message, message_class = (
                request.env._(
                    "You accepted the seat: %(member)s is registered for %(event)s.",
                    member=entry.member_id.name,
                    event=entry.event_id.name,
                ),
                "alert-success o_mazpulki_accepted",
            )
        elif withdrawn:
            message, message_class = request.env._("You left the waiting list."), "alert-info"
        # sudo: published, upcoming events that are full, for the join form
        full_events = (
            request.env["event.event"]
            .sudo()
            .search([("website_published", "=", True), ("date_end", ">", fields.Datetime.now())], order="date_begin")
        )
        targets = [
            (event, ticket, label) for event in full_events for ticket, label in event._mazpulki_waitlist_full_targets()
        ]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "entries": entries,
                "highlight": offer,
                "people": _family_people(),
                "targets": targets,
                "selected_event_id": int(event_id) if event_id and event_id.isdigit() else None,
                "message": message,
                "message_class": message_class,
                "page_name": "mazpulki_event_waitlist",
            }
        )
        return request.render("mazpulki_events.portal_my_event_waitlist", values)

    @http.route("/my/event-waitlist/join", type="http", auth="user", website=True, methods=["POST"])
    def portal_event_waitlist_join(self, target=None, person_id=None, **kw):
        event_id, _sep, ticket_id = (target or "").partition("-")
        try:
            event = request.env["event.event"].browse(int(event_id)).exists()
        except ValueError:
            raise NotFound() from None
        if not event:
            raise NotFound()
        return _join(event, person_id, ticket_id)

    @http.route("/my/event-waitlist/<int:entry_id>/accept", type="http", auth="user", website=True, methods=["GET"])
    def portal_event_waitlist_offer_link(self, entry_id, token=None, **kw):
        """The offer mail's signed link: only the family signed in reaches its offer."""
        entry_sudo = self._mazpulki_waitlist_entry(entry_id)
        if not token or not consteq(token, entry_sudo.access_token or ""):
            raise NotFound()
        return request.redirect("/my/event-waitlist?offer=%s" % entry_sudo.id)

    @http.route(
        "/my/event-waitlist/<int:entry_id>/<string:decision>", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_event_waitlist_decide(self, entry_id, decision, **kw):
        if decision not in ("accept", "withdraw"):
            raise NotFound()
        entry_sudo = self._mazpulki_waitlist_entry(entry_id)
        if decision == "withdraw":
            entry_sudo._mazpulki_withdraw()
            return request.redirect("/my/event-waitlist?withdrawn=1")
        if not entry_sudo._mazpulki_offer_is_open():
            request.session["mazpulki_waitlist_error"] = request.env._("This offer is no longer open.")
            return request.redirect("/my/event-waitlist")
        return request.redirect(entry_sudo._mazpulki_accept(request.env.user))
