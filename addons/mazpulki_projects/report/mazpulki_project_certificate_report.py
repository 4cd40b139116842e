from odoo import api, models
from odoo.exceptions import AccessError, UserError


class ReportMazpulkiProjectsReportProjectCertificate(models.AbstractModel):
    """Project certificates: one page per team member of each project (the
    members the caller may have, see ``_mazpulki_certificate_members``)."""

    _name = "report.mazpulki_projects.report_project_certificate"
    _inherit = "report.mazpulki_members.certificate_base"
    _description = "Project Certificates Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        """The completed projects whose certificates the caller may print.

        Also guards Odoo's own report URLs (``/report/pdf/...``, ``/report/html/...``): the caller must read
        the projects, they must be completed, and a portal user gets only their own family's certificates
        (``mazpulki.project._mazpulki_certificate_members``). Raises ``AccessError`` or ``UserError``.
        """
        projects = self.env["mazpulki.project"].browse(docids)
        # Refuse before rendering: a certificate is for those who may read the project.
        projects.check_access("read")
        not_completed = projects.filtered(lambda p: p.state != "completed")
        if not_completed:
            raise UserError(
                self.env._("Only completed projects get certificates; %s is not completed.", not_completed[0].name)
            )
        values = super()._get_report_values(docids, data=data)
        if self.env.user.share:
            # sudo: the family's names, club and leader are printed; which members is decided in
            # _mazpulki_certificate_values, as the portal user (env.user stays the caller under sudo)
            values["docs"] = values["docs"].sudo()
            values.update(self._mazpulki_certificate_values(values["docs"]))
            if not values["pages"]:
                raise AccessError(self.env._("These certificates are not yours to print."))
        return values

    @api.model
    def _mazpulki_certificate_values(self, docs):
        return {"pages": [(project, member) for project in docs for member in project._mazpulki_certificate_members()]}
