from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mazpulki_strategy.tests.common import StrategyCommon


@tagged("post_install", "-at_install")
class TestYouthSurvey(StrategyCommon):
    """M6d from the surveys: youth surveys with at least N completed answers given in the year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Survey = cls.env["survey.survey"]
        cls.survey_a = Survey.create(
            {
                "title": "Jauniešu aptauja: brīvais laiks",
                "mazpulki_is_youth_survey": True,
                "question_and_page_ids": [
                    (0, 0, {"title": "Ko tu dari brīvajā laikā?", "question_type": "text_box"}),
                ],
            }
        )
        cls.survey_b = Survey.create({"title": "Jauniešu aptauja: nometnes", "mazpulki_is_youth_survey": True})
        cls.survey_other = Survey.create({"title": "Vecāku aptauja"})
        cls._answers(cls.survey_a, datetime(2024, 3, 1), 3)
        cls._answers(cls.survey_a, datetime(2025, 1, 15), 2)
        cls._answers(cls.survey_a, datetime(2024, 3, 2), 1, state="in_progress")
        cls._answers(cls.survey_a, datetime(2024, 3, 2), 1, test_entry=True)
        cls._answers(cls.survey_b, datetime(2024, 12, 31, 20, 0), 2)
        cls._answers(cls.survey_other, datetime(2024, 5, 5), 5)
        cls.Measure = cls.env["mazpulki.measure"]

    @classmethod
    def _answers(cls, survey, when, count, state="done", test_entry=False):
        cls.env["survey.user_input"].create(
            [
                {"survey_id": survey.id, "state": state, "end_datetime": when, "test_entry": test_entry}
                for __ in range(count)
            ]
        )

    def _set_minimum(self, minimum):
        self.env["ir.config_parameter"].set_param("mazpulki_survey.youth_survey_min_answers", str(minimum))

    def test_measure_against_hand_counts(self):
        # N = 3: 2024 has survey A (3 done; the unfinished and the test answers do not count); 2025 none
        self._set_minimum(3)
        self.assertEqual(
            self.Measure.mazpulki_measure_values("survey.youth_surveys", 2023, 2025), {2023: 0, 2024: 1, 2025: 0}
        )
        # N = 2: 2024 has A and B; 2025 has A again (a survey counts in each year it reached N)
        self._set_minimum(2)
        self.assertEqual(self.Measure.mazpulki_measure_values("survey.youth_surveys", 2024, 2025), {2024: 2, 2025: 1})
        model, domain = self.Measure.mazpulki_measure_records("survey.youth_surveys", 2024)
        self.assertEqual(self.env[model].search(domain), self.survey_a | self.survey_b)

    def test_board_reads_m6d_from_the_surveys(self):
        self._set_minimum(2)
        target = self.env.ref("mazpulki_strategy.target_m6d")
        self.assertEqual((target.source, target.measure_code), ("computed", "survey.youth_surveys"))
        self.assertTrue(target.has_data_source)
        data = self.Board.get_board_data(2024, 2024, target.task_id.area_id.ids)
        row = next(row for row in data["rows"] if row["code"] == "M6d")
        self.assertEqual(row["years"][2024]["value"], 2)

    def test_invite_members_of_an_age_band(self):
        teen = self._create_member("Katrīna Zariņa", self.club_a, years=14, email="katrina@example.lv")
        self._create_member("Jēkabs Zariņš", self.club_a, years=9, email="jekabs@example.lv")
        self._create_member("Rūta Lāce", self.club_b, years=16, email="ruta@example.lv")
        self.member_a.email = "madara@example.lv"  # 15, club A
        action = self.survey_a.action_send_survey()
        wizard = (
            self.env["survey.invite"]
            .with_context(**action["context"])
            .create({"mazpulki_age_min": 13, "mazpulki_age_max": 15, "mazpulki_club_id": self.club_a.id})
        )
        wizard.action_mazpulki_add_members()
        self.assertEqual(wizard.partner_ids, teen | self.member_a)
        wizard.write({"mazpulki_age_min": 30, "mazpulki_age_max": 20})
        with self.assertRaises(UserError):
            wizard.action_mazpulki_add_members()
