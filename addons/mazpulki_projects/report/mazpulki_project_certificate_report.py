from odoo import api, models


class ReportMazpulkiProjectsReportProjectCertificate(models.AbstractModel):
    """Project certificates: one page per team member of each project (the
    members the portal asked for, see ``_mazpulki_certificate_members``)."""

    _name = "report.mazpulki_projects.report_project_certificate"
    _inherit = "report.mazpulki_members.certificate_base"
    _description = "Project Certificates Report"

    @api.model
    def _mazpulki_certificate_values(self, docs):
        return {"pages": [(project, member) for project in docs for member in project._mazpulki_certificate_members()]}
