import re

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.mazpulki_members.controllers.portal import pdf_download
from odoo.addons.portal.controllers.portal import CustomerPortal

HOURS_RE = re.compile(r"^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$|^\s*(\d{1,2}):([0-5]\d)\s*$")


class MazpulkiVolunteerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_volunteer_count" in counters:
            # The entry shows when the user has a volunteer profile (the figure itself is not displayed).
            values["mazpulki_volunteer_count"] = request.env["mazpulki.volunteer"].search_count(
                [("partner_id", "=", request.env.user.partner_id.id)]
            )
        return values

    def _mazpulki_portal_volunteer(self):
        """The logged-in user's own volunteer profile, read with their own rights (record rules: own only)."""
        volunteer = request.env["mazpulki.volunteer"].search(
            [("partner_id", "=", request.env.user.partner_id.id)], limit=1
        )
        if not volunteer:
            raise NotFound()
        return volunteer

    @http.route("/my/volunteering", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_volunteering(self, **post):
        volunteer = self._mazpulki_portal_volunteer()
        error, saved = {}, False
        if request.httprequest.method == "POST":
            error = self._mazpulki_log_hours(volunteer, post)
            saved = not error
        return request.render(
            "mazpulki_volunteer.portal_my_volunteering",
            self._mazpulki_volunteering_values(volunteer, post, error, saved),
        )

    def _mazpulki_volunteering_values(self, volunteer, post, error, saved):
        Line = request.env["account.analytic.line"]
        lines = Line.search([("mazpulki_volunteer_id", "=", volunteer.id)], limit=200)
        totals = {
            state: hours
            for state, hours in Line._read_group(
                [("mazpulki_volunteer_id", "=", volunteer.id)], ["volunteer_state"], ["unit_amount:sum"]
            )
        }
        now = fields.Datetime.now()
        shifts = request.env["mazpulki.volunteer.shift"].search(
            [("is_published", "=", True), ("date_begin", ">", now)], order="date_begin", limit=50
        )
        registrations = request.env["mazpulki.volunteer.shift.registration"].search(
            [("volunteer_id", "=", volunteer.id), ("shift_id", "in", shifts.ids), ("state", "=", "registered")]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mazpulki_volunteering",
                "volunteer": volunteer,
                "lines": lines,
                "totals": totals,
                "activities": request.env["mazpulki.volunteer.activity"].search([]),
                "shifts": shifts,
                # sudo: only the event's name of published shifts; portal users cannot read events
                "shift_event_names": {shift.id: shift.sudo().event_id.name for shift in shifts},
                "registered_shift_ids": set(registrations.shift_id.ids),
                "awards": request.env["mazpulki.volunteer.award"].search([("volunteer_id", "=", volunteer.id)]),
                # the volunteer's own (record rules: a portal user reads only their own qualifications)
                "qualifications": request.env["mazpulki.qualification"].search(
                    [("partner_id", "=", volunteer.partner_id.id), ("is_superseded", "=", False)]
                ),
                # On an error, show what was typed, not an empty form.
                "form": post if error else {"date": fields.Date.to_string(fields.Date.context_today(volunteer))},
                "error": error,
                "saved": saved,
            }
        )
        return values

    def _mazpulki_log_hours(self, volunteer, post):
        """Create the line from the portal form; ``{field: message}`` of what is wrong, empty when saved."""
        env = request.env
        error = {}
        try:
            date = fields.Date.to_date((post.get("date") or "").strip())
        except ValueError:
            date = None
        if not date:
            error["date"] = env._("Enter the day, e.g. 2026-05-14.")
        hours = self._mazpulki_parse_hours(post.get("hours"))
        if hours is None:
            error["hours"] = env._("Enter the hours as a number, e.g. 4 or 2,5 or 1:30.")
        activity = env["mazpulki.volunteer.activity"]
        if (post.get("activity_id") or "").isdigit():
            activity = activity.search([("id", "=", int(post["activity_id"]))])
        if not activity:
            error["activity_id"] = env._("Choose what you did.")
        if error:
            return error
        try:
            with env.cr.savepoint():
                # sudo: portal users have no create right on analytic lines (accounting data); the volunteer is
                # the user's own (read with their rights) and only this form's fields are written
                env["account.analytic.line"].sudo().create(
                    {
                        "mazpulki_volunteer_id": volunteer.id,
                        "mazpulki_activity_id": activity.id,
                        "date": date,
                        "unit_amount": hours,
                        "name": (post.get("name") or "").strip() or activity.name,
                        "volunteer_state": "submitted",
                    }
                )
        except (ValidationError, UserError, AccessError) as exc:
            error["form"] = exc.args[0]
        return error

    @staticmethod
    def _mazpulki_parse_hours(value):
        match = HOURS_RE.match(value or "")
        if not match:
            return None
        whole, decimals, clock_hours, minutes = match.groups()
        if clock_hours is not None:
            return int(clock_hours) + int(minutes) / 60.0
        return float(f"{whole}.{decimals or 0}")

    @http.route("/my/volunteering/line/<int:line_id>/delete", type="http", auth="user", website=True, methods=["POST"])
    def portal_volunteer_line_delete(self, line_id, **post):
        """Withdraw a line logged by mistake, while it is not approved (the record rules refuse any other)."""
        volunteer = self._mazpulki_portal_volunteer()
        line = request.env["account.analytic.line"].search(
            [
                ("id", "=", line_id),
                ("mazpulki_volunteer_id", "=", volunteer.id),
                ("volunteer_state", "in", ["draft", "submitted", "rejected"]),
            ]
        )
        if not line:
            raise NotFound()
        line_sudo = line.sudo()  # sudo: the user's own unapproved line, found with their rights above
        line_sudo.unlink()
        return request.redirect("/my/volunteering")

    @http.route(
        "/my/volunteering/shift/<int:shift_id>/sign_up", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_volunteer_shift_sign_up(self, shift_id, **post):
        volunteer = self._mazpulki_portal_volunteer()
        shift = request.env["mazpulki.volunteer.shift"].search([("id", "=", shift_id)])
        if not shift:
            raise NotFound()
        try:
            with request.env.cr.savepoint():
                # sudo: portal users cannot create sign-ups; the shift is a published one (read with their
                # rights) and the volunteer their own profile
                shift.sudo()._mazpulki_sign_up(volunteer)
        except UserError as exc:
            return request.render(
                "mazpulki_volunteer.portal_my_volunteering",
                self._mazpulki_volunteering_values(volunteer, {}, {"shift": exc.args[0]}, False),
            )
        return request.redirect("/my/volunteering#shifts")

    @http.route(
        "/my/volunteering/shift/<int:shift_id>/cancel", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_volunteer_shift_cancel(self, shift_id, **post):
        volunteer = self._mazpulki_portal_volunteer()
        registrations = request.env["mazpulki.volunteer.shift.registration"].search(
            [("volunteer_id", "=", volunteer.id), ("shift_id", "=", shift_id), ("state", "=", "registered")]
        )
        # sudo: the user's own sign-ups, found with their rights above; portal users cannot write them
        registrations.sudo().action_cancel()
        return request.redirect("/my/volunteering#shifts")

    @http.route("/my/volunteering/award/<int:award_id>/certificate", type="http", auth="user", website=True)
    def portal_volunteer_award_certificate(self, award_id, **kw):
        volunteer = self._mazpulki_portal_volunteer()
        award = request.env["mazpulki.volunteer.award"].search(
            [("id", "=", award_id), ("volunteer_id", "=", volunteer.id)]
        )
        if not award:
            raise NotFound()
        # sudo: the award is the user's own (searched with their rights above); reports render as superuser
        pdf, _report_type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("mazpulki_volunteer.mazpulki_volunteer_award_report", award.ids)
        )
        filename = f"Mazpulki-apliecinajums-{award.year}.pdf"
        return pdf_download(pdf, filename)
