from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, index_exists

VOLUNTEER_STATES = [
    ("draft", "Draft"),
    ("submitted", "Awaiting Approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
DECIDED_STATES = ("approved", "rejected")
MAX_HOURS_PER_DAY = 24.0
# Money never comes from a volunteer: an hour line carries hours, never these accounting fields
# (defined by `account` when it is installed).
NO_MONEY_FIELDS = ("move_line_id", "general_account_id", "product_id")


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    mazpulki_volunteer_id = fields.Many2one(
        "mazpulki.volunteer", string="Volunteer", index="btree_not_null", ondelete="restrict"
    )
    mazpulki_team_id = fields.Many2one(
        related="mazpulki_volunteer_id.team_id", string="Volunteer Team", store=True, index="btree_not_null"
    )
    mazpulki_activity_id = fields.Many2one("mazpulki.volunteer.activity", string="Activity", ondelete="restrict")
    event_id = fields.Many2one("event.event", string="Event", index="btree_not_null", ondelete="set null")
    volunteer_state = fields.Selection(
        VOLUNTEER_STATES,
        string="Approval",
        compute="_compute_volunteer_state",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        copy=False,
    )
    mazpulki_reject_reason = fields.Text(string="Rejection Reason", copy=False)
    mazpulki_approver_id = fields.Many2one("res.users", string="Approved By", copy=False, readonly=True)
    mazpulki_date_approved = fields.Date(string="Approved On", copy=False, readonly=True)
    mazpulki_is_duplicate = fields.Boolean(
        string="Possible Duplicate",
        compute="_compute_mazpulki_is_duplicate",
        store=True,
        help="Another line of the same person on the same day has the same activity and hours.",
    )
    mazpulki_funding_account_id = fields.Many2one(
        "account.analytic.account",
        string="Funding Source",
        compute="_compute_mazpulki_funding_account_id",
        inverse="_inverse_mazpulki_funding_account_id",
        help="The analytic account of the funding source plan (Settings) the hours count for as in-kind value.",
    )

    def init(self):
        res = super().init()
        # The strategy's yearly figures (hours, active volunteers, in-kind value) sum every approved
        # line of a range of years: a partial covering index lets PostgreSQL read them from the
        # index alone instead of the whole table of timesheets and analytic lines.
        if not index_exists(self.env.cr, "account_analytic_line_mazpulki_approved_date_idx"):
            self.env.cr.execute(
                SQL(
                    """CREATE INDEX account_analytic_line_mazpulki_approved_date_idx
                           ON account_analytic_line (date) INCLUDE (unit_amount, mazpulki_volunteer_id)
                        WHERE volunteer_state = 'approved' AND mazpulki_volunteer_id IS NOT NULL"""
                )
            )
        return res

    @api.depends("mazpulki_volunteer_id")
    def _compute_volunteer_state(self):
        # Every volunteer line has a state, however it is made (the hours list or form, an import,
        # the group entry, a shift, the portal): a new one awaits approval. Other analytic lines have none.
        for line in self:
            if not line.mazpulki_volunteer_id:
                line.volunteer_state = False
            elif not line.volunteer_state:
                line.volunteer_state = "submitted"

    @api.depends("mazpulki_volunteer_id", "date", "mazpulki_activity_id", "unit_amount", "volunteer_state")
    def _compute_mazpulki_is_duplicate(self):
        lines = self.filtered(lambda line: line.mazpulki_volunteer_id and line.volunteer_state != "rejected")
        counts = {}
        if lines:
            # sudo: a duplicate may be a line the current user cannot read (another coordinator's entry)
            groups = self.sudo()._read_group(
                [
                    ("mazpulki_volunteer_id", "in", lines.mazpulki_volunteer_id.ids),
                    ("date", "in", list(set(lines.mapped("date")))),
                    ("volunteer_state", "!=", "rejected"),
                ],
                ["mazpulki_volunteer_id", "date:day", "mazpulki_activity_id", "unit_amount"],
                ["__count"],
            )
            counts = {
                (volunteer.id, day, activity.id, hours): count for volunteer, day, activity, hours, count in groups
            }
        for line in self:
            key = (line.mazpulki_volunteer_id.id, line.date, line.mazpulki_activity_id.id, line.unit_amount)
            line.mazpulki_is_duplicate = line in lines and counts.get(key, 0) > 1

    def _compute_mazpulki_funding_account_id(self):
        plan = self._mazpulki_funding_plan()
        column = plan and plan._column_name()
        for line in self:
            line.mazpulki_funding_account_id = line[column] if column and column in line else False

    def _inverse_mazpulki_funding_account_id(self):
        plan = self._mazpulki_funding_plan()
        column = plan and plan._column_name()
        if not column or column not in self:
            return
        for line in self:
            line[column] = line.mazpulki_funding_account_id

    @api.constrains("mazpulki_volunteer_id", "mazpulki_activity_id", "volunteer_state")
    def _check_mazpulki_volunteer(self):
        for line in self:
            if (line.mazpulki_activity_id or line.volunteer_state) and not line.mazpulki_volunteer_id:
                raise ValidationError(
                    self.env._("Volunteer hours need a volunteer: %s has no volunteer profile.", line.partner_id.name)
                )
            if line.mazpulki_volunteer_id and not line.volunteer_state:
                raise ValidationError(
                    self.env._(
                        "Volunteer hours always have an approval state (%s).",
                        line.mazpulki_volunteer_id.name,
                    )
                )

    @api.constrains("unit_amount", "date", "mazpulki_volunteer_id")
    def _check_mazpulki_hours(self):
        lines = self.filtered("mazpulki_volunteer_id")
        if not lines:
            return
        today = fields.Date.context_today(self)
        for line in lines:
            if line.unit_amount <= 0:
                raise ValidationError(self.env._("Hours must be more than zero (%s was entered).", line.unit_amount))
            if line.date > today:
                raise ValidationError(
                    self.env._("Hours cannot be logged for a day in the future (%s).", line.date.strftime("%d.%m.%Y"))
                )
            volunteer = line.mazpulki_volunteer_id
            if line.date < volunteer.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a volunteer since %(start)s: hours of %(day)s cannot be logged.",
                        name=volunteer.name,
                        start=volunteer.date_start.strftime("%d.%m.%Y"),
                        day=line.date.strftime("%d.%m.%Y"),
                    )
                )
        # sudo: the day's total counts every line of the person, also those the current user cannot read
        groups = self.sudo()._read_group(
            [
                ("mazpulki_volunteer_id", "in", lines.mazpulki_volunteer_id.ids),
                ("date", "in", list(set(lines.mapped("date")))),
                ("volunteer_state", "!=", "rejected"),
            ],
            ["mazpulki_volunteer_id", "date:day"],
            ["unit_amount:sum"],
            having=[("unit_amount:sum", ">", MAX_HOURS_PER_DAY)],
        )
        if groups:
            volunteer, day, total = groups[0]
            total_text = f"{total:g}"
            raise ValidationError(
                self.env._(
                    "%(name)s would have %(total)s hours on %(day)s: one person cannot log more than 24 hours a day.",
                    name=volunteer.name,
                    total=total_text,
                    day=day.strftime("%d.%m.%Y"),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        funding_plan = self._mazpulki_funding_plan()
        for vals in vals_list:
            # Set the plan's column at once: an inverse after create would write an approved line.
            if "mazpulki_funding_account_id" in vals and funding_plan:
                vals.setdefault(funding_plan._column_name(), vals.pop("mazpulki_funding_account_id"))
        volunteer_vals = [vals for vals in vals_list if self._mazpulki_is_volunteer_vals(vals)]
        if volunteer_vals:
            self._mazpulki_prepare_volunteer_vals(volunteer_vals)
        lines = super().create(vals_list)
        lines._mazpulki_check_no_money()
        if not self.env.su:
            lines.filtered(lambda line: line.volunteer_state in DECIDED_STATES)._mazpulki_check_coordinator()
        return lines

    def write(self, vals):
        self.check_access("write")  # who may not write at all learns that first, not that the line is locked
        locked = self.filtered(lambda line: line.volunteer_state == "approved")
        if locked and not self.env.context.get("mazpulki_volunteer_unlock"):
            raise UserError(
                self.env._(
                    "Approved volunteer hours are locked (%s). A manager can unlock them first.",
                    locked[0].mazpulki_volunteer_id.name,
                )
            )
        if not self.env.su and (
            vals.get("volunteer_state") in DECIDED_STATES
            or {"mazpulki_approver_id", "mazpulki_date_approved"} & set(vals)
        ):
            # Approving or rejecting is the coordinator's, whichever way the write comes (the portal, RPC).
            self.filtered("mazpulki_volunteer_id")._mazpulki_check_coordinator()
        if "mazpulki_volunteer_id" in vals and vals["mazpulki_volunteer_id"]:
            volunteer = self.env["mazpulki.volunteer"].browse(vals["mazpulki_volunteer_id"])
            vals.setdefault("partner_id", volunteer.partner_id.id)
        res = super().write(vals)
        self._mazpulki_check_no_money()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved_volunteer_hours(self):
        locked = self.filtered(lambda line: line.volunteer_state == "approved")
        if locked:
            raise UserError(
                self.env._(
                    "Approved volunteer hours cannot be deleted (%s). A manager can unlock them first.",
                    locked[0].mazpulki_volunteer_id.name,
                )
            )

    def action_volunteer_submit(self):
        lines = self.filtered(lambda line: line.volunteer_state in ("draft", "rejected"))
        lines.write({"volunteer_state": "submitted", "mazpulki_reject_reason": False})

    def action_volunteer_approve(self):
        self._mazpulki_check_coordinator()
        lines = self.filtered(lambda line: line.volunteer_state in ("draft", "submitted", "rejected"))
        lines.write(
            {
                "volunteer_state": "approved",
                "mazpulki_reject_reason": False,
                "mazpulki_approver_id": self.env.user.id,
                "mazpulki_date_approved": fields.Date.context_today(self),
            }
        )

    def action_volunteer_reject(self):
        self._mazpulki_check_coordinator()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Hours"),
            "res_model": "mazpulki.volunteer.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_ids": self.filtered("mazpulki_volunteer_id").ids},
        }

    def action_volunteer_unlock(self):
        if not self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            raise UserError(self.env._("Only a Mazpulki manager can unlock approved hours."))
        self.filtered(lambda line: line.volunteer_state == "approved").with_context(
            mazpulki_volunteer_unlock=True
        ).write({"volunteer_state": "submitted", "mazpulki_approver_id": False, "mazpulki_date_approved": False})

    def _mazpulki_reject(self, reason):
        self._mazpulki_check_coordinator()
        if not (reason or "").strip():
            raise UserError(self.env._("Please tell the volunteer why the hours are rejected."))
        self.filtered(lambda line: line.volunteer_state in ("draft", "submitted")).write(
            {"volunteer_state": "rejected", "mazpulki_reject_reason": reason}
        )

    def _mazpulki_check_coordinator(self):
        if not self:
            return
        if not self.env.user.has_group("mazpulki_volunteer.group_mazpulki_volunteer_coordinator"):
            raise UserError(self.env._("Only a volunteer coordinator can approve or reject hours."))
        own = self.filtered(lambda line: line.mazpulki_volunteer_id.partner_id == self.env.user.partner_id)
        if own and not self.env.user.has_group("mazpulki_members.group_mazpulki_manager"):
            raise UserError(self.env._("Your own hours are approved by another coordinator."))

    def _mazpulki_check_no_money(self):
        """Refuse a volunteer line that carries money or accounts of its own (issue 13).

        Checked for every user, superuser included, on create and write: an hour line has no amount,
        no journal item, no financial account and no product, and it counts only on the accounts the
        volunteering flow sets (the Volunteering account and a funding source), so that no hour line
        ever appears as income in the funding figures or in the accountant's analytic reports.
        """
        lines = self.filtered("mazpulki_volunteer_id")
        if not lines:
            return
        volunteering = self._mazpulki_volunteering_account()
        volunteering_column = volunteering.plan_id._column_name()
        funding_plan = self._mazpulki_funding_plan()
        funding_column = funding_plan._column_name() if funding_plan else None
        other_columns = [
            fname for fname in self._get_plan_fnames() if fname not in (volunteering_column, funding_column)
        ]
        money_fields = [fname for fname in NO_MONEY_FIELDS if fname in self._fields]
        for line in lines:
            name = line.mazpulki_volunteer_id.name
            if line.amount:
                raise ValidationError(
                    self.env._("Volunteer hours carry no money: %s's hours cannot have an amount.", name)
                )
            if any(line[fname] for fname in money_fields):
                raise ValidationError(
                    self.env._(
                        "Volunteer hours are not accounting entries: %s's hours cannot have a journal item,"
                        " a financial account or a product.",
                        name,
                    )
                )
            volunteering_value = line[volunteering_column]
            if any(line[fname] for fname in other_columns) or (
                volunteering_column != funding_column and volunteering_value and volunteering_value != volunteering
            ):
                raise ValidationError(
                    self.env._(
                        "Volunteer hours count only on the account %(account)s and a funding source (%(name)s).",
                        account=volunteering.name,
                        name=name,
                    )
                )

    @api.model
    def _mazpulki_is_volunteer_vals(self, vals):
        return bool(
            vals.get("mazpulki_volunteer_id") or vals.get("mazpulki_activity_id") or vals.get("volunteer_state")
        )

    @api.model
    def _mazpulki_prepare_volunteer_vals(self, vals_list):
        """Fill what a volunteer line always carries: the contact, hours as unit, the volunteering account."""
        Volunteer = self.env["mazpulki.volunteer"]
        account = self._mazpulki_volunteering_account()
        column = account.plan_id._column_name()
        uom = self.env.ref("uom.product_uom_hour", raise_if_not_found=False)
        activity_names = {
            activity.id: activity.name
            for activity in self.env["mazpulki.volunteer.activity"].browse(
                {vals["mazpulki_activity_id"] for vals in vals_list if vals.get("mazpulki_activity_id")}
            )
        }
        # one read of the batch's volunteers and one search of the profiles of contacts given alone,
        # not a query per line (a group entry logs the hours of a whole team at once)
        volunteers = Volunteer.browse(
            {vals["mazpulki_volunteer_id"] for vals in vals_list if vals.get("mazpulki_volunteer_id")}
        )
        partner_of = {volunteer.id: volunteer.partner_id.id for volunteer in volunteers}
        contact_ids = [
            vals["partner_id"] for vals in vals_list if vals.get("partner_id") and not vals.get("mazpulki_volunteer_id")
        ]
        volunteer_of_contact = {}
        if contact_ids:
            for volunteer in Volunteer.search([("partner_id", "in", contact_ids)]):
                volunteer_of_contact.setdefault(volunteer.partner_id.id, volunteer.id)
        plan_fnames = self._get_plan_fnames()
        for vals in vals_list:
            volunteer_id = vals.get("mazpulki_volunteer_id")
            if not volunteer_id and vals.get("partner_id"):
                volunteer_id = volunteer_of_contact.get(vals["partner_id"])
                if not volunteer_id:
                    partner = self.env["res.partner"].browse(vals["partner_id"])
                    raise ValidationError(
                        self.env._("%s has no volunteer profile: create one before logging hours.", partner.name)
                    )
                vals["mazpulki_volunteer_id"] = volunteer_id
            elif volunteer_id:
                vals["partner_id"] = partner_of[volunteer_id]
            if not vals.get("volunteer_state"):
                # given empty too (a form or an import sends the column): a new line awaits approval
                vals["volunteer_state"] = "submitted"
            if not vals.get("name"):
                vals["name"] = activity_names.get(vals.get("mazpulki_activity_id")) or self.env._("Volunteer work")
            if uom:
                vals.setdefault("product_uom_id", uom.id)
            if not any(vals.get(fname) for fname in plan_fnames):
                vals[column] = account.id

    @api.model
    def _mazpulki_volunteering_account(self):
        account = self.env.ref("mazpulki_volunteer.analytic_account_volunteering", raise_if_not_found=False)
        if not account:
            raise UserError(
                self.env._("The analytic account 'Volunteering' is missing: reinstall Mazpulki Volunteering.")
            )
        # sudo: volunteers on the portal log hours on this account without reading the chart of accounts
        return account.sudo()

    @api.model
    def _mazpulki_funding_plan(self):
        # sudo: a setting every volunteer line reads
        plan_id = int(self.env["ir.config_parameter"].sudo().get_param("mazpulki_volunteer.funding_plan_id") or 0)
        return self.env["account.analytic.plan"].sudo().browse(plan_id).exists()
