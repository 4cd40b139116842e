from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request

from odoo.addons.mazpulki_members.controllers.portal import MazpulkiPortal

# The club's next meetings a family sees.
NEXT_MEETINGS = 6
REASON_MAX = 200


class MazpulkiMeetingPortal(MazpulkiPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mazpulki_meeting_count" in counters:
            values["mazpulki_meeting_count"] = sum(
                len(meetings) for _member, meetings in self._mazpulki_next_meetings(self._mazpulki_portal_members())
            )
        return values

    def _mazpulki_next_meetings(self, members_sudo):
        """``[(member, meetings)]``: each member's club's next planned meetings (sudo records)."""
        now = fields.Datetime.now()
        Meeting = request.env["mazpulki.meeting"].sudo()  # sudo: the families read their clubs' plan below
        result = []
        for member_sudo in members_sudo:
            if not member_sudo.mazpulki_club_id:
                continue
            meetings = Meeting.search(
                [
                    ("club_id", "=", member_sudo.mazpulki_club_id.id),
                    ("state", "=", "planned"),
                    ("date_begin", ">=", now),
                ],
                order="date_begin",
                limit=NEXT_MEETINGS,
            )
            result.append((member_sudo, meetings))
        return result

    @http.route("/my/meetings", type="http", auth="user", website=True)
    def portal_my_meetings(self, **kw):
        """A guardian (proved links only) and a member from 13: the club's next meetings, each with the
        absence reported ahead, and a form to report one."""
        members_sudo = self._mazpulki_portal_members()
        rows = self._mazpulki_next_meetings(members_sudo)
        meeting_ids = [meeting.id for _member, meetings in rows for meeting in meetings]
        # sudo: the rows of the user's own children / own (members_sudo is the access check)
        reported = {
            (att.meeting_id.id, att.member_id.id): att
            for att in request.env["mazpulki.meeting.attendance"]
            .sudo()
            .search([("meeting_id", "in", meeting_ids), ("member_id", "in", members_sudo.ids)])
        }
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mazpulki_meetings",
                "rows": rows,
                "reported": reported,
                "error": kw.get("error"),
                "success": kw.get("reported"),
            }
        )
        return request.render("mazpulki_club_meetings.portal_my_meetings", values)

    @http.route(
        "/my/meetings/<int:member_id>/<int:meeting_id>/absence",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_report_absence(self, member_id, meeting_id, reason="", **kw):
        """Report ``member_id``'s absence from a planned meeting of their club, ahead, with a reason."""
        member_sudo = self._mazpulki_member_check_access(member_id)
        meeting_sudo = request.env["mazpulki.meeting"].sudo().browse(meeting_id).exists()
        if (
            not meeting_sudo
            or meeting_sudo.club_id != member_sudo.mazpulki_club_id
            or meeting_sudo.state != "planned"
            or meeting_sudo.date_begin < fields.Datetime.now()
        ):
            raise NotFound()
        reason = " ".join((reason or "").split())
        if not reason or len(reason) > REASON_MAX:
            return request.redirect("/my/meetings?error=reason")
        partner = request.env.user.partner_id
        # sudo: families have no rights on the roll call; this route validated the member (the user's proved
        # ward, or themselves from 13), the meeting (their club's, still to come) and the reason, and writes
        # only an excused absence with its reporter and reason (no chatter: the reason stays on the row the
        # anonymisation clears)
        Attendance_sudo = request.env["mazpulki.meeting.attendance"].sudo()
        vals = {
            "state": "excused",
            "reported_by_id": partner.id,
            "reason": reason,
            "date_reported": fields.Datetime.now(),
        }
        attendance_sudo = Attendance_sudo.search(
            [("meeting_id", "=", meeting_sudo.id), ("member_id", "=", member_sudo.id)]
        )
        if attendance_sudo:
            attendance_sudo.write(vals)
        else:
            Attendance_sudo.create(
                {**vals, "meeting_id": meeting_sudo.id, "member_id": member_sudo.id, "source": "portal"}
            )
        return request.redirect("/my/meetings?reported=1")
