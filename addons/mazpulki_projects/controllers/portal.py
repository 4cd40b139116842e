from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from werkzeug.exceptions import NotFound

from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.mazpulki_members.controllers.portal import pdf_download
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

APPLICATION_FORM_FIELDS = ["name", "goal", "plan", "expected_result"]
REPORT_FORM_FIELDS = ["report_done", "report_results", "report_learned", "report_hours"]
PROJECTS_PER_PAGE = 20
# The budget on the portal form: rows of an item and its amount in euros.
BUDGET_MAX_ROWS = 30
BUDGET_MIN_ROWS = 3
BUDGET_ITEM_MAX_LENGTH = 100
BUDGET_AMOUNT_MAX = Decimal("100000")


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

    def _mazpulki_teammate_choices(self, theme_sudo, project_sudo, applicants):
        """The team-mates the form offers, per club: ``[(club, members)]``, read with sudo (names only shown).

        Only the applicant's own club: the club of the project, or of each member the user may apply for.
        Nobody from another club is ever listed; an individual theme lists nobody.
        """
        if theme_sudo.participation == "individual":
            return []
        if project_sudo:
            clubs, exclude = project_sudo.club_id, project_sudo.member_ids
        else:
            clubs = applicants.mazpulki_club_id
            # a single applicant is not their own team-mate; with several, the chosen one is dropped on saving
            exclude = applicants if len(applicants) == 1 else applicants.browse()
        # sudo: portal users cannot read members; the club is the applicant's own, and only names are shown
        Partner = request.env["res.partner"].sudo()
        choices = []
        for club in clubs:
            members = Partner.search(
                [("is_mazpulki_member", "=", True), ("mazpulki_club_id", "=", club.id), ("id", "not in", exclude.ids)],
                order="name, id",
            )
            if members:
                choices.append((club, members))
        return choices

    def _mazpulki_budget_rows(self, form, extra=0):
        """The budget rows to show: what was typed or stored, then empty rows (at least one, three in all)."""
        rows = list(form.get("budget") or [])
        empty = max(1 + extra, BUDGET_MIN_ROWS - len(rows))
        return rows + [{"id": "", "name": "", "amount": ""} for _i in range(min(empty, BUDGET_MAX_ROWS - len(rows)))]

    def _mazpulki_format_amount(self, amount):
        decimal_point = request.env["res.lang"]._get_data(code=request.env.lang or "en_US").decimal_point or "."
        return f"{amount:.2f}".replace(".", decimal_point)

    def _mazpulki_parse_amount(self, text):
        """``text`` as euros (``Decimal``, 2 places), or None when it is not an amount from 0.01 to 100,000."""
        cleaned = text.replace("€", "").replace("EUR", "").replace(" ", "").replace("\xa0", "").replace(",", ".")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            return None
        if (
            not amount.is_finite()
            or amount <= 0
            or amount > BUDGET_AMOUNT_MAX
            or amount != amount.quantize(Decimal("0.01"))
        ):
            return None
        return amount.quantize(Decimal("0.01"))

    def _mazpulki_read_budget(self, post, error):
        """The budget rows of the form: ``(rows as typed, valid lines)``; errors go into ``error``.

        A row is an item and an amount in euros ("25", "12,50", "12.50 €"); an empty row is skipped.
        """
        try:
            count = min(max(int(post.get("budget_rows") or 0), 0), BUDGET_MAX_ROWS)
        except ValueError:
            count = 0
        rows, lines = [], []
        for index in range(count):
            row = {
                "id": (post.get(f"budget_id_{index}") or "").strip(),
                "name": (post.get(f"budget_name_{index}") or "").strip(),
                "amount": (post.get(f"budget_amount_{index}") or "").strip(),
            }
            if not row["name"] and not row["amount"]:
                continue
            rows.append(row)
            position = len(rows) - 1
            if not row["name"]:
                error[f"budget_name_{position}"] = request.env._("Name the item, e.g. Seeds.")
            elif len(row["name"]) > BUDGET_ITEM_MAX_LENGTH:
                error[f"budget_name_{position}"] = request.env._(
                    "An item's name has at most %s characters.", BUDGET_ITEM_MAX_LENGTH
                )
            amount = self._mazpulki_parse_amount(row["amount"])
            if amount is None:
                error[f"budget_amount_{position}"] = request.env._(
                    "Enter the amount in euros, from 0.01 to 100000, e.g. 25 or 12,50."
                )
            lines.append({"id": row["id"], "name": row["name"], "amount": amount})
        return rows, lines

    def _mazpulki_budget_commands(self, project_sudo, lines):
        """x2many commands making ``project_sudo``'s budget the form's ``lines``: changed lines are updated,
        unchanged ones kept as they are (quantity and funding set in the back office stay), the rest removed."""
        existing = project_sudo.budget_line_ids if project_sudo else request.env["mazpulki.project.budget.line"]
        kept = set()
        commands = []
        for sequence, line in enumerate(lines, start=1):
            record = existing.filtered(lambda r, line_id=line["id"]: str(r.id) == line_id)
            if record and record.id not in kept:
                kept.add(record.id)
                if record.name != line["name"] or Decimal(f"{record.amount:.2f}") != line["amount"]:
                    vals = {"name": line["name"], "quantity": 1.0, "unit_price": float(line["amount"])}
                    commands.append(Command.update(record.id, {**vals, "sequence": sequence}))
                elif record.sequence != sequence:
                    commands.append(Command.update(record.id, {"sequence": sequence}))
            else:
                commands.append(
                    Command.create(
                        {
                            "name": line["name"],
                            "quantity": 1.0,
                            "unit_price": float(line["amount"]),
                            "sequence": sequence,
                        }
                    )
                )
        commands += [Command.delete(record.id) for record in existing if record.id not in kept]
        return commands

    def _mazpulki_form_of_project(self, project_sudo):
        form = {name: project_sudo[name] or "" for name in APPLICATION_FORM_FIELDS}
        form["teammate_ids"] = [str(member.id) for member in project_sudo.proposed_member_ids]
        form["budget"] = [
            {"id": str(line.id), "name": line.name, "amount": self._mazpulki_format_amount(line.amount)}
            for line in project_sudo.budget_line_ids
        ]
        return form

    def _mazpulki_render_application(
        self, theme_sudo, project_sudo=None, form=None, error=None, applicants=None, extra_rows=0
    ):
        form = form or {}
        applicants = applicants if applicants is not None else self._mazpulki_applicants()
        budget_total = sum(
            (amount for row in form.get("budget") or [] if (amount := self._mazpulki_parse_amount(row["amount"]))),
            Decimal(0),
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mazpulki_project",
                "theme": theme_sudo,
                "project": project_sudo,
                "applicants": applicants,
                "teammate_choices": self._mazpulki_teammate_choices(theme_sudo, project_sudo, applicants),
                "budget_rows": self._mazpulki_budget_rows(form, extra=extra_rows),
                "budget_total": self._mazpulki_format_amount(budget_total),
                "budget_max": self._mazpulki_format_amount(theme_sudo.budget_max) if theme_sudo.budget_max else "",
                "form": form,
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
        return self._mazpulki_render_application(
            project_sudo.theme_id, project_sudo, form=self._mazpulki_form_of_project(project_sudo)
        )

    @http.route("/my/projects/save", type="http", auth="user", website=True, methods=["POST"])
    def portal_project_save(self, **post):
        """Save a draft (``save``), save and submit (``submit``), or show one more budget row (``add_line``).

        Nothing is saved unless everything is: on any error (a field, a budget row, a refused submission)
        the form comes back with what was typed and no draft is created. Sending a new application again
        (the back button, a double tap) updates the member's draft of the same theme and title instead of
        making a second one. Team-mates are chosen from the applicant's club only; they wait for the club
        leader's confirmation (``proposed_member_ids``).
        """
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
        action = post.get("action")
        applicants = self._mazpulki_applicants()
        form = {name: (post.get(name) or "").strip() for name in APPLICATION_FORM_FIELDS}
        form["member_id"] = post.get("member_id") or ""
        form["teammate_ids"] = request.httprequest.form.getlist("teammate_ids")
        error = {}
        form["budget"], budget_lines = self._mazpulki_read_budget(post, error)
        if action == "add_line":
            return self._mazpulki_render_application(theme_sudo, project_sudo, form, error, applicants, extra_rows=1)
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
        teammates_sudo = self._mazpulki_read_teammates(form, theme_sudo, project_sudo, member_sudo, applicants, error)
        if error:
            return self._mazpulki_render_application(theme_sudo, project_sudo, form, error, applicants)
        if not project_sudo:
            # The same application sent again: the member's draft of this theme and title, not a second draft.
            # sudo: the applicant was checked above as the user's own family
            project_sudo = (
                request.env["mazpulki.project"]
                .sudo()
                .search(
                    [
                        ("theme_id", "=", theme_sudo.id),
                        ("member_ids", "in", member_sudo.ids),
                        ("state", "in", ("draft", "returned")),
                        ("name", "=", form["name"]),
                    ],
                    limit=1,
                )
            ) or None
        vals = {name: form[name] or False for name in APPLICATION_FORM_FIELDS}
        vals["proposed_member_ids"] = [Command.set(teammates_sudo.ids)]
        try:
            with request.env.cr.savepoint():
                if project_sudo:
                    vals["budget_line_ids"] = self._mazpulki_budget_commands(project_sudo, budget_lines)
                    project_sudo.write(vals)
                    saved_sudo = project_sudo
                else:
                    vals["budget_line_ids"] = self._mazpulki_budget_commands(None, budget_lines)
                    # sudo: a portal user cannot create through the ORM; the applicant was checked above
                    saved_sudo = (
                        request.env["mazpulki.project"]
                        .sudo()
                        .create(
                            {
                                **vals,
                                "kind": "member",
                                "theme_id": theme_sudo.id,
                                "year": theme_sudo.year,
                                "club_id": member_sudo.mazpulki_club_id.id,
                                "member_ids": [Command.set(member_sudo.ids)],
                            }
                        )
                    )
                    saved_sudo.message_subscribe(partner_ids=request.env.user.partner_id.ids)
                if action == "submit":
                    saved_sudo.action_submit()
        except (UserError, ValidationError) as e:
            # Nothing is saved (no draft is left behind); the form shows the reason and what was typed.
            error["_general"] = str(e)
            return self._mazpulki_render_application(theme_sudo, project_sudo, form, error, applicants)
        message = "submitted" if action == "submit" else "saved"
        return request.redirect(f"{saved_sudo.access_url}?message={message}")

    def _mazpulki_read_teammates(self, form, theme_sudo, project_sudo, member_sudo, applicants, error):
        """The team-mates chosen on the form, as sudo partners; only members of the applicant's club offered
        by ``_mazpulki_teammate_choices``. Anything else (another club, a forged id) is an error."""
        Partner = request.env["res.partner"].sudo()
        if not form["teammate_ids"]:
            return Partner
        if not project_sudo and not member_sudo:
            return Partner  # the member error is already shown
        club = project_sudo.club_id if project_sudo else member_sudo.mazpulki_club_id
        offered = Partner.browse()
        for choice_club, members in self._mazpulki_teammate_choices(theme_sudo, project_sudo, applicants):
            if choice_club == club:
                offered = members
        applicant = project_sudo.member_ids if project_sudo else member_sudo
        chosen = offered.filtered(lambda m: str(m.id) in form["teammate_ids"]) - applicant
        wanted = set(form["teammate_ids"]) - {str(m.id) for m in applicant}
        if len(chosen) != len(wanted):
            error["teammate_ids"] = request.env._(
                "Team-mates are chosen from the club of the member who carries out the project, %s.", club.name
            )
        return chosen

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
        # Only one's own family's certificates: the member themself or a guardian's proved children
        # (a team-mate's family reads the project, never another family's certificate).
        member_sudo = project_sudo._mazpulki_certificate_members().filtered(lambda m: m.id == member_id)
        if not member_sudo:
            raise NotFound()
        # sudo: access to the project and the member was checked above; reports render as superuser as in
        # portal._show_report (env.user stays the caller, so the report narrows to the family again)
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_context(mazpulki_certificate_member_ids=member_sudo.ids)
            ._render_qweb_pdf("mazpulki_projects.action_report_project_certificate", project_sudo.ids)
        )
        filename = f"{project_sudo._get_report_base_filename()} - {member_sudo.name}.pdf"
        return pdf_download(pdf, filename)
