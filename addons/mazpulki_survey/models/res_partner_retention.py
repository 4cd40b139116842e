from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Survey answers of anonymised people (see ``mazpulki_members``' retention): their participations keep
    the survey, dates, scores and chosen answers for the figures; the e-mail, nickname and every typed
    answer (text and free-text boxes) are removed."""

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "survey.user_input": "e-mail, nickname and typed answers removed; choices and scores kept",
            "survey.invite": "a transient dialog sending a survey to an age band, club or region",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        if self:
            self.env.flush_all()
            cr = self.env.cr
            inputs = SQL("SELECT id FROM survey_user_input WHERE partner_id = ANY(%s)", self.ids)
            cr.execute(
                SQL(
                    "UPDATE survey_user_input_line SET value_char_box = NULL, value_text_box = NULL "
                    "WHERE user_input_id IN (%s)",
                    inputs,
                )
            )
            cr.execute(
                SQL("UPDATE survey_user_input SET email = NULL, nickname = NULL WHERE partner_id = ANY(%s)", self.ids)
            )
        return super()._mazpulki_erase_personal_data()
