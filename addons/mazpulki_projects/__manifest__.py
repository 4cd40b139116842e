{
    "name": "Mazpulki: Projects",
    "summary": "The 4-H project method, digital: priority themes, applications, reports, "
    "evaluations and certificates of Latvijas Mazpulki",
    "version": "18.0.1.0.2",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["mazpulki_members", "mail", "portal", "website"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/mazpulki_projects_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "report/mazpulki_project_certificate_report.xml",
        "views/mazpulki_project_theme_views.xml",
        "views/mazpulki_project_views.xml",
        "views/mazpulki_project_review_views.xml",
        "wizard/mazpulki_project_decision_views.xml",
        "wizard/mazpulki_project_export_views.xml",
        "views/portal_templates.xml",
        "views/website_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/mazpulki_projects_demo.xml",
        "demo/mazpulki_projects_history_demo.xml",
        "demo/website_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mazpulki_projects/static/tests/tours/*.js",
        ],
    },
}
