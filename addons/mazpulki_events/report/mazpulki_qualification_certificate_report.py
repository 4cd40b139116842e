from odoo import models


class ReportMazpulkiEventsReportQualificationCertificate(models.AbstractModel):
    """Leaders' qualification certificates: one page a leader's year, with the trainings attended."""

    _name = "report.mazpulki_events.report_qualification_certificate"
    _inherit = "report.mazpulki_members.certificate_base"
    _description = "Leader Qualification Certificate Report"
