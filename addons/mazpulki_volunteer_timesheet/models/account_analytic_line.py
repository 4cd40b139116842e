from odoo import api, models
from odoo.exceptions import ValidationError


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    @api.model
    def _mazpulki_prepare_volunteer_vals(self, vals_list):
        """A volunteer line is no timesheet: no project, task or employee.

        Given an employee (even none), Timesheets does not look one up for the user who logs the
        hours: a volunteer on the portal cannot read employees, and a volunteer is not one.
        """
        res = super()._mazpulki_prepare_volunteer_vals(vals_list)
        for vals in vals_list:
            if vals.get("project_id") or vals.get("task_id") or vals.get("employee_id"):
                raise ValidationError(
                    self.env._("Volunteer hours are not timesheets: they cannot have a project, a task or an employee.")
                )
            vals.update(project_id=False, task_id=False, employee_id=False)
        return res

    @api.constrains("mazpulki_volunteer_id", "project_id", "task_id", "employee_id")
    def _check_mazpulki_volunteer_not_timesheet(self):
        if self.filtered(
            lambda line: line.mazpulki_volunteer_id and (line.project_id or line.task_id or line.employee_id)
        ):
            raise ValidationError(
                self.env._("Volunteer hours are not timesheets: they cannot have a project, a task or an employee.")
            )

    def _check_can_write(self, values):
        # Timesheets lets a user write only their own lines unless they approve timesheets; volunteer
        # lines are approved by volunteer coordinators under the volunteering rules instead.
        return super(AccountAnalyticLine, self.filtered(lambda line: not line.mazpulki_volunteer_id))._check_can_write(
            values
        )
