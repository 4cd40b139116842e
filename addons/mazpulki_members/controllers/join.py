import datetime
import logging
import unicodedata

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request
from odoo.tools import consteq

from ..models.mazpulki_member_application import APPLICATION_FORM_FIELDS

_logger = logging.getLogger(__name__)

# A field no person sees (hidden by the stylesheet, skipped by the keyboard and screen readers); a script filling
# every input fills it too. Such a submission is answered like a good one and nothing is created.
HONEYPOT_FIELD = "homepage"
CONSENT_FIELDS = ["consent_data_processing", "consent_photo", "consent_publication"]
DEFAULT_RATE_LIMIT = 5


class MazpulkiJoin(http.Controller):
    # --- the club finder ----------------------------------------------------

    @http.route("/clubs", type="http", auth="public", website=True, sitemap=True)
    def clubs(self, search="", region=None, **kw):
        """The club finder: every open club by region; ``search`` (words of a club's name, municipality, host or
        meeting place) and ``region`` (a region's id) narrow the list. Bad values are ignored, never an error."""
        # sudo: the club directory is public; the templates show only the club's published fields
        # (CLUB_PUBLIC_FIELDS), never a leader's
        clubs_sudo = request.env["mazpulki.club"].sudo()._mazpulki_public_clubs()
        local_sudo = clubs_sudo.filtered(lambda c: not c.is_online)
        region_options = local_sudo.region_id
        region_sudo = region_options.filtered(lambda r: str(r.id) == (region or ""))
        search = (search or "").strip()[:100]
        shown_sudo = local_sudo
        if region_sudo:
            shown_sudo = shown_sudo.filtered(lambda c: c.region_id == region_sudo)
        for word in self._club_search_fold(search).split():
            shown_sudo = shown_sudo.filtered(lambda c, word=word: word in self._club_search_text(c))
        regions = []
        for club in shown_sudo:
            if not regions or regions[-1][0] != club.region_id:
                regions.append((club.region_id, []))
            regions[-1][1].append(club)
        values = {
            "regions": regions,
            "online_clubs": clubs_sudo.filtered("is_online"),
            "club_slug": self._club_slug,
            "region_options": region_options,
            "region": region_sudo,
            "search": search,
            "club_count": len(shown_sudo),
            "is_filtered": bool(search or region_sudo),
        }
        return request.render("mazpulki_members.website_clubs", values)

    @staticmethod
    def _club_search_fold(text):
        """``text`` case-folded and without diacritics: "Kuldiga" finds "Kuldīga", as a phone's keyboard types it."""
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(char for char in decomposed if not unicodedata.combining(char))

    @classmethod
    def _club_search_text(cls, club):
        """What a visitor's search words are looked for in: the club's public name and places, folded."""
        parts = [club.name, club.municipality, club.meeting_place, club.host_partner_id.name, club.region_id.name]
        return cls._club_search_fold(" ".join(part for part in parts if part))

    # --- the enrolment form -------------------------------------------------

    @http.route(
        "/clubs/<string:club_slug>/join",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def club_join(self, club_slug, **post):
        club_sudo = self._club_from_slug(club_slug)
        values = {"club": club_sudo, "club_slug": self._club_slug, "form": {"applicant": "guardian"}, "error": {}}
        if request.httprequest.method == "POST":
            if post.get(HONEYPOT_FIELD):
                _logger.info("Enrolment form: a submission filled the hidden field; nothing created")
                return request.redirect("/clubs/thanks")
            if self._rate_limited():
                values.update(
                    form=post,
                    error_message=request.env._(
                        "Too many applications were sent from your network in the last hour. Please try again later "
                        "or write to the club."
                    ),
                )
                return request.render("mazpulki_members.website_club_join", values, status=429)
            vals = self._application_values(post)
            Application = request.env["mazpulki.member.application"]
            error = Application._mazpulki_form_errors(vals, club=club_sudo)
            if error:
                values.update(form=post, error=error)
                return request.render("mazpulki_members.website_club_join", values)
            # sudo: public visitors have no access to applications; the values are the validated form fields
            # only, and the visitor reads nothing back (the thank-you page shows no data)
            application_sudo = Application.sudo().create(
                {
                    **vals,
                    "club_id": club_sudo.id,
                    "applicant_ip": request.httprequest.remote_addr,
                    "lang": request.env.lang,
                }
            )
            application_sudo._mazpulki_send(
                application_sudo.env.ref("mazpulki_members.mail_template_application_received")
            )
            if application_sudo.needs_guardian_confirmation:
                application_sudo._portal_ensure_token()
                application_sudo._mazpulki_send(
                    application_sudo.env.ref("mazpulki_members.mail_template_application_guardian_confirm")
                )
            return request.redirect("/clubs/thanks")
        return request.render("mazpulki_members.website_club_join", values)

    @http.route("/clubs/thanks", type="http", auth="public", website=True, sitemap=False)
    def club_join_thanks(self, **kw):
        return request.render("mazpulki_members.website_club_join_thanks", {})

    @http.route(
        "/clubs/application/<int:application_id>/confirm",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def club_application_confirm(self, application_id, access_token=None, **kw):
        """The guardian confirms the application of a young person of 13 to 17, from the link in the e-mail."""
        # sudo: the access token of the e-mailed link is the check; without it the page does not exist
        application_sudo = request.env["mazpulki.member.application"].sudo().browse(application_id).exists()
        if (
            not application_sudo
            or not access_token
            or not application_sudo.access_token
            or not consteq(application_sudo.access_token, access_token)
            or not application_sudo.needs_guardian_confirmation
        ):
            raise NotFound()
        confirmed = False
        if request.httprequest.method == "POST" and application_sudo.state == "new":
            confirmed = application_sudo._mazpulki_confirm_by_guardian()
        values = {"application": application_sudo, "access_token": access_token, "confirmed": confirmed}
        return request.render("mazpulki_members.website_club_application_confirm", values)

    # --- a guardian on file confirms a new guardian ---------------------------

    @http.route(
        "/guardian/request/<int:link_id>/<int:partner_id>",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def guardian_request(self, link_id, partner_id, token=None, answer=None, reason=None, **kw):
        """A guardian on file (or the member, 18 or older) confirms or declines that an adult is also a guardian
        of the member, from the link e-mailed to them only."""
        # sudo: the signed token of the e-mailed link is the check (it names the link and the recipient, and only
        # the recipients the request went to pass); without it the page does not exist
        link_sudo = request.env["mazpulki.guardian"].sudo().with_context(active_test=False).browse(link_id).exists()
        partner_sudo = request.env["res.partner"].sudo().browse(partner_id).exists()
        if not link_sudo or not partner_sudo:
            raise NotFound()
        answered = None
        if link_sudo.state == "pending":
            if not link_sudo._mazpulki_check_request_token(partner_sudo, token):
                raise NotFound()
            if request.httprequest.method == "POST" and answer in ("confirm", "decline"):
                link_sudo._mazpulki_answer_request(
                    partner_sudo, answer == "confirm", reason=(reason or "").strip()[:500]
                )
                answered = answer
        elif not token or not consteq(link_sudo._mazpulki_request_token(partner_sudo), token):
            raise NotFound()
        values = {"link": link_sudo, "recipient": partner_sudo, "token": token, "answered": answered}
        return request.render("mazpulki_members.website_guardian_request", values)

    # --- helpers ------------------------------------------------------------

    @staticmethod
    def _club_slug(club):
        return request.env["ir.http"]._slug((club.id, club.name))

    def _club_from_slug(self, club_slug):
        _name, club_id = request.env["ir.http"]._unslug(club_slug)
        # sudo: as on the club finder, only the published fields of an open club are shown
        club_sudo = request.env["mazpulki.club"].sudo().browse(club_id or 0).exists()
        if not club_sudo or club_sudo not in club_sudo._mazpulki_public_clubs():
            raise NotFound()
        return club_sudo

    def _rate_limited(self):
        """More applications from this address in the last hour than the office allows."""
        limit = int(
            request.env["ir.config_parameter"].sudo().get_param("mazpulki_members.application_rate_limit")
            or DEFAULT_RATE_LIMIT
        )
        since = fields.Datetime.now() - datetime.timedelta(hours=1)
        # sudo: counting the sender's recent applications is the rate limit; nothing is read back
        count = (
            request.env["mazpulki.member.application"]
            .sudo()
            .search_count([("applicant_ip", "=", request.httprequest.remote_addr), ("create_date", ">=", since)])
        )
        if count >= limit:
            _logger.info("Enrolment form: rate limit reached for %s", request.httprequest.remote_addr)
            return True
        return False

    def _application_values(self, post):
        """The form's fields, trimmed; the consents as booleans; an unknown field is dropped."""
        vals = {}
        for fname in APPLICATION_FORM_FIELDS:
            if fname in CONSENT_FIELDS:
                vals[fname] = bool(post.get(fname))
            else:
                vals[fname] = (post.get(fname) or "").strip() or False
        if vals["applicant"] not in ("guardian", "member"):
            vals["applicant"] = "guardian"
        if vals["guardian_relation"] not in ("mother", "father", "grandparent", "legal_guardian", "other"):
            vals["guardian_relation"] = "other" if vals["guardian_name"] else False
        try:
            vals["birthdate_date"] = fields.Date.to_date(vals["birthdate_date"]) if vals["birthdate_date"] else False
        except ValueError:
            vals["birthdate_date"] = False
        return vals
