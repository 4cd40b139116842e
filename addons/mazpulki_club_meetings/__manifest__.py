{
    "name": "Mazpulki: Club Meetings",
    "summary": "A club's weekly meetings, a roll call on the leader's phone (camera scans, offline), "
    "visitors, absences reported ahead by families, members drifting away and the figures of active members",
    "version": "18.0.1.0.0",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["mazpulki_members", "mazpulki_events"],
    "data": [
        "security/mazpulki_club_meetings_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "views/mazpulki_meeting_views.xml",
        "views/mazpulki_meeting_plan_views.xml",
        "views/mazpulki_school_holiday_views.xml",
        "views/mazpulki_meeting_attendance_views.xml",
        "views/mazpulki_meeting_visitor_views.xml",
        "views/mazpulki_meeting_drift_views.xml",
        "views/mazpulki_club_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/mazpulki_club_meetings_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "mazpulki_club_meetings/static/src/roll_call/*",
        ],
        "web.assets_tests": [
            "mazpulki_club_meetings/static/tests/tours/*.js",
        ],
    },
}
