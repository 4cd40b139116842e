from odoo import fields, models
from odoo.exceptions import AccessError

# What the suite's record rules wrote for "today" before 18.0.1.0.4: the server's UTC day, frozen in
# Odoo's cache of a rule's domain until the cache was next cleared.
OLD_TODAY = "time.strftime('%Y-%m-%d')"


def use_local_day_in_rules(cr, module):
    """Migration helper: ``module``'s record rules (noupdate data) read ``mazpulki_today``."""
    cr.execute(
        """
        UPDATE ir_rule r SET domain_force = replace(r.domain_force, %s, 'mazpulki_today')
          FROM ir_model_data d
         WHERE d.model = 'ir.rule' AND d.module = %s AND d.res_id = r.id AND position(%s in r.domain_force) > 0
        """,
        (OLD_TODAY, module, OLD_TODAY),
    )


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _eval_context(self):
        """Rules may read ``mazpulki_today``: the user's day ("YYYY-MM-DD", their time zone, Riga's for
        the organisation), which starts a leadership or a membership at Riga's midnight, not UTC's."""
        return {**super()._eval_context(), "mazpulki_today": fields.Date.to_string(fields.Date.context_today(self))}

    def _compute_domain_context_values(self):
        # Odoo caches a rule's domain per user; a domain that reads the day is cached per day
        yield from super()._compute_domain_context_values()
        yield fields.Date.context_today(self)

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
