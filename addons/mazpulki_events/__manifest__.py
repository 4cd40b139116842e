{
    "name": "Mazpulki: Events",
    "summary": "Camps, seminars and trainings of Latvijas Mazpulki, with members' QR cards "
    "at Odoo's registration desk, per-day attendance and leader qualification hours",
    "version": "18.0.1.0.4",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["mazpulki_members", "event", "website_event"],
    "data": [
        "security/mazpulki_events_security.xml",
        "security/ir.model.access.csv",
        "data/event_type_data.xml",
        "data/mail_template_data.xml",
        "report/mazpulki_event_reports.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/event_family_views.xml",
        "views/mazpulki_event_attendance_views.xml",
        "views/mazpulki_event_desk_scan_views.xml",
        "views/mazpulki_leader_qualification_views.xml",
        "wizard/mazpulki_event_register_views.xml",
        "views/portal_templates.xml",
        "views/website_event_templates.xml",
        "views/website_event_family_templates.xml",
        "views/event_description_templates.xml",
        "views/menus.xml",
        "data/i18n_extra_data.xml",
        "views/mazpulki_qualification_views.xml",
    ],
    "demo": [
        "demo/mazpulki_events_demo.xml",
        "demo/mazpulki_events_history_demo.xml",
        "demo/website_event_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "mazpulki_events/static/src/offline/*",
            "mazpulki_events/static/src/client_action/*",
        ],
        "web.assets_frontend": [
            "mazpulki_events/static/src/website/*",
        ],
        "web.assets_tests": [
            "mazpulki_events/static/tests/tours/*.js",
        ],
    },
}
