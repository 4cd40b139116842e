from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Accounting records of anonymised people (see ``mazpulki_members``' retention).

    The Accounting Law (Grāmatvedības likums, section 10) keeps the source documents for five years, and an
    invoice names its customer by name and address. Odoo prints a posted invoice from its partner, so a
    partner named on a posted journal entry (invoice, refund, payment) keeps the name and address fields; the
    rest (e-mail, phones, personal code, birth day, school, pictures, notes, portal user) is removed as for
    everyone. The journal entries and items themselves are not touched. A draft or cancelled entry is no
    source document: its partner is anonymised in full. Strategy entries and analytic lines hold figures, not
    people.
    """

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "account.move": "posted entries kept whole (accounting law); their partner keeps name and address",
            "account.move.line": "kept whole (accounting law)",
            "account.analytic.account": "funding sources: their partner is a funder, not a member",
        }

    def _mazpulki_erasure_legal_partner_ids(self):
        legal = super()._mazpulki_erasure_legal_partner_ids()
        if not self:
            return legal
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT partner_id FROM account_move WHERE state = 'posted' AND partner_id = ANY(%s)",
                self.ids,
            )
        )
        return legal | {row[0] for row in self.env.cr.fetchall()}
