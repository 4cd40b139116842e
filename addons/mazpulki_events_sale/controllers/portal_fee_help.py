from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class MazpulkiFeeHelpPortal(CustomerPortal):
    """``/my/fee-help``: a family asks the office for help with an event fee and reads the decisions.

    Portal users have no rights on ``mazpulki.fee.help``: the page reads the family's own requests and
    registrations with sudo, narrowed to the user's proved wards and herself (``mazpulki.fee.help``'s
    ``_mazpulki_family_*``), and the form's two fields are checked by ``_mazpulki_portal_request``.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_fee_help_count" in counters:
            FeeHelp = request.env["mazpulki.fee.help"]
            partner = request.env.user.partner_id
            values["mazpulki_fee_help_count"] = len(FeeHelp._mazpulki_family_requests(partner)) + len(
                FeeHelp._mazpulki_family_registrations(partner)
            )
        return values

    def _mazpulki_fee_help_values(self, **extra):
        FeeHelp = request.env["mazpulki.fee.help"]
        partner = request.env.user.partner_id
        requests = FeeHelp._mazpulki_family_requests(partner)
        asked = {(r.event_id.id, r.member_id.id) for r in requests if r.state != "refused"}
        registrations = FeeHelp._mazpulki_family_registrations(partner).filtered(
            lambda r: (r.event_id.id, r.mazpulki_member_id.id) not in asked
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "fee_requests": requests,
                "fee_registrations": registrations,
                "page_name": "mazpulki_fee_help",
                "error": None,
                "reason": "",
                "selected_id": None,
                "sent": False,
            }
        )
        values.update(extra)
        return values

    @http.route("/my/fee-help", type="http", auth="user", website=True)
    def portal_my_fee_help(self, registration_id=None, sent=None, **kw):
        selected = int(registration_id) if (registration_id or "").isdigit() else None
        values = self._mazpulki_fee_help_values(selected_id=selected, sent=bool(sent))
        return request.render("mazpulki_events_sale.portal_my_fee_help", values)

    @http.route("/my/fee-help/request", type="http", auth="user", website=True, methods=["POST"])
    def portal_fee_help_request(self, registration_id=None, reason=None, **kw):
        if not (registration_id or "").isdigit():
            raise NotFound()
        partner = request.env.user.partner_id
        try:
            request.env["mazpulki.fee.help"]._mazpulki_portal_request(partner, int(registration_id), reason)
        except AccessError as error:
            # Same answer for "does not exist" and "not your child": nothing leaks.
            raise NotFound() from error
        except UserError as error:
            values = self._mazpulki_fee_help_values(
                error=error.args[0], reason=reason or "", selected_id=int(registration_id)
            )
            return request.render("mazpulki_events_sale.portal_my_fee_help", values)
        return request.redirect("/my/fee-help?sent=1")
