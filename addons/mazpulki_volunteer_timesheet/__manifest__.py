{
    "name": "Mazpulki: Volunteering beside Timesheets",
    "summary": "Volunteer hours stay volunteer hours when Timesheets is installed: never staff timesheets, "
    "never costed, never asking for an employee",
    "version": "18.0.1.0.0",
    "category": "Mazpulki",
    "website": "https://www.mazpulki.lv",
    "author": "Latvijas Mazpulki",
    "license": "LGPL-3",
    "depends": ["hr_timesheet", "mazpulki_volunteer"],
    "auto_install": True,
}
