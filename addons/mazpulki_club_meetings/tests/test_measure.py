import datetime
import io

from odoo.tests import new_test_user, tagged

from .common import MazpulkiMeetingsCommon

YEAR = 2001  # a year of no other data: the figures are the fixture's


@tagged("post_install", "-at_install")
class TestMeetingMeasures(MazpulkiMeetingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # club A (Kurzeme) holds 3 meetings: Madara at all 3, Kārlis at 2, Elza at 1; club B (Latgale) 1 with
        # Roberts; a planned and a cancelled meeting count nothing
        days = [datetime.date(YEAR, 3, d) for d in (7, 14, 21)]
        meetings = [cls._create_meeting(cls.club_a, day) for day in days]
        cls._hold(meetings[0], present=[cls.member_a, cls.member_a2, cls.member_a3])
        cls._hold(meetings[1], present=[cls.member_a, cls.member_a2], absent=[cls.member_a3])
        cls._hold(meetings[2], present=[cls.member_a], absent=[cls.member_a2, cls.member_a3])
        cls._hold(cls._create_meeting(cls.club_b, days[0]), present=[cls.member_b])
        cls._create_meeting(cls.club_a, datetime.date(YEAR, 4, 4))
        cls._create_meeting(cls.club_a, datetime.date(YEAR, 4, 11), state="cancelled")
        cls.env["ir.config_parameter"].set_param("mazpulki_club_meetings.active_min_meetings", "2")
        cls.Measure = cls.env["mazpulki.measure"]

    def _value(self, code, region_ids=None):
        return self.Measure.mazpulki_measure_values(code, YEAR, YEAR, region_ids)[YEAR]

    def test_meetings_held_average_attendance_and_active_members(self):
        self.assertEqual(self._value("club.meetings_held"), 4)
        self.assertEqual(self._value("club.meetings_held", [self.region_kurzeme.id]), 3)
        model, domain = self.Measure.mazpulki_measure_records("club.meetings_held", YEAR)
        self.assertEqual(self.env[model].search_count(domain), 4)
        self.assertEqual(self._value("club.average_attendance"), round(7 / 4, 1))
        self.assertEqual(self._value("club.average_attendance", [self.region_kurzeme.id]), 2.0)
        self.assertEqual(self._value("club.average_attendance", [self.region_latgale.id]), 1.0)
        self.assertIsNone(self.Measure.mazpulki_measure_values("club.average_attendance", 2000, 2000)[2000])
        # active: present at 2 or more meetings (the office's setting): Madara and Kārlis
        self.assertEqual(self._value("club.active_members"), 2)
        self.env["ir.config_parameter"].set_param("mazpulki_club_meetings.active_min_meetings", "3")
        self.assertEqual(self._value("club.active_members"), 1)
        self.assertEqual(self._value("club.active_members", [self.region_latgale.id]), 0)

    def test_settings_keep_the_office_setting(self):
        settings = self.env["res.config.settings"].create({"mazpulki_active_min_meetings": 6})
        settings.execute()
        self.assertEqual(self.Measure._mazpulki_active_min_meetings(), 6)

    def test_on_the_board_beside_m4a_and_in_the_statistics_xlsx(self):
        if "mazpulki.strategy.board" not in self.env:
            self.skipTest("mazpulki_strategy is not installed")
        import openpyxl

        board_user = new_test_user(self.env, login="board_club", groups="mazpulki_strategy.group_mazpulki_board")
        companion = self.env.ref("mazpulki_strategy.target_m4a_active")
        self.assertEqual(companion.task_id, self.env.ref("mazpulki_strategy.target_m4a").task_id)
        self.assertTrue(companion.has_data_source)
        data = self.env["mazpulki.strategy.board"].with_user(board_user).get_board_data(YEAR, YEAR + 1)
        row = next(r for r in data["rows"] if r["code"] == "M4a-A")
        self.assertEqual(row["years"][YEAR]["value"], 2)
        # the next year has no meetings: the growth is −100 %
        self.assertEqual(row["years"][YEAR + 1]["actual"], -100)
        content = self.env["mazpulki.strategy.export"].with_user(board_user)._statistics_xlsx(YEAR)
        book = openpyxl.load_workbook(io.BytesIO(content))
        figures = {r[0]: r[1] for r in book["Figures"].iter_rows(values_only=True) if r and r[0]}
        self.assertEqual(figures["Club meetings held"], 4)
        self.assertEqual(figures["Active members (at club meetings)"], 2)
        self.assertEqual(figures["Average attendance of a club meeting"], 1.8)
