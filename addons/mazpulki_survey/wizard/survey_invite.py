from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    mazpulki_age_min = fields.Integer(string="Members Aged From", default=13)
    mazpulki_age_max = fields.Integer(string="To", default=25)
    mazpulki_region_id = fields.Many2one("mazpulki.region", string="Region")
    mazpulki_club_id = fields.Many2one("mazpulki.club", string="Club")

    def _mazpulki_age_band_domain(self):
        self.ensure_one()
        if self.mazpulki_age_min < 0 or self.mazpulki_age_max < self.mazpulki_age_min:
            raise UserError(self.env._("Enter an age band, e.g. from 13 to 18."))
        today = fields.Date.context_today(self)
        # aged from A to B today: born after today - (B + 1) years and on or before today - A years
        domain = [
            ("is_mazpulki_member", "=", True),
            ("birthdate_date", "<=", today - relativedelta(years=self.mazpulki_age_min)),
            ("birthdate_date", ">", today - relativedelta(years=self.mazpulki_age_max + 1)),
            ("email", "!=", False),
        ]
        if self.mazpulki_region_id:
            domain.append(("mazpulki_region_id", "=", self.mazpulki_region_id.id))
        if self.mazpulki_club_id:
            domain.append(("mazpulki_club_id", "=", self.mazpulki_club_id.id))
        return domain

    def action_mazpulki_add_members(self):
        """Add the members of the age band (with an email) to the recipients, and keep the wizard open."""
        self.ensure_one()
        members = self.env["res.partner"].search(self._mazpulki_age_band_domain())
        if not members:
            raise UserError(self.env._("No member with an email address is in this age band."))
        self.partner_ids = [fields.Command.link(member.id) for member in members]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Share a Survey"),
        }
