from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools.misc import formatLang

from odoo.addons.mazpulki_members.models.mazpulki_measure import PRIORITY_AREAS


class MazpulkiProjectTheme(models.Model):
    _name = "mazpulki.project.theme"
    _description = "Priority Project Theme"
    _inherit = ["mail.thread"]
    _order = "year desc, sequence, id"

    def _default_year(self):
        return fields.Date.context_today(self).year

    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    year = fields.Integer(required=True, default=_default_year, index=True, tracking=True)
    priority_area = fields.Selection(PRIORITY_AREAS, required=True, tracking=True)
    rules = fields.Html(
        translate=True,
        help="The theme's rules (nolikums) as members read them on the website.",
    )
    rules_document = fields.Binary(attachment=True)
    rules_document_name = fields.Char()
    age_min = fields.Integer(string="Minimum Age", default=5, required=True)
    age_max = fields.Integer(string="Maximum Age", default=25, required=True)
    participation = fields.Selection(
        [("individual", "Individual"), ("team", "Team"), ("both", "Individual or Team")],
        default="both",
        required=True,
        help="Whether one member, a team of members, or either carries out a project of this theme.",
    )
    is_budget_required = fields.Boolean(
        string="Budget Required",
        help="An application lists its costs: at least one budget line (item and amount in euros).",
    )
    budget_max = fields.Float(
        string="Maximum Budget (EUR)",
        digits=(16, 2),
        help="The most an application's budget may total, in euros; 0 means no limit.",
    )
    date_open = fields.Date(string="Applications From", required=True, tracking=True)
    date_close = fields.Date(string="Applications Until", required=True, tracking=True)
    date_report_deadline = fields.Date(string="Report Deadline", required=True, tracking=True)
    is_published = fields.Boolean(
        string="Published",
        copy=False,
        tracking=True,
        help="Shown on the website's page of project themes while applications are open.",
    )
    is_open = fields.Boolean(
        string="Open for Applications",
        compute="_compute_is_open",
        search="_search_is_open",
        help="Published, and today falls in the application window.",
    )
    criterion_ids = fields.One2many(
        "mazpulki.project.theme.criterion", "theme_id", string="Evaluation Criteria", copy=True
    )
    project_ids = fields.One2many("mazpulki.project", "theme_id", string="Projects")
    project_count = fields.Integer(compute="_compute_project_count")
    website_url = fields.Char(compute="_compute_website_url")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("age_band", "CHECK(age_min <= age_max)", "The minimum age cannot be above the maximum age."),
        ("budget_max_positive", "CHECK(budget_max >= 0)", "The maximum budget cannot be negative."),
    ]

    @api.depends_context("tz")
    def _compute_is_open(self):
        today = fields.Date.context_today(self)
        for theme in self:
            theme.is_open = bool(
                theme.is_published and theme.date_open and theme.date_open <= today <= theme.date_close
            )

    def _search_is_open(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError()
        today = fields.Date.context_today(self)
        domain = [("is_published", "=", True), ("date_open", "<=", today), ("date_close", ">=", today)]
        return domain if (operator == "=") == value else ["!", *expression.normalize_domain(domain)]

    def _compute_project_count(self):
        counts = dict(
            self.env["mazpulki.project"]._read_group([("theme_id", "in", self.ids)], ["theme_id"], ["__count"])
        )
        for theme in self:
            theme.project_count = counts.get(theme, 0)

    def _compute_website_url(self):
        for theme in self:
            theme.website_url = f"/projects/themes#theme-{theme.id}" if theme.id else False

    @api.constrains("date_open", "date_close", "date_report_deadline")
    def _check_dates(self):
        for theme in self:
            if theme.date_close < theme.date_open:
                raise ValidationError(self.env._("Theme %s: applications cannot close before they open.", theme.name))
            if theme.date_report_deadline < theme.date_close:
                raise ValidationError(
                    self.env._("Theme %s: the report deadline cannot come before applications close.", theme.name)
                )

    @api.constrains("is_published", "rules", "rules_document", "criterion_ids")
    def _check_publishable(self):
        for theme in self.filtered("is_published"):
            if not (theme.rules or theme.rules_document):
                raise ValidationError(
                    self.env._("Theme %s cannot be published without its rules (text or document).", theme.name)
                )
            if not theme.criterion_ids:
                raise ValidationError(
                    self.env._("Theme %s cannot be published without evaluation criteria.", theme.name)
                )

    def action_publish(self):
        self.is_published = True

    def action_unpublish(self):
        self.is_published = False

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_projects.mazpulki_project_action")
        action["domain"] = [("theme_id", "=", self.id)]
        action["context"] = {"default_theme_id": self.id}
        return action

    def _mazpulki_check_age(self, member, day):
        """An error message when ``member`` is out of this theme's age band on ``day``, else None."""
        self.ensure_one()
        age = member._mazpulki_age_on(day)
        if age is None or not self.age_min <= age <= self.age_max:
            return self.env._(
                "%(member)s is %(age)s; the theme %(theme)s is for ages %(min)s to %(max)s.",
                member=member.name,
                age=age if age is not None else "?",
                theme=self.name,
                min=self.age_min,
                max=self.age_max,
            )
        return None

    def _mazpulki_check_budget(self, project):
        """Error messages (a list, empty when all is well) for ``project``'s budget under this theme's rule.

        The rule is the theme's: ``is_budget_required`` asks for at least one line, ``budget_max`` (euros,
        0 = none) caps the total.
        """
        self.ensure_one()
        problems = []
        if self.is_budget_required and not project.budget_line_ids:
            problems.append(
                self.env._("The theme %s requires a budget: list at least one item with its amount.", self.name)
            )
        if self.budget_max and project.budget_total > self.budget_max:
            total = formatLang(self.env, project.budget_total, digits=2)
            budget_max = formatLang(self.env, self.budget_max, digits=2)
            problems.append(
                self.env._(
                    "The budget totals %(total)s EUR; the theme %(theme)s allows at most %(max)s EUR.",
                    total=total,
                    theme=self.name,
                    max=budget_max,
                )
            )
        return problems


class MazpulkiProjectThemeCriterion(models.Model):
    _name = "mazpulki.project.theme.criterion"
    _description = "Evaluation Criterion of a Theme"
    _order = "theme_id, sequence, id"

    theme_id = fields.Many2one("mazpulki.project.theme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(default=1.0, required=True, help="How much this criterion counts in the weighted total.")

    _sql_constraints = [
        ("weight_positive", "CHECK(weight > 0)", "A criterion's weight must be above zero."),
    ]
