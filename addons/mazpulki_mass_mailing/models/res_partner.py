from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.osv import expression
from odoo.tools import Query

from odoo.addons.mazpulki_members.models.mazpulki_consent import DIGITAL_CONSENT_AGE


class ResPartner(models.Model):
    _inherit = "res.partner"

    mazpulki_mailing_member_ids = fields.Many2many(
        "res.partner",
        string="Mailing Contact Of",
        compute="_compute_mazpulki_mailing_member_ids",
        search="_search_mazpulki_mailing_member_ids",
        help="The members a mailing reaches through this contact: the member themself from 13 on "
        "(Latvia's age of digital consent), the guardians of a younger member. A mailing's filter "
        "on this field (e.g. Mailing Contact Of > Club is Kalnciema mazpulks) writes to the right people.",
    )

    def _compute_mazpulki_mailing_member_ids(self):
        today = fields.Date.context_today(self)

        def is_young(member):
            age = member._mazpulki_age_on(today)
            return age is not None and age < DIGITAL_CONSENT_AGE

        for partner in self:
            own = partner.filtered(lambda p: p.is_mazpulki_member and not is_young(p))
            # sudo: the guardian links decide whom to write to, past the rules that hide children
            wards = partner.sudo().ward_ids.member_id.filtered(lambda m: m.is_mazpulki_member and is_young(m))
            partner.mazpulki_mailing_member_ids = own | wards.sudo(False)

    def _search_mazpulki_mailing_member_ids(self, operator, value):
        if operator not in ("in", "any", "=") or isinstance(value, bool):
            return NotImplemented
        if operator == "any" and isinstance(value, Query):
            member_domain = [("is_mazpulki_member", "=", True), ("id", "in", value)]
        elif operator == "any":
            member_domain = expression.AND([[("is_mazpulki_member", "=", True)], value])
        else:
            ids = [value] if isinstance(value, int) else list(value)
            member_domain = [("is_mazpulki_member", "=", True), ("id", "in", ids)]
        # Born after this day: younger than 13 today.
        cutoff = fields.Date.context_today(self) - relativedelta(years=DIGITAL_CONSENT_AGE)
        older = expression.AND([member_domain, ["|", ("birthdate_date", "=", False), ("birthdate_date", "<=", cutoff)]])
        younger = expression.AND([member_domain, [("birthdate_date", ">", cutoff)]])
        # sudo: whom to write to is decided past the record rules that hide children from some users
        Partner = self.sudo().with_context(active_test=True)
        guardians = Partner.env["mazpulki.guardian"]._search(
            [("member_id", "in", Partner._search(younger)), ("state", "=", "confirmed")]  # proved guardians only
        )
        return ["|", ("id", "in", Partner._search(older)), ("id", "in", guardians.subselect("guardian_id"))]
