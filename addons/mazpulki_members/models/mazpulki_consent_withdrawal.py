from odoo import api, fields, models

# The consents a family may withdraw on the portal; the one to data processing ends the membership (the office).
PORTAL_WITHDRAWABLE = ("photo", "publication")


class MazpulkiConsent(models.Model):
    _inherit = "mazpulki.consent"

    withdrawn_by_id = fields.Many2one(
        "res.partner",
        string="Withdrawn By",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who withdrew the consent: the member, a guardian, or the user of the office who recorded it.",
    )

    def action_withdraw(self):
        """Withdraw the consents still given, today, as the current user (the office's button)."""
        self._mazpulki_withdraw(self.env.user.partner_id)

    def _mazpulki_withdraw(self, by_partner):
        """Withdraw the consents of ``self`` still given, today, by ``by_partner`` (res.partner).

        What the consent allowed stops at once: the suite's public pages, certificates
        and mailings read the given consents when they are shown or sent
        (``mazpulki.consent._mazpulki_consented``).
        """
        self.filtered(lambda c: not c.date_withdrawn).write(
            {"date_withdrawn": fields.Date.context_today(self), "withdrawn_by_id": by_partner.id}
        )

    @api.model
    def _mazpulki_consented(self, members, consent_type):
        """The partners of ``members`` with a given (not withdrawn) consent of ``consent_type`` (one query).

        What the public sees reads this when it is shown or sent, so a withdrawal stops it at once.
        """
        if not members:
            return members
        # sudo: whether a consent is given decides what the public sees; nothing of the consent is shown
        groups = self.sudo()._read_group(
            [("member_id", "in", members.ids), ("consent_type", "=", consent_type), ("state", "=", "given")],
            ["member_id"],
        )
        allowed = {member.id for (member,) in groups}
        return members.filtered(lambda p: p.id in allowed)
