from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.mazpulki_consent import DIGITAL_CONSENT_AGE
from ..models.mazpulki_consent_withdrawal import PORTAL_WITHDRAWABLE


class MazpulkiDataPortal(CustomerPortal):
    """The family's rights on the membership page: download their data, withdraw a consent."""

    def _mazpulki_may_withdraw(self, member_sudo):
        """The member from 13 withdraws their own consents; below 13 a guardian does."""
        own = member_sudo == request.env.user.partner_id
        age = member_sudo._mazpulki_age_on(fields.Date.context_today(request.env.user))
        if own:
            return age is not None and age >= DIGITAL_CONSENT_AGE
        return age is None or age < DIGITAL_CONSENT_AGE

    @http.route()
    def portal_my_membership(self, member_id, **post):
        response = super().portal_my_membership(member_id, **post)
        member_sudo = response.qcontext.get("member") if hasattr(response, "qcontext") else None
        if member_sudo:
            requester = request.env.user.partner_id
            response.qcontext.update(
                {
                    "mazpulki_can_export": request.env["mazpulki.data.export"]._mazpulki_may_export(
                        member_sudo, requester
                    ),
                    "mazpulki_can_withdraw": self._mazpulki_may_withdraw(member_sudo),
                    "mazpulki_withdrawable": PORTAL_WITHDRAWABLE,
                    "mazpulki_withdrawn": post.get("withdrawn") in PORTAL_WITHDRAWABLE,
                }
            )
        return response

    @http.route("/my/membership/<int:member_id>/data", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_membership_data(self, member_id, **kw):
        member_sudo = self._mazpulki_member_check_access(member_id)
        Export = request.env["mazpulki.data.export"]
        if not Export._mazpulki_may_export(member_sudo, request.env.user.partner_id):
            raise NotFound()
        # sudo: the portal user may have this member's data (checked just above); the export reads the
        # member's records across the suite's models, which portal users cannot read through the ORM
        content, filename = Export.sudo()._mazpulki_export(member_sudo, request.env.user, lang=request.env.lang)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )

    @http.route(
        "/my/membership/<int:member_id>/consent/<int:consent_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_consent_withdraw(self, member_id, consent_id, **kw):
        member_sudo = self._mazpulki_member_check_access(member_id)
        consent_sudo = member_sudo.consent_ids.filtered(
            lambda c: c.id == consent_id and c.consent_type in PORTAL_WITHDRAWABLE and c.state == "given"
        )
        if not consent_sudo or not self._mazpulki_may_withdraw(member_sudo):
            raise NotFound()
        # sudo: read from the member's own consents above, after the portal's access and age checks
        consent_sudo._mazpulki_withdraw(request.env.user.partner_id)
        return request.redirect(f"/my/membership/{member_id}?withdrawn={consent_sudo.consent_type}")
