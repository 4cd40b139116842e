from odoo import fields, models

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
