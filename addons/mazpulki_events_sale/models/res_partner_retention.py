from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Paid tickets of anonymised people (see ``mazpulki_members``' retention).

    A confirmed sale order is the basis of an invoice the Accounting Law keeps (mazpulki_strategy keeps the
    partner of a posted invoice): its customer and invoice address keep their name and address, and the
    order is not changed. Quotations never confirmed are no accounting record: their partner is anonymised in
    full. The registrations themselves are scrubbed by mazpulki_events.
    """

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "sale.order": "confirmed orders kept (accounting law); their customer keeps name and address",
            "sale.order.line": "kept with its order",
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
