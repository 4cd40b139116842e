from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME


class ResPartner(models.Model):
    """Fee help of anonymised people (see ``mazpulki_members``' retention): a request keeps its event, state,
    decision and share for the board's figures; the family's reason, the office's message to the family and
    its chatter are removed."""

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.fee.help": "the reason, the message to the family and chatter removed; the decision kept",
        }

    def _mazpulki_erasure_fee_help(self):
        return (
            self.env["mazpulki.fee.help"]
            .sudo()
            .search(["|", ("member_id", "in", self.ids), ("requested_by_id", "in", self.ids)])
        )

    def _mazpulki_erasure_thread_records(self):
        records = super()._mazpulki_erasure_thread_records()
        records["mazpulki.fee.help"] = self._mazpulki_erasure_fee_help().ids
        return records

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        requests = self._mazpulki_erasure_fee_help()
        if requests:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    "UPDATE mazpulki_fee_help SET reason = %s, decision_note = NULL WHERE id = ANY(%s)",
                    ANONYMISED_NAME,
                    requests.ids,
                )
            )
            requests.invalidate_recordset(["reason", "decision_note"])
        return super()._mazpulki_erase_personal_data()
