from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

# Answered messages are deleted after this many months (the contact page says so).
KEEP_ANSWERED_MONTHS = 12

# The fields the public contact form (/contactus) may fill: Odoo's website form writes only these
# (ir.model.fields.website_form_blacklisted is cleared for them in data/mazpulki_contact_message_data.xml).
CONTACT_FORM_FIELDS = ["contact_name", "email_from", "phone", "name", "description"]


class MazpulkiContactMessage(models.Model):
    """A message a visitor sent to the office from the website's contact page (/contactus).

    Created by Odoo's website form (``/website/form/mazpulki.contact.message``, as superuser, with only the
    fields of ``CONTACT_FORM_FIELDS``); read and answered by the office. Leaders, members and the public never
    read it: it may be about any club or family.
    """

    _name = "mazpulki.contact.message"
    _description = "Message to the Office"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    contact_name = fields.Char(string="Sender", required=True)
    email_from = fields.Char(string="E-mail", required=True)
    phone = fields.Char()
    description = fields.Text(string="Message", required=True)
    state = fields.Selection(
        [("new", "New"), ("done", "Answered")],
        required=True,
        default="new",
        tracking=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Handled By", tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.constrains("email_from")
    def _check_email_from(self):
        for message in self:
            if not email_normalize(message.email_from):
                raise ValidationError(self.env._("“%s” is not a valid e-mail address.", message.email_from))

    @api.model_create_multi
    def create(self, vals_list):
        # No "… created" note in the chatter: the website form creates as the superuser, in the visitor's
        # language, and the note would repeat the date received
        return super(MazpulkiContactMessage, self.with_context(mail_create_nolog=True)).create(vals_list)

    def action_mark_done(self):
        """The office answered: the message leaves the list of new ones."""
        self.write({"state": "done", "user_id": self.env.user.id})

    def action_reopen(self):
        self.write({"state": "new"})

    @api.autovacuum
    def _gc_answered_messages(self):
        """Delete the messages answered more than KEEP_ANSWERED_MONTHS ago: the sender's details are kept no longer."""
        limit = fields.Datetime.now() - relativedelta(months=KEEP_ANSWERED_MONTHS)
        self.search([("state", "=", "done"), ("write_date", "<", limit)]).unlink()

    def _message_get_suggested_recipients(self):
        # The office answers the sender from the chatter: suggest her address, as Odoo's CRM leads do.
        recipients = super()._message_get_suggested_recipients()
        if self.email_from:
            self._message_add_suggested_recipient(recipients, email=self.email_from, reason=self.env._("Sender"))
        return recipients
