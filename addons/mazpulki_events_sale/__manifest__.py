{
    "name": "Mazpulki: Paid Event Tickets",
    "summary": "Paid tickets (Events Sales) and the guardian's approval of a minor's registration together",
    "version": "18.0.1.0.3",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["event_sale", "mazpulki_events"],
    "data": [
        "security/ir.model.access.csv",
        "security/mazpulki_fee_help_security.xml",
        "data/i18n_extra_data.xml",
        "data/mazpulki_fee_help_mail_data.xml",
        "views/mazpulki_fee_help_views.xml",
        "views/portal_fee_help_templates.xml",
    ],
    "demo": ["demo/mazpulki_fee_help_demo.xml", "demo/mazpulki_event_waitlist_demo.xml"],
    "assets": {
        "web.assets_frontend": [
            "mazpulki_events_sale/static/src/portal/*",
        ],
        "web.assets_tests": [
            "mazpulki_events_sale/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
