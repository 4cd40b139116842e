from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request
from odoo.tools.mail import single_email_re

from odoo.addons.portal.controllers.portal import CustomerPortal


def pdf_download(pdf, filename):
    """A rendered PDF as a download named ``filename``: the suite's cards and certificates on the portal."""
    return request.make_response(
        pdf,
        headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )


# What a member (13+) or a guardian may change on the portal; everything
# else is kept by the club leader and the office.
MEMBER_PORTAL_FIELDS = ["phone", "email", "street", "city", "zip", "school_name", "school_grade"]

# Odoo's "My account" page (/my/account) for a member or a guardian: their
# contact details only. The name (like the birth date and the club) is the
# registry's, kept by the club leader and the office; company name and VAT
# number mean nothing for a child or a parent.
REGISTRY_ACCOUNT_MANDATORY_FIELDS = ["email"]
REGISTRY_ACCOUNT_OPTIONAL_FIELDS = ["phone", "street", "street2", "city", "zipcode", "state_id", "country_id"]
REGISTRY_ACCOUNT_READONLY_FIELDS = ["name", "company_name", "vat"]


class MazpulkiPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_member_count" in counters:
            values["mazpulki_member_count"] = len(self._mazpulki_portal_members())
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["mazpulki_registry_person"] = self._mazpulki_is_registry_person()
        return values

    def _mazpulki_is_registry_person(self):
        """Is the logged-in user a member or a guardian in the registry?"""
        # sudo: portal users cannot read the guardian links; only their own partner is looked at
        partner_sudo = request.env.user.partner_id.sudo()
        return bool(partner_sudo.is_mazpulki_member or partner_sudo.ward_ids)

    def _get_mandatory_fields(self):
        if self._mazpulki_is_registry_person():
            return list(REGISTRY_ACCOUNT_MANDATORY_FIELDS)
        return super()._get_mandatory_fields()

    def _get_optional_fields(self):
        if self._mazpulki_is_registry_person():
            return list(REGISTRY_ACCOUNT_OPTIONAL_FIELDS)
        return super()._get_optional_fields()

    def details_form_validate(self, data, partner_creation=False):
        if partner_creation or not self._mazpulki_is_registry_person():
            return super().details_form_validate(data, partner_creation=partner_creation)
        partner = request.env.user.partner_id
        readonly_error = False
        for fname in REGISTRY_ACCOUNT_READONLY_FIELDS:
            # The form does not send them; a forged value is refused, an unchanged one ignored.
            value = (data.pop(fname, None) or "").strip()
            current = partner.commercial_company_name if fname == "company_name" else partner[fname]
            if value and value != (current or ""):
                readonly_error = True
        error, error_message = super().details_form_validate(data, partner_creation=partner_creation)
        if readonly_error:
            error["name"] = "error"
            error_message.append(
                request.env._(
                    "Your name, birth date and club are kept in the Mazpulki registry: "
                    "ask your club leader or the office to correct them."
                )
            )
        own_error = self._mazpulki_validate_portal_values(
            {
                "email": (data.get("email") or "").strip(),
                "phone": (data.get("phone") or "").strip(),
                "zip": (data.get("zipcode") or "").strip(),
            }
        )
        for fname, message in own_error.items():
            if fname == "email" and error.get("email"):
                continue  # Odoo's own check already said so
            error[fname] = "error"
            error_message.append(message)
        return error, error_message

    def _mazpulki_portal_members(self):
        """The members whose membership the logged-in user may see.

        Themselves when they are a member old enough for the portal (13+, or
        younger with a guardian's consent), and every child they are a
        guardian of. This is the portal's access check: the records are
        returned with sudo because portal users cannot read members through
        the ORM.
        """
        # sudo: portal users have no ORM access to members; the filter below is the check
        partner_sudo = request.env.user.partner_id.sudo()
        members_sudo = partner_sudo.ward_ids.member_id
        if partner_sudo.is_mazpulki_member and partner_sudo._mazpulki_is_portal_allowed():
            members_sudo |= partner_sudo
        return members_sudo.filtered(lambda m: m.is_mazpulki_member and m.active)

    def _mazpulki_member_check_access(self, member_id, members_sudo=None):
        if members_sudo is None:
            members_sudo = self._mazpulki_portal_members()
        member_sudo = members_sudo.filtered(lambda m: m.id == member_id)
        if not member_sudo:
            # Same answer for "does not exist" and "not yours": nothing leaks.
            raise NotFound()
        return member_sudo

    @http.route("/my/membership", type="http", auth="user", website=True)
    def portal_my_memberships(self, **kw):
        members_sudo = self._mazpulki_portal_members()
        own_partner = request.env.user.partner_id
        # A member goes straight to their own page; a parent sees the list of their children.
        if members_sudo == own_partner:
            return request.redirect(f"/my/membership/{members_sudo.id}")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "members": members_sudo,
                "page_name": "mazpulki_membership",
                "mazpulki_guardian_only": own_partner not in members_sudo,
            }
        )
        return request.render("mazpulki_members.portal_my_memberships", values)

    @http.route("/my/membership/<int:member_id>", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_membership(self, member_id, **post):
        members_sudo = self._mazpulki_portal_members()
        member_sudo = self._mazpulki_member_check_access(member_id, members_sudo)
        error, saved = {}, False
        if request.httprequest.method == "POST":
            vals = {name: (post.get(name) or "").strip() for name in MEMBER_PORTAL_FIELDS}
            error = self._mazpulki_validate_portal_values(vals)
            if not error:
                member_sudo.write({name: value or False for name, value in vals.items()})
                saved = True
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "member": member_sudo,
                "card": member_sudo.mazpulki_card_id,
                "page_name": "mazpulki_membership",
                "several_members": len(members_sudo) > 1,
                "mazpulki_own": member_sudo == request.env.user.partner_id,
                "mazpulki_guardian_only": request.env.user.partner_id not in members_sudo,
                # On an error, show what was typed, not what is stored.
                "form": post if error else {name: member_sudo[name] or "" for name in MEMBER_PORTAL_FIELDS},
                "error": error,
                "saved": saved,
            }
        )
        return request.render("mazpulki_members.portal_my_membership", values)

    @http.route("/my/membership/<int:member_id>/card", type="http", auth="user", website=True)
    def portal_my_membership_card(self, member_id, **kw):
        member_sudo = self._mazpulki_member_check_access(member_id)
        if not member_sudo.mazpulki_card_id:
            raise NotFound()
        # sudo: access to this member was checked above; reports render as superuser as in portal._show_report
        pdf, _report_type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("mazpulki_members.action_report_member_card", member_sudo.ids)
        )
        filename = f"Mazpulki-{member_sudo.member_number}.pdf"
        return pdf_download(pdf, filename)

    def _mazpulki_validate_portal_values(self, vals):
        error = {}
        if vals["email"] and not single_email_re.match(vals["email"]):
            error["email"] = request.env._("Enter a valid e-mail address, e.g. vards@example.lv.")
        if vals["phone"] and sum(c.isdigit() for c in vals["phone"]) < 8:
            error["phone"] = request.env._("Enter a phone number with at least 8 digits.")
        if vals["zip"] and len(vals["zip"]) > 10:
            error["zip"] = request.env._("A postal code has at most 10 characters, e.g. LV-1050.")
        return error
