from odoo import models


class ReportMazpulkiVolunteerReportVolunteerAward(models.AbstractModel):
    """Award certificates ("Izauguši Latvijai" and the others): one page an award."""

    _name = "report.mazpulki_volunteer.report_volunteer_award"
    _inherit = "report.mazpulki_members.certificate_base"
    _description = "Volunteer Award Certificate Report"
