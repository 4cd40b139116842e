"""Punishment Register checks of the adults who work with children (Children's Rights Protection Law, Art. 72).

Data minimisation: the office managers record the day of the check, the result (clear / not clear) and who
checked; no certificate is kept unless a manager attaches one. Only office managers read this model (access
rights, no record rule opens it to anyone else), the field linking it to the person is theirs only (so no
search from ``res.partner`` reveals a result), and each opening of a check by a manager is logged.

A clear result gives the person a qualification of the background-check kind, valid for the kind's years:
that is what the rest of the office, the role checks and the person see ("checked, valid until ..."). A
result that is not clear gives nothing, so it reads exactly like "not checked".
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Without a validity on the kind, a check's record is deleted this many years after the check.
KEEP_YEARS = 3


class MazpulkiBackgroundCheck(models.Model):
    _name = "mazpulki.background.check"
    _description = "Background Check"
    _order = "date_check desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True, ondelete="cascade")
    kind_id = fields.Many2one(
        "mazpulki.qualification.kind",
        string="Qualification Given",
        required=True,
        domain=[("is_background_check", "=", True)],
        default=lambda self: self.env["mazpulki.qualification.kind"].search(
            [("is_background_check", "=", True)], limit=1
        ),
        ondelete="restrict",
    )
    date_check = fields.Date(
        string="Checked On",
        required=True,
        default=fields.Date.context_today,
        help="The day of the Punishment " "Register check.",
    )
    result = fields.Selection([("clear", "Clear"), ("not_clear", "Not Clear")], required=True)
    checked_by_id = fields.Many2one(
        "res.users", string="Checked By", required=True, default=lambda self: self.env.user, ondelete="restrict"
    )
    certificate = fields.Binary(
        attachment=True,
        copy=False,
        help="Only if the office decides to keep the certificate: readable by office managers only.",
    )
    certificate_filename = fields.Char()
    qualification_id = fields.Many2one("mazpulki.qualification", readonly=True, copy=False, ondelete="set null")
    date_delete = fields.Date(
        string="Delete On",
        compute="_compute_date_delete",
        store=True,
        help="The record (and its certificate) is deleted on this day: when the qualification it gave has "
        "expired, or three years after the check.",
    )
    read_log_ids = fields.One2many("mazpulki.background.check.log", "check_id", string="Read Log", readonly=True)

    @api.depends("date_check", "kind_id.validity_years", "kind_id.grace_months")
    def _compute_date_delete(self):
        for check in self:
            years = check.kind_id.validity_years or KEEP_YEARS
            check.date_delete = check.date_check and check.date_check + relativedelta(
                years=years, months=check.kind_id.grace_months
            )

    @api.constrains("kind_id")
    def _check_kind(self):
        for check in self:
            if not check.kind_id.is_background_check:
                raise ValidationError(
                    self.env._("%s is not a background check; choose a background-check kind.", check.kind_id.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        checks._mazpulki_sync_qualification()
        return checks

    def write(self, vals):
        res = super().write(vals)
        if {"result", "date_check", "kind_id", "partner_id"} & set(vals):
            self._mazpulki_sync_qualification()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_qualification(self):
        # A check deleted by hand (recorded by mistake) takes its qualification with it; one deleted on its
        # deletion day leaves the qualification (the non-sensitive "checked, valid until ...") as history.
        if not self.env.context.get("mazpulki_keep_qualification"):
            # sudo: the qualification a check gave goes with it, whoever in the office may delete the check
            self.qualification_id.sudo().unlink()

    def web_read(self, specification):
        # the read log: who opened which check's result, and when (forms open one record)
        if "result" in specification and len(self) == 1:
            self.env["mazpulki.background.check.log"].sudo().create({"check_id": self.id, "user_id": self.env.uid})
        return super().web_read(specification)

    @api.model
    def _cron_mazpulki_delete_expired(self):
        """Delete the checks past their deletion day, and so their certificates and read logs; the expired
        qualification they gave stays. Returns how many were deleted."""
        expired = self.sudo().search([("date_delete", "<", fields.Date.context_today(self))])
        expired.with_context(mazpulki_keep_qualification=True).unlink()
        return len(expired)

    def _mazpulki_sync_qualification(self):
        """A clear result gives (or moves) the background-check qualification; any other removes it."""
        # sudo: the qualification is the office's, recorded for the manager who records the check
        Qualification = self.env["mazpulki.qualification"].sudo()
        for check in self:
            vals = {
                "partner_id": check.partner_id.id,
                "kind_id": check.kind_id.id,
                "date_obtained": check.date_check,
                "origin": "background_check",
                "recorded_by_id": check.checked_by_id.id,
            }
            if check.result == "clear" and check.qualification_id:
                check.qualification_id.sudo().write(vals)
            elif check.result == "clear":
                existing = Qualification.search(
                    [
                        ("partner_id", "=", check.partner_id.id),
                        ("kind_id", "=", check.kind_id.id),
                        ("date_obtained", "=", check.date_check),
                    ],
                    limit=1,
                )
                check.sudo().qualification_id = existing or Qualification.create(vals)
            elif check.qualification_id:
                check.qualification_id.sudo().unlink()


class MazpulkiBackgroundCheckLog(models.Model):
    _name = "mazpulki.background.check.log"
    _description = "Background Check Read Log"
    _order = "create_date desc, id desc"

    check_id = fields.Many2one("mazpulki.background.check", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Read By", required=True, ondelete="cascade")
