from odoo import models
from odoo.exceptions import AccessError


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """A record rule refuses: say in plain words that the record is not the user's.

        Odoo's message jokes in English about "top-secret records" and names the model
        and the user's id; members, parents, leaders and the desk read this one instead.
        Internal users in debug mode (technical features) keep Odoo's details.
        """
        error = super()._make_access_error(operation, records)
        user = self.env.user
        if user._is_internal() and user.has_group("base.group_no_one"):
            return error
        _ = self.with_context(lang=user.context_get()["lang"]).env._  # the user's language, as Odoo's message
        messages = {
            "read": _("This record is not yours, so you cannot open it."),
            "write": _("This record is not yours, so you cannot change it."),
            "create": _("You cannot create this record: it would not be yours."),
            "unlink": _("This record is not yours, so you cannot delete it."),
        }
        plain = AccessError(
            "%s\n%s" % (messages[operation], _("If you need it, ask the Mazpulki office."))  # noqa: UP031
        )
        if getattr(error, "context", None):
            plain.context = error.context
        return plain
