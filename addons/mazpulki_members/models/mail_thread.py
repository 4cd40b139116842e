from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """The chatter's note when a record is created, e.g. "Kontakts: ieraksts izveidots".

        Odoo's "%s created" reads "Contact izveidoja" in its Latvian ("Contact created
        someone"); the suite's own words, translated in its lv.po, replace it.
        """
        self.ensure_one()
        return self.env._("%s: record created", self.env["ir.model"]._get(self._name).name)
