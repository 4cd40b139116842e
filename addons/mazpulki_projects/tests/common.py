import base64

from dateutil.relativedelta import relativedelta

from odoo import Command

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon

# A 1×1 PNG: real photo bytes for evidence uploads.
PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class ProjectsCommon(MazpulkiCommon):
    """The member fixture plus an open theme with a rubric, and helpers to build projects in any stage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme = cls.env["mazpulki.project.theme"].create(
            {
                "name": "Testa tēma: Mans dārzs",
                "year": cls.year,
                "priority_area": "environmental_education",
                "rules": "<p>Audzē dārzeņus un pastāsti, ko iemācījies.</p>",
                "age_min": 10,
                "age_max": 18,
                "participation": "both",
                "date_open": cls.today - relativedelta(days=10),
                "date_close": cls.today + relativedelta(days=20),
                "date_report_deadline": cls.today + relativedelta(months=4),
                "criterion_ids": [
                    Command.create({"name": "Ideja", "weight": 1.0, "sequence": 1}),
                    Command.create({"name": "Rezultāts", "weight": 3.0, "sequence": 2}),
                ],
                "is_published": True,
            }
        )
        cls.criterion_idea, cls.criterion_result = cls.theme.criterion_ids
        cls.guardian_b = cls._create_guardian(cls.member_b, "Inga Vītola")
        cls.member_a.email = "madara@example.lv"

    @classmethod
    def _project_vals(cls, member=None, **vals):
        member = member or cls.member_a
        return {
            "name": f"Garšaugu dārzs ({member.name})",
            "kind": "member",
            "theme_id": cls.theme.id,
            "year": cls.year,
            "club_id": member.mazpulki_club_id.id,
            "member_ids": [Command.set(member.ids)],
            "goal": "Izaudzēt garšaugus skolas ēdnīcai.",
            "plan": "Aprīlī sēju, maijā stādu, vasarā kopju.",
            "expected_result": "Desmit kastes ar garšaugiem.",
            **vals,
        }

    @classmethod
    def _create_project(cls, state="draft", member=None, **vals):
        """A complete project in ``state`` (created directly, as the superuser may)."""
        if state in ("report_submitted", "evaluated", "completed", "approved", "in_progress"):
            vals.setdefault("report_done", "Iestādījām 40 stādus.")
            vals.setdefault("report_results", "Ražu nodevām ēdnīcai.")
            vals.setdefault("report_learned", "Kā kopt dobes.")
        return cls.env["mazpulki.project"].create({**cls._project_vals(member), "state": state, **vals})

    @classmethod
    def _review(cls, project, user, idea, result, comment="Labs darbs!"):
        review = (
            cls.env["mazpulki.project.review"].with_user(user).create({"project_id": project.id, "comment": comment})
        )
        scores = {cls.criterion_idea: idea, cls.criterion_result: result}
        for line in review.line_ids:
            line.score = scores[line.criterion_id]
        return review
