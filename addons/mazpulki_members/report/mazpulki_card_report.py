import functools
import logging
import subprocess

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# wkhtmltopdf built against an unpatched Qt (Debian's package) ignores
# --disable-smart-shrinking and prints one CSS millimetre as 0.7676 mm
# (measured: a 200 x 300 mm box prints 153.5 x 230.3 mm). The card sheet is
# zoomed by the inverse, so the cards come out 85.6 x 54 mm on paper.
UNPATCHED_QT_ZOOM = 1.3027
CARDS_PER_SHEET = 10


@functools.cache
def _wkhtmltopdf_has_patched_qt():
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, check=False, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        _logger.info("wkhtmltopdf not found; membership cards are laid out for Debian's build")
        return False
    return "patched qt" in version.lower()


class ReportMazpulkiMembersReportMemberCard(models.AbstractModel):
    _name = "report.mazpulki_members.report_member_card"
    _description = "Membership Cards Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        members = self.env["res.partner"].browse(docids).filtered("mazpulki_card_id")
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": members,
            "sheets": [members[i : i + CARDS_PER_SHEET] for i in range(0, len(members), CARDS_PER_SHEET)],
            "card_zoom": 1.0 if _wkhtmltopdf_has_patched_qt() else UNPATCHED_QT_ZOOM,
        }
