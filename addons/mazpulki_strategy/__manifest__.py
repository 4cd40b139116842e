{
    "name": "Mazpulki: Strategy",
    "summary": "The 2021–2027 strategy of Latvijas Mazpulki as data and a live board of its targets, "
    "entered values with evidence, closed years and funding sources",
    "version": "18.0.1.0.3",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["mazpulki_members", "account", "l10n_lv", "web"],
    "data": [
        "security/mazpulki_strategy_security.xml",
        "security/ir.model.access.csv",
        "data/mazpulki_strategy_data.xml",
        "data/mazpulki_funding_data.xml",
        "data/mazpulki_strategy_club_data.xml",
        "data/mazpulki_strategy_qualification_data.xml",
        "report/mazpulki_strategy_board_report.xml",
        "views/mazpulki_strategy_board_views.xml",
        "views/mazpulki_strategy_target_views.xml",
        "views/mazpulki_strategy_entry_views.xml",
        "views/mazpulki_strategy_snapshot_views.xml",
        "views/account_analytic_account_views.xml",
        "views/account_move_line_views.xml",
        "views/menus.xml",
        "views/portal_templates.xml",
        "views/portal_account_templates.xml",
        "data/i18n_extra_data.xml",
    ],
    "demo": [
        "demo/mazpulki_strategy_demo.xml",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "assets": {
        "web.assets_backend": [
            "mazpulki_strategy/static/src/board/*",
        ],
        "web.assets_frontend": [
            "mazpulki_strategy/static/src/portal/*",
        ],
        "web.assets_tests": [
            "mazpulki_strategy/static/tests/tours/*.js",
        ],
    },
}
