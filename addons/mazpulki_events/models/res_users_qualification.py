from odoo import api, models

DESK_ROLE = "mazpulki_members.qualification_role_desk_children"


class ResUsers(models.Model):
    """The registration desk works at children's events: the role needs its qualifications (issue 26)."""

    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users.filtered(lambda user: user.mazpulki_role == "desk")._mazpulki_check_desk_qualification()
        return users

    def write(self, vals):
        res = super().write(vals)
        if vals.get("mazpulki_role") == "desk":
            self._mazpulki_check_desk_qualification()
        return res

    def _mazpulki_check_desk_qualification(self):
        """Refuse the desk role to a person without its valid qualifications (or the office's override).

        Checked when a user gives the role; the superuser's own writes (module and demo data) are not.
        """
        if self.env.su:
            return
        for user in self:
            user.partner_id._mazpulki_check_role_qualification(DESK_ROLE)
