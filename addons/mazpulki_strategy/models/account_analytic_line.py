from odoo import api, models
from odoo.exceptions import AccessError, ValidationError


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    @api.constrains("move_line_id", "general_account_id")
    def _check_mazpulki_journal_item(self):
        """An analytic line on a journal item is accounting's own, as Odoo makes it when an item is posted.

        The funding figures count the analytic lines of posted journal items. A line that merely points at
        one, made through RPC by someone who may create analytic lines but not post journal items (a
        volunteer coordinator), must not count: only those who post journal items link a line to one,
        and the line carries the item's own financial account.
        """
        lines = self.filtered("move_line_id")
        if not lines or self.env.su:
            return
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("Only accounting links analytic lines to journal items."))
        for line in lines:
            if line.general_account_id != line.move_line_id.account_id:
                raise ValidationError(
                    self.env._(
                        "An analytic line of the journal item %(item)s carries its account %(account)s.",
                        item=line.move_line_id.display_name,
                        account=line.move_line_id.account_id.display_name,
                    )
                )
