from odoo import models
from odoo.exceptions import AccessError


class IrModelAccess(models.Model):
    _inherit = "ir.model.access"

    def _make_access_error(self, model, mode):
        """The user's groups give no access to the model: say so plainly, as for record rules.

        Odoo's message names the model and its technical name and lists groups; internal
        users in debug mode (technical features) keep it.
        """
        error = super()._make_access_error(model, mode)
        user = self.env.user
        if user._is_internal() and user.has_group("base.group_no_one"):
            return error
        _ = self.with_context(lang=user.context_get()["lang"]).env._  # the user's language, as Odoo's message
        messages = {
            "read": _("Your role does not let you open these records."),
            "write": _("Your role does not let you change these records."),
            "create": _("Your role does not let you create such records."),
            "unlink": _("Your role does not let you delete these records."),
        }
        return AccessError("%s\n%s" % (messages[mode], _("If you need them, ask the Mazpulki office.")))  # noqa: UP031
