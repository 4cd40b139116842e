from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Latvia's age of digital consent (Personal Data Processing Law, section 33):
# below it a guardian consents for the child.
DIGITAL_CONSENT_AGE = 13


class MazpulkiConsent(models.Model):
    _name = "mazpulki.consent"
    _description = "Consent"
    _inherit = ["mail.thread"]
    _order = "date_given desc, id desc"
    _rec_name = "consent_type"

    member_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_mazpulki_member", "=", True)],
    )
    consent_type = fields.Selection(
        [
            ("data_processing", "Data Processing"),
            ("photo", "Photos"),
            ("publication", "Publication"),
            # kept after the retention period while given (res_partner_retention.py)
            ("alumni", "Alumni Register"),
        ],
        string="Consent",
        required=True,
    )
    given_by_id = fields.Many2one(
        "res.partner",
        string="Given By",
        required=True,
        help="The member, or for members under 13 one of their guardians.",
    )
    date_given = fields.Date(required=True, default=fields.Date.context_today)
    date_withdrawn = fields.Date(tracking=True)
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")],
        compute="_compute_state",
        store=True,
    )
    note = fields.Char()

    @api.depends("date_withdrawn")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.date_withdrawn else "given"

    @api.constrains("member_id", "given_by_id", "date_given")
    def _check_given_by(self):
        for consent in self:
            member = consent.member_id
            guardians = member.guardian_ids.guardian_id
            if consent.given_by_id == member:
                age = member._mazpulki_age_on(consent.date_given)
                if age is not None and age < DIGITAL_CONSENT_AGE:
                    raise ValidationError(
                        self.env._(
                            "%(member)s was %(age)s on %(date)s: below 13 a guardian gives the consent.",
                            member=member.name,
                            age=age,
                            date=consent.date_given,
                        )
                    )
            elif consent.given_by_id not in guardians:
                raise ValidationError(
                    self.env._(
                        "%(person)s is neither %(member)s nor one of their guardians, so cannot give this consent.",
                        person=consent.given_by_id.name,
                        member=member.name,
                    )
                )

    @api.constrains("date_given", "date_withdrawn")
    def _check_dates(self):
        for consent in self:
            if consent.date_withdrawn and consent.date_withdrawn < consent.date_given:
                raise ValidationError(self.env._("A consent cannot be withdrawn before it was given."))

    def action_withdraw(self):
        self.filtered(lambda c: not c.date_withdrawn).date_withdrawn = fields.Date.context_today(self)
