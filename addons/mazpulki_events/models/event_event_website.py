import json

from odoo import api, models

# The pictures an event's page starts with, drawn for the suite in the organisation's green (static/src/img):
# the default (a clover field) and one per kind of event. The office may upload its own photo on the page.
DEFAULT_COVER = "/mazpulki_events/static/src/img/event_cover_clover.svg"
CATEGORY_COVERS = {
    "camp": "/mazpulki_events/static/src/img/event_cover_camp.svg",
    "team_building": "/mazpulki_events/static/src/img/event_cover_camp.svg",
    "regional": "/mazpulki_events/static/src/img/event_cover_nature.svg",
    "exchange_domestic": "/mazpulki_events/static/src/img/event_cover_nature.svg",
    "seminar": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
    "pd_seminar": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
    "new_leader_seminar": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
    "volunteer_training": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
    "council_in_person": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
    "international_info": "/mazpulki_events/static/src/img/event_cover_seminar.svg",
}


class EventEvent(models.Model):
    _inherit = "event.event"

    def _default_description(self):
        """A new event starts from the organisation's outline (what, for whom, programme, what to bring,
        contacts) in the office's language, not Odoo's sample software conference."""
        # rendering_bundle: no template branding in the stored HTML, as Odoo's own default
        return self.env["ir.ui.view"].with_context(rendering_bundle=True)._render_template(
            "mazpulki_events.event_default_description"
        )

    def _default_cover_properties(self):
        """The page's picture: the organisation's clover (``DEFAULT_COVER``), not a stock conference room."""
        properties = super()._default_cover_properties()
        properties.update({"background-image": f"url('{DEFAULT_COVER}')", "opacity": "0.2"})
        return properties

    @api.model_create_multi
    def create(self, vals_list):
        # An event created without a picture of its own gets its kind's picture (a camp's tents, a seminar's book).
        for vals in vals_list:
            cover = CATEGORY_COVERS.get(vals.get("mazpulki_category"))
            if cover and "cover_properties" not in vals:
                properties = self._default_cover_properties()
                properties["background-image"] = f"url('{cover}')"
                vals["cover_properties"] = json.dumps(properties)
        return super().create(vals_list)
