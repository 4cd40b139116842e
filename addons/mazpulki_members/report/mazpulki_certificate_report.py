from babel.dates import format_date
from babel.numbers import format_decimal

from odoo import api, fields, models

from .mazpulki_card_report import UNPATCHED_QT_ZOOM, _wkhtmltopdf_has_patched_qt


class MazpulkiCertificateReport(models.AbstractModel):
    """The values every certificate of the suite renders with, for
    ``mazpulki_members.certificate_page`` (A4 landscape, paperformat
    ``mazpulki_members.paperformat_certificate``).

    A certificate's report model inherits it with its own ``_name``
    (``report.<module>.<template>``) and may add values in
    ``_mazpulki_certificate_values(docs)``. Certificates are the
    organisation's documents in the state language: the records are read in
    Latvian when it is installed (a translated award's name), dates and
    numbers are written the Latvian way ("2026. gada 7. decembris", "43,5")
    whatever the printing user's language.
    """

    _name = "report.mazpulki_members.certificate_base"
    _description = "Mazpulki Certificate Report Base"

    @api.model
    def _get_report_values(self, docids, data=None):
        report = self.env["ir.actions.report"]._get_report(self._name.removeprefix("report."))
        docs = self.env[report.model].browse(docids)
        if self.env["res.lang"]._lang_get("lv_LV"):
            docs = docs.with_context(lang="lv_LV")
        return {
            "doc_ids": docids,
            "doc_model": report.model,
            "docs": docs,
            # one CSS millimetre is a printed millimetre (see mazpulki_card_report.py)
            "certificate_zoom": 1.0 if _wkhtmltopdf_has_patched_qt() else UNPATCHED_QT_ZOOM,
            "certificate_date": self._mazpulki_certificate_date,
            "certificate_number": self._mazpulki_certificate_number,
            "certificate_today": fields.Date.context_today(self),
            **self._mazpulki_certificate_values(docs),
        }

    @api.model
    def _mazpulki_certificate_values(self, docs):
        """Extra rendering values of one certificate report (dict); none by default."""
        return {}

    @api.model
    def _mazpulki_certificate_date(self, date):
        """A date as a Latvian certificate writes it: '2026. gada 7. decembris'; '' for none."""
        return format_date(date, format="long", locale="lv") if date else ""

    @api.model
    def _mazpulki_certificate_number(self, number):
        """A number as Latvian writes it: 43.5 -> '43,5', 12.0 -> '12'."""
        return format_decimal(number or 0, format="#,##0.##", locale="lv")
