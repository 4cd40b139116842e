from odoo import api, models


class ReportProjectCertificate(models.AbstractModel):
    _name = "report.mazpulki_projects.report_project_certificate"
    _description = "Project Certificate Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        projects = self.env["mazpulki.project"].browse(docids)
        # Refuse before rendering: a certificate is for those who may read the project.
        projects.check_access("read")
        return {"doc_ids": docids, "doc_model": "mazpulki.project", "docs": projects, "data": data}
