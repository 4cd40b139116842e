from odoo import api, fields, models
from odoo.exceptions import UserError


class MazpulkiMeetingVisitor(models.Model):
    """A child trying the club at a meeting: a name and the guardian's contact, written down by the leader.

    With one tap it becomes a membership application (``mazpulki.member.application``), which the
    office or the leader decides as any other; the guardian link that application makes on
    acceptance follows the families' proof rules (pending until the office or the family proves
    it), the visitor record gives no access to anyone.
    """

    _name = "mazpulki.meeting.visitor"
    _description = "Club Meeting Visitor"
    _order = "meeting_id desc, id"

    meeting_id = fields.Many2one("mazpulki.meeting", required=True, index=True, ondelete="cascade")
    club_id = fields.Many2one(related="meeting_id.club_id", store=True, index=True)
    name = fields.Char(string="Name of the Child", required=True)
    birthdate_date = fields.Date(string="Birth Date")
    guardian_name = fields.Char(string="Guardian")
    guardian_phone = fields.Char()
    guardian_email = fields.Char()
    consent_data_processing = fields.Boolean(
        string="Guardian Agreed",
        help="The guardian agreed that the club keeps these details and applies for membership.",
    )
    application_id = fields.Many2one("mazpulki.member.application", readonly=True, ondelete="set null")

    def action_make_application(self):
        """The visitor's membership application (state new), made once; opens it. Raises a UserError listing
        what the application form still needs (the enrolment form's own rules)."""
        self.ensure_one()
        self.check_access("write")
        if self.application_id:
            return self._mazpulki_open_application()
        Application = self.env["mazpulki.member.application"]
        vals = {
            "club_id": self.club_id.id,
            "applicant": "guardian",
            "name": self.name,
            "birthdate_date": self.birthdate_date,
            "guardian_name": self.guardian_name,
            "guardian_email": self.guardian_email,
            "guardian_phone": self.guardian_phone,
            "guardian_relation": "other",
            "consent_data_processing": self.consent_data_processing,
        }
        errors = Application._mazpulki_form_errors(vals, club=self.club_id)
        if errors:
            raise UserError("\n".join(errors.values()))
        # sudo: leaders may not create applications in the back office (the office types them in); a
        # visitor of her own club (checked by the write access above) is turned into one with the
        # enrolment form's rules, and the application gives no guardian link until it is decided
        application_sudo = Application.sudo().create(vals)
        application_sudo.message_post(
            body=self.env._("Written down at the meeting %s by the club leader.", self.meeting_id.name)
        )
        self.application_id = application_sudo.id
        return self._mazpulki_open_application()

    @api.model
    def mazpulki_make_application(self, visitor_id):
        """The roll call's one tap: ``{"application_id": id}`` (see ``action_make_application``)."""
        visitor = self.browse(int(visitor_id)).exists()
        if not visitor:
            raise UserError(self.env._("This visitor is no longer on the list."))
        visitor.action_make_application()
        return {"application_id": visitor.application_id.id}

    def _mazpulki_open_application(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "mazpulki.member.application",
            "res_id": self.application_id.id,
            "view_mode": "form",
        }
