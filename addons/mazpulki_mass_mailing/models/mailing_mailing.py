from odoo import fields, models
from odoo.exceptions import UserError


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    mazpulki_featured_member_ids = fields.Many2many(
        "res.partner",
        "mazpulki_mailing_featured_member_rel",
        "mailing_id",
        "partner_id",
        string="Members Shown",
        domain=[("is_mazpulki_member", "=", True)],
        help="The members whose names, results or photos this mailing publishes (a newsletter, a report of "
        "an event). Each needs a given publication consent: without it the mailing is not sent, also when "
        "the consent is withdrawn after the mailing was queued.",
    )

    def action_put_in_queue(self):
        """Refuse a mailing that shows a member without a given publication consent."""
        for mailing in self:
            missing = mailing._mazpulki_members_without_consent()
            if missing:
                raise UserError(
                    self.env._(
                        "%(mailing)s shows %(members)s, who have no consent to publication: "
                        "remove them from Members Shown (and from the text) before sending.",
                        mailing=mailing.subject,
                        members=", ".join(missing.mapped("name")),
                    )
                )
        return super().action_put_in_queue()

    def _action_send_mail(self, res_ids=None):
        # A consent withdrawn after the mailing was queued stops it at the next sending, before any e-mail.
        stopped = self.filtered(lambda mailing: mailing._mazpulki_members_without_consent())
        for mailing in stopped:
            mailing.write({"state": "draft", "schedule_date": False, "schedule_type": "now"})
            mailing.message_post(
                body=self.env._(
                    "Not sent: %(members)s no longer consent to publication. Remove them from Members Shown "
                    "(and from the text), then send again.",
                    members=", ".join(mailing._mazpulki_members_without_consent().mapped("name")),
                )
            )
        if stopped == self:
            return True
        return super(MailingMailing, self - stopped)._action_send_mail(res_ids=res_ids)

    def _mazpulki_members_without_consent(self):
        """The members shown by this mailing who have no given publication consent (res.partner)."""
        self.ensure_one()
        # sudo: the mailing's author may not read children's consents; only whether one is given is used
        members_sudo = self.sudo().mazpulki_featured_member_ids
        return (members_sudo - self.env["mazpulki.consent"]._mazpulki_consented(members_sudo, "publication")).sudo(
            False
        )
