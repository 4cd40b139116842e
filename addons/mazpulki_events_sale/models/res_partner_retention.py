from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME


class ResPartner(models.Model):
    """Paid tickets of anonymised people (see ``mazpulki_members``' retention).

    A confirmed sale order is the basis of an invoice the Accounting Law keeps (mazpulki_strategy keeps the
    partner of a posted invoice): its customer and invoice address keep their name and address, and the
    order is not changed. Quotations never confirmed are no accounting record: their partner is anonymised in
    full. The registrations themselves are scrubbed by mazpulki_events.

    A request for help with the fee keeps its event, state, decision and share for the board's figures; the
    family's reason, the office's message to the family and its chatter are removed.
    """

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "sale.order": "confirmed orders kept (accounting law); their customer keeps name and address",
            "sale.order.line": "kept with its order",
            "mazpulki.fee.help": "the reason, the message to the family and chatter removed; the decision kept",
        }

    def _mazpulki_erasure_legal_partner_ids(self):
        legal = super()._mazpulki_erasure_legal_partner_ids()
        if not self:
            return legal
        self.env.cr.execute(
            SQL(
                "SELECT partner_id FROM sale_order WHERE state = 'sale' AND partner_id = ANY(%s) "
                "UNION SELECT partner_invoice_id FROM sale_order WHERE state = 'sale' AND partner_invoice_id = ANY(%s)",
                self.ids,
                self.ids,
            )
        )
        return legal | {row[0] for row in self.env.cr.fetchall()}

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
