from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's projects, their reviews (without the reviewers' names) and evidence files."""
        sections = super()._mazpulki_export_sections(member)
        projects = self.env["mazpulki.project"].search([("member_ids", "in", member.ids)], order="year, id")
        project = self._mazpulki_export_records(
            "projects",
            self.env._("Projects"),
            projects,
            [
                ("id", self.env._("Project No."), lambda p: p.id),
                self._mazpulki_export_team_column(member, projects, "name"),
                "year",
                "kind",
                "theme_id",
                "club_id",
                "state",
                # The team's other members are other people: only how many they are.
                "member_count",
                (
                    "leader",
                    self.env._("Supervising Leader"),
                    lambda p: self._mazpulki_export_person(member, p.leader_id),
                ),
                self._mazpulki_export_team_column(member, projects, "goal"),
                self._mazpulki_export_team_column(member, projects, "plan"),
                self._mazpulki_export_team_column(member, projects, "expected_result"),
                "budget_total",
                "date_submitted",
                "date_approved",
                "date_report_submitted",
                "date_completed",
                self._mazpulki_export_team_column(member, projects, "report_done"),
                self._mazpulki_export_team_column(member, projects, "report_results"),
                self._mazpulki_export_team_column(member, projects, "report_learned"),
                "report_hours",
                "score_average",
                self._mazpulki_export_team_column(member, projects, "decision_note"),
            ],
        )
        project["models"] = ["mazpulki.project", "mazpulki.project.budget.line", "ir.attachment"]
        files = []
        # A team's photos show the team-mates, other people: only a project of the member alone gives its files
        for record in projects.filtered(lambda p: p.member_count == 1):
            for attachment in record.evidence_ids:
                name = self._mazpulki_export_filename(attachment.name)
                files.append((f"projekti/{record.id}/{attachment.id}-{name}", attachment.raw or b""))
        project["files"] = files
        budget = self._mazpulki_export_records(
            "project_budget",
            self.env._("Project Budgets"),
            projects.budget_line_ids,
            [
                ("project", self.env._("Project No."), lambda b: b.project_id.id),
                "name",
                "quantity",
                "unit_price",
                "amount",
                "funding",
            ],
        )
        # Reviews the team reads on the portal; who reviewed is another person, never named.
        reviews = projects.review_ids.filtered(lambda r: r.project_id.state in ("evaluated", "completed"))
        review = self._mazpulki_export_records(
            "project_reviews",
            self.env._("Project Reviews"),
            reviews,
            [
                ("project", self.env._("Project No."), lambda r: r.project_id.id),
                "total",
                "comment",
                (
                    "scores",
                    self.env._("Scores"),
                    lambda r: "; ".join(
                        f"{line.criterion_id.name}: {line.score:.1f}" + (f" ({line.comment})" if line.comment else "")
                        for line in r.line_ids
                    ),
                ),
            ],
        )
        review["models"] = ["mazpulki.project.review", "mazpulki.project.review.line"]
        return [*sections, project, budget, review]

    @api.model
    def _mazpulki_export_team_column(self, member, projects, fname):
        """The column of a project's text field ``fname`` with the names of ``member``'s team-mates masked
        ("…"): the family's download names nobody else, and a team's title or plan may name its members."""
        field = projects._fields[fname]
        getter = self._mazpulki_export_getter(field)

        def masked(project):
            value = getter(project)
            if isinstance(value, str):
                for other in (project.member_ids - member).filtered("name"):
                    value = value.replace(other.name, "…")
            return value

        return (fname, field._description_string(self.env), masked)
