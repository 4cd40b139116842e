from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request


class MazpulkiProjectThemes(http.Controller):
    @http.route("/projects/themes", type="http", auth="public", website=True, sitemap=True)
    def project_themes(self, **kw):
        # sudo: the public reads only themes that are published and open for applications
        themes_sudo = request.env["mazpulki.project.theme"].sudo().search([("is_open", "=", True)])
        return request.render("mazpulki_projects.website_project_themes", {"themes": themes_sudo})

    @http.route("/projects/themes/<int:theme_id>/rules", type="http", auth="public", website=True, sitemap=False)
    def project_theme_rules(self, theme_id, **kw):
        # sudo: the rules document of a published theme is public
        theme_sudo = request.env["mazpulki.project.theme"].sudo().browse(theme_id).exists()
        if not theme_sudo or not theme_sudo.is_published or not theme_sudo.rules_document:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            theme_sudo, "rules_document", filename_field="rules_document_name"
        )
        return stream.get_response(as_attachment=True) if stream else NotFound()
