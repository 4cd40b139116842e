from odoo import api, fields, models

CLUB_LEADER_ROLE = "mazpulki_members.qualification_role_club_leader"


class MazpulkiClubLeader(models.Model):
    """Making someone a club leader needs the qualifications the office requires of the role (issue 26)."""

    _inherit = "mazpulki.club.leader"

    @api.model_create_multi
    def create(self, vals_list):
        leaders = super().create(vals_list)
        leaders._mazpulki_check_qualification()
        return leaders

    def write(self, vals):
        res = super().write(vals)
        if {"partner_id", "date_start"} & set(vals):
            self._mazpulki_check_qualification()
        return res

    def _mazpulki_check_qualification(self):
        """Refuse a leader without the club leader role's valid qualifications on the day they start
        (today for a start in the past: the office records an earlier start of a leader who is qualified now).

        Checked when a user makes the assignment (the office in a form, an import); the superuser's own
        writes (module data, the demo's history generators) are not, and a path that creates leaders with
        ``sudo()`` must call ``res.partner._mazpulki_check_role_qualification`` itself first.
        """
        if self.env.su:
            return
        today = fields.Date.context_today(self)
        for leader in self:
            if leader.date_end and leader.date_end < today:
                continue  # a past leadership recorded afterwards
            on_date = max(leader.date_start, today)
            leader.partner_id._mazpulki_check_role_qualification(CLUB_LEADER_ROLE, on_date)
