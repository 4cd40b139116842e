from odoo import models


class MazpulkiClub(models.Model):
    _inherit = "mazpulki.club"

    def action_mazpulki_mailing(self):
        """A new mailing to the club's members: those 13 or older themselves, the guardians of the younger ones."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mailing to %s", self.display_name),
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "context": {
                "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "default_mailing_domain": repr(self._mazpulki_mailing_domain()),
                "default_subject": self.display_name,
            },
        }

    def _mazpulki_mailing_domain(self):
        return [("mazpulki_mailing_member_ids.mazpulki_club_id", "in", self.ids)]
