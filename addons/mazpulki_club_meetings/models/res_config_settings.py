from odoo import fields, models

# Meetings a member attends in a year to count as active (the office's setting's default).
DEFAULT_ACTIVE_MIN_MEETINGS = 10
ACTIVE_MIN_MEETINGS_PARAM = "mazpulki_club_meetings.active_min_meetings"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mazpulki_active_min_meetings = fields.Integer(
        string="Meetings of an Active Member",
        config_parameter=ACTIVE_MIN_MEETINGS_PARAM,
        default=DEFAULT_ACTIVE_MIN_MEETINGS,
        help="A member present at this many club meetings in a year counts as an active member on the "
        "strategy board (the companion of M4a).",
    )
