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
# The filter over a light picture (sky, meadow) is darker, so that the white title stays readable.
LIGHT_COVER_OPACITY = "0.45"
LIGHT_COVERS = {
    "/mazpulki_events/static/src/img/event_cover_camp.svg",
    "/mazpulki_events/static/src/img/event_cover_nature.svg",
}
