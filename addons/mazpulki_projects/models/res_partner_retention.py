from odoo import models
from odoo.tools import SQL

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME


class ResPartner(models.Model):
    """Projects of anonymised members (see ``mazpulki_members``' retention).

    A project whose whole team is anonymised is the person's own: its title becomes the neutral label, its
    texts (goal, plan, expected result, report, the leader's comment, the reviewers' comments) and evidence
    files, chatter and activities are removed; its theme, club, year, state, hours, budget and scores stay
    for the figures. A team project with other members keeps its texts and files: they are the team's work
    and belong to the others as well; the anonymised member stays in the team under the neutral label.
    """

    _inherit = "res.partner"

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.project": "a solo project's title, texts, evidence and chatter removed; team projects kept",
            "mazpulki.project.review": "the comments on a solo project removed; scores kept",
        }

    def _mazpulki_erasure_solo_projects(self):
        if not self:
            return self.env["mazpulki.project"]
        self.env.cr.execute(
            SQL(
                "SELECT project_id FROM mazpulki_project_member_rel GROUP BY project_id "
                "HAVING bool_and(partner_id = ANY(%s)) AND bool_or(partner_id = ANY(%s))",
                self.ids,
                self.ids,
            )
        )
        return self.env["mazpulki.project"].browse(row[0] for row in self.env.cr.fetchall())

    def _mazpulki_erasure_thread_records(self):
        records = super()._mazpulki_erasure_thread_records()
        records["mazpulki.project"] = self._mazpulki_erasure_solo_projects().ids
        return records

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        projects = self._mazpulki_erasure_solo_projects()
        if projects:
            self.env.flush_all()
            cr = self.env.cr
            ids = projects.ids
            cr.execute(SQL("SELECT attachment_id FROM mazpulki_project_evidence_rel WHERE project_id = ANY(%s)", ids))
            evidence = self.env["ir.attachment"].sudo().browse(row[0] for row in cr.fetchall())
            cr.execute(SQL("DELETE FROM mazpulki_project_evidence_rel WHERE project_id = ANY(%s)", ids))
            evidence.unlink()
            cr.execute(
                SQL(
                    "UPDATE mazpulki_project SET name = %s, goal = NULL, plan = NULL, expected_result = NULL, "
                    "report_done = NULL, report_results = NULL, report_learned = NULL, decision_note = NULL "
                    "WHERE id = ANY(%s)",
                    ANONYMISED_NAME,
                    ids,
                )
            )
            cr.execute(SQL("UPDATE mazpulki_project_review SET comment = NULL WHERE project_id = ANY(%s)", ids))
            cr.execute(
                SQL(
                    "UPDATE mazpulki_project_review_line SET comment = NULL WHERE review_id IN "
                    "(SELECT id FROM mazpulki_project_review WHERE project_id = ANY(%s))",
                    ids,
                )
            )
        return super()._mazpulki_erase_personal_data()
