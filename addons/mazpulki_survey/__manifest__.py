{
    "name": "Mazpulki: Youth Surveys",
    "summary": "Youth surveys sent to the members of an age band; the surveys held with enough answers "
    "are the strategy's measure for M6d",
    "version": "18.0.1.0.0",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["survey", "mazpulki_strategy"],
    "data": [
        "data/mazpulki_survey_data.xml",
        "views/survey_survey_views.xml",
        "wizard/survey_invite_views.xml",
    ],
    "auto_install": True,
    "uninstall_hook": "uninstall_hook",
}
