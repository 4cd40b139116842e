from odoo import api, fields, models

SHIFT_MINORS_ROLE = "mazpulki_members.qualification_role_shift_minors"


class MazpulkiVolunteerShift(models.Model):
    _inherit = "mazpulki.volunteer.shift"

    mazpulki_with_minors = fields.Boolean(
        string="With Minors",
        help="The volunteers of this shift work with children: signing up needs the qualifications the office "
        "requires of a shift volunteer with minors.",
    )


class MazpulkiVolunteerShiftRegistration(models.Model):
    _inherit = "mazpulki.volunteer.shift.registration"

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._mazpulki_check_qualification()
        return registrations

    def _mazpulki_check_qualification(self):
        """A shift with minors takes only volunteers with the role's valid qualifications on the shift's day
        (or the office's override): ``UserError`` naming what is missing otherwise."""
        for registration in self.filtered("shift_id.mazpulki_with_minors"):
            on_date = fields.Date.context_today(registration, registration.shift_id.date_begin)
            registration.volunteer_id.partner_id._mazpulki_check_role_qualification(SHIFT_MINORS_ROLE, on_date)
