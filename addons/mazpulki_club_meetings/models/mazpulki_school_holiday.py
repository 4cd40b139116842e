from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MazpulkiSchoolHoliday(models.Model):
    """School holidays as the office keeps them (the Ministry of Education's dates): a club's recurring
    meetings skip every day from ``date_from`` to ``date_to`` inclusive."""

    _name = "mazpulki.school.holiday"
    _description = "School Holiday"
    _order = "date_from desc"

    name = fields.Char(required=True, translate=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="Until", required=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for holiday in self:
            if holiday.date_to < holiday.date_from:
                raise ValidationError(self.env._("The holiday %s ends before it begins.", holiday.name))

    @api.model
    def _mazpulki_days(self, date_from, date_to):
        """The set of holiday days (``date``) between ``date_from`` and ``date_to``: one query."""
        days = set()
        for holiday in self.sudo().search_fetch(  # sudo: the dates are public; leaders plan with them
            [("date_from", "<=", date_to), ("date_to", ">=", date_from)], ["date_from", "date_to"]
        ):
            day = max(holiday.date_from, date_from)
            while day <= min(holiday.date_to, date_to):
                days.add(day)
                day = fields.Date.add(day, days=1)
        return days
