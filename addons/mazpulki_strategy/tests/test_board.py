from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import StrategyCommon

FAKE_VALUES = {
    "test.members": {2021: 200, 2022: 220, 2023: 210},
    "test.share": {2021: 40.0, 2022: 45.0, 2023: 41.5},
}


@tagged("post_install", "-at_install")
class TestBoard(StrategyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target_growth = cls._create_target(
            "T-G", {2022: 5, 2023: 5}, comparison="growth_pct", unit="percent", measure_code="test.members"
        )
        cls.target_base = cls._create_target(
            "T-B", {2022: 10, 2023: 20}, comparison="growth_base_pct", unit="percent", measure_code="test.members"
        )
        cls.target_pp = cls._create_target(
            "T-P", {2022: 2, 2023: 2}, comparison="pp_change", unit="percent", measure_code="test.share"
        )
        cls.target_none = cls._create_target("T-N", {2022: 1}, measure_code="nowhere.installed")
        cls.target_members = cls._create_target(
            "T-M", {cls.year: 1}, measure_code="members.count", regional=True, comparison="at_least"
        )

    def setUp(self):
        super().setUp()
        Measure = type(self.env["mazpulki.measure"])
        calls = self.fake_calls = []

        # each fake code answers its own values: dispatch on the spec's compute through a name per code
        def _fake_for(code):
            def compute(measure, year_from, year_to, region_ids=None):
                calls.append((code, year_from, year_to))
                return {y: v for y, v in FAKE_VALUES[code].items() if year_from <= y <= year_to}

            return compute

        def _measures(measure):
            measures = original(measure)
            for code in FAKE_VALUES:
                name = "_measure_" + code.replace(".", "_")
                measures[code] = {"name": code, "unit": "count", "compute": name, "regional": False}
            return measures

        original = Measure._mazpulki_measures
        for code in FAKE_VALUES:
            patcher = patch.object(Measure, "_measure_" + code.replace(".", "_"), _fake_for(code), create=True)
            patcher.start()
            self.addCleanup(patcher.stop)
        patcher = patch.object(Measure, "_mazpulki_measures", _measures)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_growth_over_previous_year(self):
        rows = self._board(2022, 2023)
        growth = rows["T-G"]["years"]
        # 200 → 220 is +10 % against +5 %: 200 % achieved; 220 → 210 is -4.55 %
        self.assertEqual(growth[2022]["value"], 220)
        self.assertEqual(growth[2022]["actual"], 10.0)
        self.assertEqual(growth[2022]["achieved"], 200.0)
        self.assertEqual(growth[2022]["status"], "met")
        self.assertEqual(growth[2023]["actual"], -4.55)
        self.assertEqual(growth[2023]["status"], "missed")

    def test_growth_and_points_over_baseline(self):
        rows = self._board(2022, 2023)
        base = rows["T-B"]["years"]
        self.assertEqual(base[2022]["actual"], 10.0)  # 220 / 200
        self.assertEqual(base[2022]["status"], "met")
        self.assertEqual(base[2023]["actual"], 5.0)  # 210 / 200 against +20 %
        self.assertEqual(base[2023]["achieved"], 25.0)
        self.assertEqual(base[2023]["status"], "missed")
        points = rows["T-P"]["years"]
        self.assertEqual(points[2022]["actual"], 5.0)  # 45 - 40
        self.assertEqual(points[2022]["status"], "met")
        self.assertEqual(points[2023]["actual"], 1.5)  # 41.5 - 40
        self.assertEqual(points[2023]["achieved"], 75.0)
        self.assertEqual(points[2023]["status"], "missed")

    def test_one_call_per_measure_for_the_range(self):
        self._board(2022, 2027)
        # one call per code, from the 2021 baseline to the last year, although two targets read test.members
        self.assertCountEqual(self.fake_calls, [("test.members", 2021, 2027), ("test.share", 2021, 2027)])

    def test_no_data_source_is_not_zero(self):
        rows = self._board(2021, 2023)
        row = rows["T-N"]
        self.assertFalse(row["has_data_source"])
        self.assertIsNone(row["years"][2022]["value"])
        self.assertEqual(row["years"][2022]["status"], "none")
        self.assertFalse(self.target_none.has_data_source)
        self.assertTrue(self.target_growth.has_data_source)

    def test_year_with_no_data(self):
        rows = self._board(2024, 2024)
        # no value in 2024: zero members, a fall of 100 %
        self.assertEqual(rows["T-G"]["years"][2024]["value"], 0)
        self.assertEqual(rows["T-G"]["years"][2024]["actual"], -100.0)

    def test_growth_waits_for_the_year_to_end(self):
        # 1 March 2023: the year runs, 210 members so far; a growth compares whole years, so none is told yet
        with freeze_time("2023-03-01"):
            rows = self._board(2022, 2023)
        running = rows["T-G"]["years"][2023]
        self.assertTrue(running["so_far"])
        self.assertEqual(running["value"], 210)
        self.assertIsNone(running["actual"])
        self.assertEqual(running["status"], "none")
        self.assertEqual(rows["T-B"]["years"][2023]["status"], "none")
        # the year before has ended: its growth stands
        self.assertFalse(rows["T-G"]["years"][2022]["so_far"])
        self.assertEqual(rows["T-G"]["years"][2022]["actual"], 10.0)
        # a change in points of a share is told while the year runs
        self.assertEqual(rows["T-P"]["years"][2023]["actual"], 1.5)
        self.assertEqual(rows["T-G"]["display_unit"], "percent")
        self.assertEqual(rows["T-P"]["display_unit"], "pp")

    def test_figures_read_in_the_users_language(self):
        board = self.Board.with_context(lang="en_US")
        self.assertEqual(board._format_figure(4.02, "percent"), "4.02 %")
        self.assertEqual(board._format_figure(4.5, "percent", signed=True), "+4.5 %")
        self.assertEqual(board._format_figure(-4.55, "percent", signed=True), "-4.55 %")
        self.assertEqual(board._format_figure(3000, "eur"), "3,000 €")
        self.assertEqual(board._format_figure(12, "hours"), "12 h")
        self.assertEqual(board._format_figure(1, "yes_no"), "Yes")
        self.assertEqual(board._format_figure(None, "count"), "–")
        self.env["res.lang"]._activate_lang("lv_LV")
        board_lv = self.Board.with_context(lang="lv_LV")
        lang = self.env["res.lang"]._get_data(code="lv_LV")
        # one decimal mark for every figure: "4,02 %" beside "3 000 €", as Latvian writes them
        self.assertEqual(board_lv._format_figure(4.02, "percent"), "4,02 %")
        self.assertEqual(board_lv._format_figure(3000, "eur"), f"3{lang.thousands_sep}000 €")
        self.assertEqual(board_lv._format_figure(2, "pp"), "2 p.p.")

    def test_status_rule(self):
        self.assertEqual(self.Board._status(100, 0.3), "met")
        self.assertEqual(self.Board._status(40, 0.3), "on_track")
        self.assertEqual(self.Board._status(20, 0.3), "at_risk")
        self.assertEqual(self.Board._status(99, 1.0), "missed")
        self.assertAlmostEqual(self.Board._year_fraction(2024, date(2024, 3, 1)), 61 / 366)
        self.assertEqual(self.Board._year_fraction(2023, date(2024, 3, 1)), 1.0)
        self.assertEqual(self.Board._year_fraction(2025, date(2024, 3, 1)), 0.0)

    def test_members_by_region_and_drilldown(self):
        year = self.year
        region = self.club_a.region_id
        row = self._board(year, year, [region.id])["T-M"]
        figure = row["years"][year]["value"]
        self.assertEqual(
            figure, self.env["mazpulki.membership"].search_count([("year", "=", year), ("region_id", "=", region.id)])
        )
        self.assertGreaterEqual(figure, 1)
        action = self.Board.with_user(self.user_officer).action_open_records(self.target_members.id, year, [region.id])
        self.assertEqual(action["res_model"], "mazpulki.membership")
        self.assertEqual(self.env[action["res_model"]].search_count(action["domain"]), figure)

    def test_board_member_reads_figures_not_people(self):
        year = self.year
        row = self._board(year, year, user=self.user_board)["T-M"]
        self.assertGreaterEqual(row["years"][year]["value"], 1)
        with self.assertRaises(AccessError):
            self.Board.with_user(self.user_board).action_open_records(self.target_members.id, year)
        with self.assertRaises(AccessError):
            self.env["mazpulki.membership"].with_user(self.user_board).search([])
        with self.assertRaises(AccessError):
            self.Board.with_user(self.user_employee).get_board_data(year, year)

    def test_query_count_does_not_grow(self):
        """One query per measure, whatever the number of records: the count is the same with more members."""
        board = self.Board.with_user(self.user_officer)
        board.get_board_data(2021, 2027)  # warm the caches
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        board.get_board_data(2021, 2027)
        queries = self.cr.sql_log_count - before
        # One aggregation per measure, a few of which also read a small table once (the funding
        # accounts' kind); with the whole suite installed: 12 + 37 measures + 6 = 55 queries.
        measures = self.env["mazpulki.measure"]._mazpulki_measures()
        self.assertLessEqual(queries, 12 + len(measures) + 6)
        for i in range(5):
            self._create_member(f"Jauns Biedrs {i}", self.club_b, years=12)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=queries):
            board.get_board_data(2021, 2027)

    def test_board_member_finds_the_board_in_the_app_menu(self):
        """A board member opens the Mazpulki app and finds the board there, and nothing of the registry."""
        menus = self.env["ir.ui.menu"].with_user(self.user_board).load_menus(False)
        root = self.env.ref("mazpulki_members.mazpulki_menu_root").id
        self.assertIn(root, menus["root"]["children"])
        children = set(menus[root]["children"])
        self.assertIn(self.env.ref("mazpulki_strategy.mazpulki_strategy_menu").id, children)
        self.assertNotIn(self.env.ref("mazpulki_members.mazpulki_menu_registry").id, children)
        self.assertNotIn(self.env.ref("mazpulki_members.mazpulki_menu_reporting").id, children)
