from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Mailings to anonymised people (see ``mazpulki_members``' retention): the traces of mailings sent to
    them keep their state and dates for the mailing's figures but lose the address; mailing-list contacts
    with their address are deleted. The blacklist keeps an address that asked for no more mail: that is the
    person's own wish, and removing it would let mail reach them again."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mailing.trace": "the address removed from traces of mails to the person; figures kept",
            "mailing.contact": "list contacts with the person's address deleted",
            "mailing.mailing": "kept: Members Shown still links the anonymised contact, so a mailing not yet sent "
            "is checked against its consents; the text of a sent mailing is the organisation's record",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        if self:
            self.env.flush_all()
            cr = self.env.cr
            emails = [email for email in self.mapped("email_normalized") if email]
            cr.execute(
                SQL(
                    "UPDATE mailing_trace SET email = NULL, message_id = NULL "
                    "WHERE model = 'res.partner' AND res_id = ANY(%s)",
                    self.ids,
                )
            )
            if emails:
                contacts = (
                    self.env["mailing.contact"]
                    .sudo()
                    .with_context(active_test=False)
                    .search([("email_normalized", "in", emails)])
                )
                contacts.unlink()
        return super()._mazpulki_erase_personal_data()
