from urllib.parse import urlencode

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.mazpulki_members.controllers.portal import pdf_download
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

APPLICATION_FORM_FIELDS = ["name", "goal", "plan", "expected_result"]
REPORT_FORM_FIELDS = ["report_done", "report_results", "report_learned", "report_hours"]
PROJECTS_PER_PAGE = 20


class MazpulkiProjectPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_project_count" in counters:
            Project = request.env["mazpulki.project"]
            values["mazpulki_project_count"] = Project.search_count([]) if Project.has_access("read") else 0
        return values

    # --- helpers -----------------------------------------------------------

    def _mazpulki_project_check_access(self, project_id, access_token=None):
        """The project as sudo when the user may read it; 404 otherwise (nothing told about others' projects)."""
        try:
            project_sudo = self._document_check_access("mazpulki.project", project_id, access_token)
        except (AccessError, MissingError):
            raise NotFound() from None
        # sudo as the user, not OdooBot: what the member does (submit, report) is recorded as theirs
        return project_sudo.with_user(request.env.user).sudo()

    def _mazpulki_project_published(self, project_sudo):
        """What the page may show of the team: ``(members named, evidence shown)``.

        Everything for those who may read the project (the team, their guardians, leaders, the office).
        Through the shared link only what the families consented to publish, read now: a withdrawn
        consent takes a name, the photos and a certificate off the page at once.
        """
        team_sudo = project_sudo.member_ids
        if request.env["mazpulki.project"].browse(project_sudo.id).has_access("read"):
            return team_sudo, True
        Consent = request.env["mazpulki.consent"]
        named_sudo = Consent._mazpulki_consented(team_sudo, "publication")
        with_photos_sudo = Consent._mazpulki_consented(team_sudo, "photo")
        return named_sudo, named_sudo == team_sudo and with_photos_sudo == team_sudo

    def _mazpulki_applicants(self):
        """The members the user may apply for: themselves (13+, or with consent) and their wards."""
        # The same people as on "My membership" (mazpulki_members' portal controller).
        return self._mazpulki_portal_members()

    def _mazpulki_render_application(self, theme_sudo, project_sudo=None, form=None, error=None, applicants=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mazpulki_project",
                "theme": theme_sudo,
                "project": project_sudo,
                "applicants": applicants if applicants is not None else self._mazpulki_applicants(),
                "form": form or {},
                "error": error or {},
                "error_message": (error or {}).get("_general"),
            }
        )
        return request.render("mazpulki_projects.portal_project_application", values)

    # --- list and detail ---------------------------------------------------

    @http.route(["/my/projects", "/my/projects/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_projects(self, page=1, **kw):
        Project = request.env["mazpulki.project"]
        count = Project.search_count([])
        pager = portal_pager(url="/my/projects", total=count, page=page, step=PROJECTS_PER_PAGE)
        projects = Project.search([], limit=PROJECTS_PER_PAGE, offset=pager["offset"])
        # sudo: themes of the projects just read with the user's rights, and the open ones (public on the website)
        themes_sudo = request.env["mazpulki.project.theme"].sudo().search([("is_open", "=", True)])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "projects": projects.sudo(),  # sudo: read above with the user's rights; related names for display
                "open_themes": themes_sudo,
                "can_apply": bool(self._mazpulki_applicants()),
                "pager": pager,
                "page_name": "mazpulki_project",
                "default_url": "/my/projects",
            }
        )
        return request.render("mazpulki_projects.portal_my_projects", values)

    @http.route("/my/projects/<int:project_id>", type="http", auth="public", website=True)
    def portal_my_project(self, project_id, access_token=None, **kw):
        project_sudo = self._mazpulki_project_check_access(project_id, access_token)
        values = self._prepare_portal_layout_values()
        show_reviews = project_sudo.state in ("evaluated", "completed")
        named_sudo, show_evidence = self._mazpulki_project_published(project_sudo)
        values.update(
            {
                "project": project_sudo,
                "mazpulki_named_members": named_sudo,
                "mazpulki_show_evidence": show_evidence,
                "reviews": project_sudo.review_ids if show_reviews else project_sudo.review_ids.browse(),
                "page_name": "mazpulki_project",
                "message": kw.get("message"),
                "error_message": kw.get("error"),
            }
        )
        return request.render("mazpulki_projects.portal_my_project", values)

    # --- application -------------------------------------------------------

    @http.route("/my/projects/new/<int:theme_id>", type="http", auth="user", website=True, methods=["GET"])
    def portal_project_new(self, theme_id, **kw):
        # sudo: an open theme is public
        theme_sudo = request.env["mazpulki.project.theme"].sudo().browse(theme_id).exists()
        if not theme_sudo or not theme_sudo.is_published:
            raise NotFound()
        if not theme_sudo.is_open:
            # Outside the theme's window: its dates and the open themes, not a form that cannot be sent.
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "page_name": "mazpulki_project",
                    "theme": theme_sudo,
                    "not_yet_open": fields.Date.context_today(theme_sudo) < theme_sudo.date_open,
                    # sudo: the open themes are public (the website lists them)
                    "open_themes": theme_sudo.search([("is_open", "=", True)]),
                }
            )
            return request.render("mazpulki_projects.portal_project_applications_closed", values)
        applicants = self._mazpulki_applicants()
        return self._mazpulki_render_application(
            theme_sudo, form={"member_id": str(applicants[:1].id)}, applicants=applicants
        )

    @http.route("/my/projects/<int:project_id>/edit", type="http", auth="user", website=True, methods=["GET"])
    def portal_project_edit(self, project_id, **kw):
        project_sudo = self._mazpulki_project_check_access(project_id)
        if not project_sudo._mazpulki_is_application_editable():
            return request.redirect(project_sudo.access_url)
        form = {name: project_sudo[name] or "" for name in APPLICATION_FORM_FIELDS}
        return self._mazpulki_render_application(project_sudo.theme_id, project_sudo, form=form)

    @http.route("/my/projects/save", type="http", auth="user", website=True, methods=["POST"])
    def portal_project_save(self, **post):
        """Save a draft (``save``) or save and submit (``submit``); on any error, show the form with what was typed."""
        project_sudo = None
        if post.get("project_id"):
            project_sudo = self._mazpulki_project_check_access(int(post["project_id"]))
            if not project_sudo._mazpulki_is_application_editable():
                return request.redirect(project_sudo.access_url)
            theme_sudo = project_sudo.theme_id
        else:
            # sudo: an open theme is public
            theme_sudo = request.env["mazpulki.project.theme"].sudo().browse(int(post.get("theme_id") or 0)).exists()
            if not theme_sudo or not theme_sudo.is_published:
                raise NotFound()
        applicants = self._mazpulki_applicants()
        form = {name: (post.get(name) or "").strip() for name in APPLICATION_FORM_FIELDS}
        form["member_id"] = post.get("member_id") or ""
        error = {}
        if not form["name"]:
            error["name"] = request.env._("Give the project a title.")
        member_sudo = None
        if not project_sudo:
            member_sudo = applicants.filtered(lambda m: str(m.id) == form["member_id"])
            if not member_sudo:
                error["member_id"] = request.env._("Choose the member who carries out the project.")
        today = fields.Date.context_today(theme_sudo)
        if not project_sudo and not theme_sudo.date_open <= today <= theme_sudo.date_close:
            error["_general"] = request.env._(
                "Applications for %(theme)s are accepted from %(open)s to %(close)s.",
                theme=theme_sudo.name,
                open=theme_sudo.date_open,
                close=theme_sudo.date_close,
            )
        if error:
            return self._mazpulki_render_application(theme_sudo, project_sudo, form, error, applicants)
        vals = {name: form[name] or False for name in APPLICATION_FORM_FIELDS}
        if project_sudo:
            project_sudo.write(vals)
        else:
            club = member_sudo.mazpulki_club_id
            # sudo: a portal user cannot create through the ORM; the applicant was checked above
            project_sudo = (
                request.env["mazpulki.project"]
                .sudo()
                .create(
                    {
                        **vals,
                        "kind": "member",
                        "theme_id": theme_sudo.id,
                        "year": theme_sudo.year,
                        "club_id": club.id,
                        "member_ids": [fields.Command.set(member_sudo.ids)],
                    }
                )
            )
            project_sudo.message_subscribe(partner_ids=request.env.user.partner_id.ids)
        if post.get("action") == "submit":
            try:
                project_sudo.action_submit()
            except (UserError, ValidationError) as e:
                # The draft is kept; the form shows the reason and what was typed.
                error["_general"] = str(e)
                return self._mazpulki_render_application(theme_sudo, project_sudo, form, error, applicants)
            return request.redirect(f"{project_sudo.access_url}?message=submitted")
        return request.redirect(f"{project_sudo.access_url}?message=saved")

    @http.route("/my/projects/<int:project_id>/abandon", type="http", auth="user", website=True, methods=["POST"])
    def portal_project_abandon(self, project_id, **post):
        project_sudo = self._mazpulki_project_check_access(project_id)
        try:
            project_sudo.action_abandon()
        except UserError as e:
            return request.redirect(f"{project_sudo.access_url}?{urlencode({'error': str(e)})}")
        return request.redirect(project_sudo.access_url)

    # --- report ------------------------------------------------------------

    @http.route("/my/projects/<int:project_id>/report", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_project_report(self, project_id, **post):
        project_sudo = self._mazpulki_project_check_access(project_id)
        if not project_sudo._mazpulki_is_report_editable():
            return request.redirect(project_sudo.access_url)
        error = {}
        if request.httprequest.method == "POST":
            form = {name: (post.get(name) or "").strip() for name in REPORT_FORM_FIELDS}
            vals = {name: form[name] or False for name in REPORT_FORM_FIELDS if name != "report_hours"}
            try:
                vals["report_hours"] = float((form["report_hours"] or "0").replace(",", "."))
                if vals["report_hours"] < 0:
                    raise ValueError
            except ValueError:
                error["report_hours"] = request.env._("Enter the hours spent as a number, e.g. 12 or 7.5.")
            files = [
                (upload.filename, upload.read())
                for upload in request.httprequest.files.getlist("evidence")
                if upload and upload.filename
            ]
            if not error:
                try:
                    with request.env.cr.savepoint():
                        project_sudo.write(vals)
                        if files:
                            project_sudo._mazpulki_add_evidence(files)
                        if post.get("action") == "submit":
                            project_sudo.action_submit_report()
                except (UserError, ValidationError) as e:
                    # Nothing is saved; the form shows what was typed (files must be chosen again).
                    error["_general"] = str(e)
            if not error:
                message = "report_submitted" if post.get("action") == "submit" else "report_saved"
                return request.redirect(f"{project_sudo.access_url}?message={message}")
        else:
            form = {name: project_sudo[name] or "" for name in REPORT_FORM_FIELDS}
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "project": project_sudo,
                "form": form,
                "error": error,
                "error_message": error.get("_general"),
                "page_name": "mazpulki_project",
            }
        )
        return request.render("mazpulki_projects.portal_project_report", values)

    @http.route("/my/projects/<int:project_id>/evidence/<int:attachment_id>", type="http", auth="public", website=True)
    def portal_project_evidence(self, project_id, attachment_id, access_token=None, **kw):
        project_sudo = self._mazpulki_project_check_access(project_id, access_token)
        attachment_sudo = project_sudo.evidence_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment_sudo or not self._mazpulki_project_published(project_sudo)[1]:
            raise NotFound()
        # Always a download, with the type sniffed at upload: never rendered as a page.
        return request.make_response(
            attachment_sudo.raw,
            headers=[
                ("Content-Type", attachment_sudo.mimetype or "application/octet-stream"),
                ("Content-Disposition", content_disposition(attachment_sudo.name)),
                ("X-Content-Type-Options", "nosniff"),
                ("Content-Security-Policy", "default-src 'none'"),
            ],
        )

    @http.route("/my/projects/<int:project_id>/certificate/<int:member_id>", type="http", auth="public", website=True)
    def portal_project_certificate(self, project_id, member_id, access_token=None, **kw):
        project_sudo = self._mazpulki_project_check_access(project_id, access_token)
        named_sudo, _show_evidence = self._mazpulki_project_published(project_sudo)
        if project_sudo.state != "completed" or member_id not in named_sudo.ids:
            raise NotFound()
        # sudo: access to the project was checked above; reports render as superuser as in portal._show_report
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_context(mazpulki_certificate_member_ids=[member_id])
            ._render_qweb_pdf("mazpulki_projects.action_report_project_certificate", project_sudo.ids)
        )
        member_sudo = project_sudo.member_ids.filtered(lambda m: m.id == member_id)
        filename = f"{project_sudo._get_report_base_filename()} - {member_sudo.name}.pdf"
        return pdf_download(pdf, filename)
