import json

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.event.controllers.main import EventController


class MazpulkiEventController(EventController):
    @http.route()
    def event_my_tickets(self, event_id, registration_ids, tickets_hash, badge_mode=False, responsive_html=False):
        """No ticket for a registration that waits for (or was declined by) a guardian."""
        try:
            wanted = [int(registration_id) for registration_id in json.loads(registration_ids or "[]")]
        except (TypeError, ValueError):
            raise NotFound() from None
        # sudo: as in Odoo's route, the tickets hash checked here is the access check
        event_sudo = request.env["event.event"].browse(event_id).exists().sudo()
        if event_sudo and wanted and tickets_hash:
            if consteq(tickets_hash, event_sudo._get_tickets_access_hash(wanted)):
                waiting = event_sudo.registration_ids.filtered(
                    lambda r: r.id in wanted and r.mazpulki_approval_state in ("pending", "declined", "request")
                )
                if waiting:
                    wanted = [registration_id for registration_id in wanted if registration_id not in waiting.ids]
                    if not wanted:
                        raise NotFound()
                    registration_ids = json.dumps(wanted)
                    tickets_hash = event_sudo._get_tickets_access_hash(wanted)
        return super().event_my_tickets(
            event_id, registration_ids, tickets_hash, badge_mode=badge_mode, responsive_html=responsive_html
        )
