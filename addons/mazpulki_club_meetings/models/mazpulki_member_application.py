from odoo import fields, models


class MazpulkiMemberApplication(models.Model):
    _inherit = "mazpulki.member.application"

    meeting_visitor_ids = fields.One2many("mazpulki.meeting.visitor", "application_id", string="Visits")

    def _mazpulki_application_proves_guardian(self):
        """An application the leader made of a visitor was not sent by the family: its adult waits for proof."""
        return not self.sudo().meeting_visitor_ids and super()._mazpulki_application_proves_guardian()
