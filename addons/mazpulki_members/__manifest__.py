{
    "name": "Mazpulki: Members",
    "summary": "Regions, clubs, members, leaders, guardians, consents, "
    "membership years and personal QR codes of Latvijas Mazpulki",
    "version": "18.0.1.0.2",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "application": True,
    "depends": ["auth_signup", "contacts", "mail", "portal"],
    "external_dependencies": {"python": ["qrcode", "python-stdnum"]},
    "data": [
        "security/mazpulki_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/mazpulki_region_data.xml",
        "report/report_paperformat.xml",
        "report/mazpulki_card_report.xml",
        "views/mazpulki_region_views.xml",
        "views/mazpulki_club_views.xml",
        "views/mazpulki_club_leader_views.xml",
        "views/mazpulki_membership_views.xml",
        "views/mazpulki_consent_views.xml",
        "views/mazpulki_member_card_views.xml",
        "views/res_partner_views.xml",
        "wizard/mazpulki_card_revoke_views.xml",
        "wizard/mazpulki_transfer_request_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/mazpulki_demo.xml",
        "demo/mazpulki_members_history_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "mazpulki_members/static/src/views/*.js",
        ],
        "web.assets_frontend": [
            "mazpulki_members/static/src/scss/portal.scss",
        ],
        "web.report_assets_common": [
            "mazpulki_members/static/src/scss/report_font.scss",
            "mazpulki_members/static/src/scss/card_report.scss",
        ],
        "web.assets_tests": [
            "mazpulki_members/static/tests/tours/*.js",
        ],
    },
}
