from odoo.http import request

from odoo.addons.web.controllers.export import CSVExport, ExcelExport


def _mazpulki_export_filename(base):
    """The exported file's name: the model's name in the user's language
    ("Kontakts"), without Odoo's technical name beside it ("Kontakts (res.partner)")."""
    if base not in request.env:
        return base
    return request.env["ir.model"]._get(base).name


class MazpulkiExcelExport(ExcelExport):
    def filename(self, base):
        return _mazpulki_export_filename(base)


class MazpulkiCSVExport(CSVExport):
    def filename(self, base):
        return _mazpulki_export_filename(base)
