from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

SCORE_MAX = 10
REVIEW_STATES = {"report_submitted", "evaluated"}


class MazpulkiProjectReview(models.Model):
    _name = "mazpulki.project.review"
    _description = "Project Review"
    _order = "project_id, id"
    _rec_name = "reviewer_id"

    project_id = fields.Many2one("mazpulki.project", required=True, ondelete="cascade", index=True)
    theme_id = fields.Many2one(related="project_id.theme_id")
    club_id = fields.Many2one(related="project_id.club_id", store=True, index=True)
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewer", required=True, default=lambda self: self.env.user, index=True
    )
    line_ids = fields.One2many("mazpulki.project.review.line", "review_id", string="Scores")
    comment = fields.Text(help="What the reviewer tells the team; the team reads it on the portal.")
    total = fields.Float(
        compute="_compute_total",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="The weighted average of the criteria's scores, out of 10.",
    )

    _sql_constraints = [
        ("project_reviewer_uniq", "unique(project_id, reviewer_id)", "This reviewer has already reviewed the project."),
    ]

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_total(self):
        for review in self:
            weight = sum(review.line_ids.mapped("weight"))
            review.total = sum(line.score * line.weight for line in review.line_ids) / weight if weight else 0.0

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id and not self.line_ids:
            self.line_ids = [Command.create({"criterion_id": c.id}) for c in self.project_id.theme_id.criterion_ids]

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._check_project_state()
        for review in reviews.filtered(lambda r: not r.line_ids):
            review.line_ids = [Command.create({"criterion_id": c.id}) for c in review.project_id.theme_id.criterion_ids]
        return reviews

    def write(self, vals):
        self._check_project_state()
        return super().write(vals)

    def _check_project_state(self):
        for review in self:
            if review.project_id.state not in REVIEW_STATES:
                raise UserError(
                    self.env._(
                        "%s can be scored once its final report is submitted, and until it is completed.",
                        review.project_id.name,
                    )
                )


class MazpulkiProjectReviewLine(models.Model):
    _name = "mazpulki.project.review.line"
    _description = "Score of one Criterion"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one("mazpulki.project.review", required=True, ondelete="cascade", index=True)
    criterion_id = fields.Many2one("mazpulki.project.theme.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Float(related="criterion_id.weight", store=True)
    score = fields.Float(digits=(16, 1), help="From 0 to 10.")
    comment = fields.Char()

    _sql_constraints = [
        ("review_criterion_uniq", "unique(review_id, criterion_id)", "A criterion is scored once per review."),
    ]

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= SCORE_MAX:
                raise ValidationError(
                    self.env._(
                        "Score %(criterion)s from 0 to %(max)s.", criterion=line.criterion_id.name, max=SCORE_MAX
                    )
                )

    @api.constrains("criterion_id", "review_id")
    def _check_criterion_theme(self):
        for line in self:
            if line.criterion_id.theme_id != line.review_id.project_id.theme_id:
                raise ValidationError(
                    self.env._("%s is not a criterion of the project's theme.", line.criterion_id.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.review_id._check_project_state()
        return lines

    def write(self, vals):
        self.review_id._check_project_state()
        return super().write(vals)
