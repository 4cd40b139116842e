from odoo import http
from odoo.http import request

from .main import MazpulkiEventController


class MazpulkiEventBarcodeController(MazpulkiEventController):
    @http.route()
    def init_barcode_interface(self, event_id):
        """The desk's heading without an event: the suite's Latvian ("Pasākumu
        reģistrācijas"), where Odoo's own Latvian misses the ģ."""
        values = super().init_barcode_interface(event_id)
        if not event_id:
            values["name"] = request.env._("Event Registrations")
        return values
