from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.website_event.controllers.main import WebsiteEventController


class MazpulkiWebsiteEventController(WebsiteEventController):
    def _create_attendees_from_registration_post(self, event, registration_data):
        """A guardian's children registered as theirs; an anonymous youth registration as a request.

        Odoo's form accepts a ``partner_id`` per attendee: it is checked here, before
        the registrations are created (with sudo, as Odoo does), against the user's own
        contact and her wards (``event.registration._mazpulki_prepare_family_registrations``).
        """
        try:
            request.env["event.registration"]._mazpulki_prepare_family_registrations(
                event, request.env.user, registration_data
            )
        except AccessError:
            # the same answer whether the person exists or is someone else's child
            raise request.not_found() from None
        return super()._create_attendees_from_registration_post(event, registration_data)
