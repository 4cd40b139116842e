{
    "name": "Mazpulki: Email Marketing",
    "summary": "Mailings to the members of a club, a region or an age group: members 13+ themselves, "
    "the guardians of younger ones, with Email Marketing's own opt-outs",
    "version": "18.0.1.0.0",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["mass_mailing", "mazpulki_members"],
    "data": [
        "views/mazpulki_club_views.xml",
        "views/mailing_mailing_views.xml",
    ],
    "auto_install": True,
}
