import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from .mazpulki_consent import DIGITAL_CONSENT_AGE
from .mazpulki_membership import MAX_AGE

ADULT_AGE = 18


class ResCompany(models.Model):
    _inherit = "res.company"

    mazpulki_reenrolment_date = fields.Date(
        string="Re-enrolment Opens",
        help="From this day (e.g. 1 September) guardians, and members of 18 or more, confirm on the portal that "
        "each member continues in the following year. Empty: no re-enrolment on the portal.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mazpulki_reenrolment_date = fields.Date(related="company_id.mazpulki_reenrolment_date", readonly=False)


class MazpulkiMembership(models.Model):
    _inherit = "mazpulki.membership"

    date_reenrolled = fields.Datetime(
        string="Re-enrolled",
        readonly=True,
        copy=False,
        help="When a guardian (or the member, 18 or older) confirmed on the portal that the member continues in "
        "the following year.",
    )
    reenrolled_by_id = fields.Many2one("res.partner", string="Re-enrolled By", readonly=True, copy=False)
    reenrolment_percent = fields.Float(
        string="Re-enrolled (%)",
        compute="_compute_reenrolment_percent",
        store=True,
        aggregator="avg",
        help="100 for a re-enrolled member, 0 otherwise: averaged per club it is the club's re-enrolment rate.",
    )
    reenrolment_recipient_ids = fields.Many2many(
        "res.partner",
        compute="_compute_reenrolment_recipient_ids",
        string="Re-enrolment Contacts",
        help="Who confirms the re-enrolment: the guardians, or the member from 18.",
    )

    @api.depends("date_reenrolled")
    def _compute_reenrolment_percent(self):
        for membership in self:
            membership.reenrolment_percent = 100.0 if membership.date_reenrolled else 0.0

    @api.depends("member_id.guardian_ids.guardian_id.email", "member_id.email", "member_id.birthdate_date")
    def _compute_reenrolment_recipient_ids(self):
        today = fields.Date.context_today(self)
        for membership in self:
            member = membership.member_id
            age = member._mazpulki_age_on(today) or 0
            if age >= ADULT_AGE:
                recipients = member
            else:
                recipients = member.guardian_ids.guardian_id
            membership.reenrolment_recipient_ids = recipients.filtered("email")

    @api.model
    def _mazpulki_reenrolment_year(self):
        """The year families re-enrol for now, or False while the re-enrolment is closed."""
        opens = self.env.company.mazpulki_reenrolment_date
        if not opens or fields.Date.context_today(self) < opens:
            return False
        return opens.year + 1

    @api.model
    def _renewal_domain(self, year):
        """The 1 January renewal leaves out the families who use the portal when the re-enrolment for ``year``
        was open: for them, confirming on the portal replaces the silent carry-over."""
        domain = super()._renewal_domain(year)
        opens = self.env.company.mazpulki_reenrolment_date
        if not opens or opens.year + 1 != year:
            return domain
        portal_user = [("share", "=", True), ("active", "=", True)]
        born_adult = datetime.date(year - 1 - ADULT_AGE, 12, 31)
        return [
            *domain,
            ("member_id.guardian_ids", "not any", [("guardian_id.user_ids", "any", portal_user)]),
            "|", ("member_id.user_ids", "not any", portal_user), ("member_id.birthdate_date", ">", born_adult),
        ]  # fmt: skip

    @api.model
    def action_open_reenrolment(self):
        """The office's re-enrolment list: this year's active members per club, who has and has not re-enrolled."""
        year = self._mazpulki_reenrolment_year()
        if not year:
            raise UserError(self.env._("The re-enrolment is not open: set the day it opens in Settings → Mazpulki."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mazpulki_members.mazpulki_membership_action_reenrolment"
        )
        action["name"] = self.env._("Re-enrolment for %s", year)
        action["domain"] = [("year", "=", year - 1), ("state", "=", "active")]
        return action

    def action_reenrolment_remind(self):
        """Remind the families of the selected members who have not re-enrolled, by e-mail."""
        template = self.env.ref("mazpulki_members.mail_template_reenrolment_reminder")
        pending = self.filtered(lambda m: not m.date_reenrolled and m.reenrolment_recipient_ids)
        for membership in pending:
            template.send_mail(membership.id, email_layout_xmlid="mail.mail_notification_light")
            membership.message_post(
                body=self.env._(
                    "Re-enrolment reminder sent to %s.", ", ".join(membership.reenrolment_recipient_ids.mapped("name"))
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s reminders sent.", len(pending)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _mazpulki_can_reenrol(self, year):
        """This membership of ``year - 1`` may be continued into ``year``."""
        self.ensure_one()
        member = self.member_id
        return (
            self.year == year - 1
            and self.state == "active"
            and member.active
            and member.is_mazpulki_member
            and member.birthdate_date
            and year - member.birthdate_date.year <= MAX_AGE
        )

    def _mazpulki_reenrol(self, year, club, by_partner, consents):
        """Confirm that the member continues into ``year`` in ``club``: the year's membership is created now.

        ``consents`` maps the optional consent types (photo, publication) to True or False; the consent to data
        processing is confirmed (given again when it was withdrawn)."""
        self.ensure_one()
        member = self.member_id
        next_membership = self.search([("member_id", "=", member.id), ("year", "=", year)])
        if next_membership:
            next_membership.club_id = club
        else:
            next_membership = self.with_context(mail_create_nolog=True).create(
                {"member_id": member.id, "club_id": club.id, "year": year, "date_join": datetime.date(year, 1, 1)}
            )
        self.write({"date_reenrolled": fields.Datetime.now(), "reenrolled_by_id": by_partner.id})
        today = fields.Date.context_today(self)
        age = member._mazpulki_age_on(today) or 0
        given_by = member if age >= DIGITAL_CONSENT_AGE and by_partner == member else by_partner
        given = member.consent_ids.filtered(lambda c: c.state == "given")
        wanted = {"data_processing": True, **consents}
        for consent_type, wants in wanted.items():
            current = given.filtered(lambda c, t=consent_type: c.consent_type == t)
            if wants and not current:
                self.env["mazpulki.consent"].create(
                    {
                        "member_id": member.id,
                        "consent_type": consent_type,
                        "given_by_id": given_by.id,
                        "date_given": today,
                        "note": self.env._("Re-enrolment for %s on the portal", year),
                    }
                )
            elif not wants and current:
                current._mazpulki_withdraw(given_by)
        body = self.env._(
            "%(by)s re-enrolled %(member)s for %(year)s in %(club)s.",
            by=by_partner.name,
            member=member.name,
            year=year,
            club=club.name,
        )
        if club != member.mazpulki_club_id:
            body += " " + self.env._("The member changes club: the office moves them at the start of the year.")
        member.message_post(body=body, subtype_xmlid="mail.mt_note")
        return next_membership
