from odoo import api, fields, models

# The strategy's kinds of event (shared/STRATEGY_KPIS.md); the board counts them per year.
CATEGORIES = [
    ("camp", "All-Latvia Camp"),
    ("national", "National Event"),
    ("regional", "Regional Event"),
    ("seminar", "Priority-Area Seminar"),
    ("new_leader_seminar", "New-Leader Seminar"),
    ("pd_seminar", "Professional-Development Seminar"),
    ("exchange_domestic", "Exchange Trip in Latvia"),
    ("exchange_international", "International Exchange Trip"),
    ("recruitment", "Member-Recruitment Event"),
    ("international", "International Activity"),
    ("international_info", "International Opportunities Info"),
    ("council_remote", "Members' Council Meeting (Remote)"),
    ("council_in_person", "Members' Council Meeting (In Person)"),
    ("volunteer_training", "Volunteer Training"),
    ("team_building", "Team Building"),
]

SCOPES = [
    ("club", "Club"),
    ("regional", "Regional"),
    ("national", "National"),
    ("international", "International"),
]


# Trainings whose hours count towards a leader's yearly qualification (L2).
TRAINING_CATEGORIES = ("new_leader_seminar", "pd_seminar", "seminar")

# Events for the leaders and volunteers, not for the children: no youth event by default.
NOT_YOUTH_CATEGORIES = (*TRAINING_CATEGORIES, "volunteer_training")


class EventType(models.Model):
    _inherit = "event.type"

    mazpulki_category = fields.Selection(CATEGORIES)
    mazpulki_scope = fields.Selection(SCOPES, string="Scope")

    @api.model
    def _default_question_ids(self):
        """Odoo's questions of a new event, the attendee's name asked as a person's
        ("Vārds, uzvārds"), not as a thing's name ("Nosaukums" in Odoo's Latvian)."""
        questions = super()._default_question_ids()
        for command in questions:
            if command[0] == 0 and command[2].get("question_type") == "name":
                command[2]["title"] = self.env._("Name and surname")
        return questions

    @api.model
    def _mazpulki_name_questions_in_latvian(self):
        """Give the existing events' name questions still titled as Odoo left them
        ("Name") their Latvian title. Called at each install and update (data)."""
        if not self.env["res.lang"]._lang_get("lv_LV"):
            return
        questions = self.env["event.question"].search([("question_type", "=", "name")])
        questions = questions.with_context(lang="en_US").filtered(lambda q: q.title == "Name")
        lv_title = self.with_context(lang="lv_LV").env._("Name and surname")
        questions.with_context(lang="en_US").title = "Name and surname"
        questions.with_context(lang="lv_LV").title = lv_title
