from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request

from .portal import MazpulkiPortal

ADULT_AGE = 18


class MazpulkiReenrolmentPortal(MazpulkiPortal):
    def _mazpulki_reenrolment_memberships(self):
        """``(year, memberships)``: the memberships of last year the logged-in user may continue into ``year``:
        their children's, and their own from 18. Returned with sudo, like ``_mazpulki_portal_members``."""
        Membership = request.env["mazpulki.membership"]
        year = Membership._mazpulki_reenrolment_year()
        if not year:
            return False, Membership.sudo()
        partner = request.env.user.partner_id
        today = fields.Date.context_today(Membership)
        members_sudo = self._mazpulki_portal_members().filtered(
            lambda m: partner in m.guardian_ids.guardian_id or (m == partner and m._mazpulki_age_on(today) >= ADULT_AGE)
        )
        # sudo: portal users read no membership records; the members were checked above
        memberships_sudo = Membership.sudo().search(
            [("member_id", "in", members_sudo.ids), ("year", "=", year - 1)], order="member_id"
        )
        return year, memberships_sudo.filtered(lambda m: m._mazpulki_can_reenrol(year))

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Only the membership pages show the re-enrolment banner: other portal pages pay nothing for it.
        if values.get("mazpulki_registry_person") and request.httprequest.path.startswith("/my/membership"):
            year, memberships_sudo = self._mazpulki_reenrolment_memberships()
            values["mazpulki_reenrolment_year"] = year
            values["mazpulki_reenrolment_pending"] = len(memberships_sudo.filtered(lambda m: not m.date_reenrolled))
        return values

    @http.route("/my/membership/reenrol", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_reenrolment(self, done=None, **kw):
        year, memberships_sudo = self._mazpulki_reenrolment_memberships()
        values = self._prepare_portal_layout_values()
        # sudo: the club list of the form is the public club finder's
        clubs_sudo = request.env["mazpulki.club"].sudo()._mazpulki_public_clubs()
        values.update(
            {
                "page_name": "mazpulki_reenrolment",
                "year": year,
                "memberships": memberships_sudo,
                "clubs": clubs_sudo,
                "error": {},
                "error_member_id": False,
                "done_member_id": int(done) if (done or "").isdigit() else False,
            }
        )
        return request.render("mazpulki_members.portal_my_reenrolment", values)

    @http.route("/my/membership/reenrol/<int:member_id>", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_reenrolment_confirm(self, member_id, **post):
        year, memberships_sudo = self._mazpulki_reenrolment_memberships()
        membership_sudo = memberships_sudo.filtered(lambda m: m.member_id.id == member_id)
        if not membership_sudo:
            raise NotFound()  # the same answer for "not yours", "not open" and "does not exist"
        clubs_sudo = request.env["mazpulki.club"].sudo()._mazpulki_public_clubs()
        error = {}
        club_id = int(post["club_id"]) if (post.get("club_id") or "").isdigit() else 0
        club_sudo = clubs_sudo.filtered(lambda c: c.id == club_id)
        if not club_sudo:
            error["club_id"] = request.env._("Choose a club.")
        if not post.get("consent_data_processing"):
            error["consent_data_processing"] = request.env._(
                "The consent to data processing is needed to continue as a member."
            )
        school = {name: (post.get(name) or "").strip() for name in ("school_name", "school_grade")}
        if any(len(value) > 100 for value in school.values()):
            error["school_name"] = request.env._("The school and the grade have at most 100 characters each.")
        if error:
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "page_name": "mazpulki_reenrolment",
                    "year": year,
                    "memberships": memberships_sudo,
                    "clubs": clubs_sudo,
                    "error": error,
                    "error_member_id": member_id,
                    "form": post,
                    "done_member_id": False,
                }
            )
            return request.render("mazpulki_members.portal_my_reenrolment", values)
        member_sudo = membership_sudo.member_id
        member_sudo.write({name: value or False for name, value in school.items()})
        membership_sudo._mazpulki_reenrol(
            year,
            club_sudo,
            request.env.user.partner_id,
            {"photo": bool(post.get("consent_photo")), "publication": bool(post.get("consent_publication"))},
        )
        return request.redirect(f"/my/membership/reenrol?done={member_id}")
