{
    "name": "Mazpulki: Paid Event Tickets",
    "summary": "Paid tickets (Events Sales) and the guardian's approval of a minor's registration together",
    "version": "18.0.1.0.1",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["event_sale", "mazpulki_events"],
    "data": ["data/i18n_extra_data.xml"],
    "auto_install": True,
}
