import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestEntry(StrategyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target_entered = cls._create_target(
            "T-E", {2001: 3}, source="entered", measure_code=False, comparison="at_least"
        )
        cls.target_yes = cls._create_target(
            "T-Y", {2001: 1}, source="entered", unit="yes_no", comparison="yes_no", measure_code=False
        )

    def _enter(self, target, year, value, user=None):
        Entry = self.env["mazpulki.strategy.entry"].with_user(user or self.user_officer)
        evidence = self.env["ir.attachment"].create(
            {
                "name": "protokols.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 protokols"),
                "res_model": "mazpulki.strategy.entry",
            }
        )
        return Entry.create(
            {"target_id": target.id, "year": year, "value": value, "attachment_ids": [(6, 0, evidence.ids)]}
        )

    def test_entered_value_with_evidence(self):
        entry = self._enter(self.target_entered, 2001, 2)
        self.assertEqual(entry.entered_by_id, self.user_officer)
        self.assertEqual(entry.attachment_ids.name, "protokols.pdf")
        self._enter(self.target_yes, 2001, 1)
        rows = self._board(2001, 2001)
        cell = rows["T-E"]["years"][2001]
        self.assertEqual(rows["T-E"]["source"], "entered")
        self.assertEqual((cell["actual"], cell["target"], cell["achieved"], cell["status"]), (2, 3, 66.7, "missed"))
        self.assertEqual(rows["T-Y"]["years"][2001]["status"], "met")
        self.assertFalse(rows["T-E"]["drilldown"])

    def test_who_enters(self):
        with self.assertRaises(AccessError):
            self._enter(self.target_entered, 2001, 2, user=self.user_board)
        with self.assertRaises(AccessError):
            self._enter(self.target_entered, 2001, 2, user=self.user_leader_a)
        computed = self._create_target("T-C", {}, measure_code="members.count")
        with self.assertRaises(ValidationError):
            self._enter(computed, 2001, 2)

    def test_snapshot_and_later_correction(self):
        entry = self._enter(self.target_entered, 2001, 2)
        with self.assertRaises(AccessError):
            self.Board.with_user(self.user_board).action_close_year(2001)
        snapshot = self.Board.with_user(self.user_officer).action_close_year(2001)
        line = snapshot.line_ids.filtered(lambda line: line.target_id == self.target_entered)
        self.assertEqual((line.actual, line.target_value, line.status), (2, 3, "missed"))
        with self.assertRaises(UserError):
            self.Board.with_user(self.user_officer).action_close_year(2001)
        entry.with_user(self.user_officer).value = 4
        cell = self._board(2001, 2001)["T-E"]["years"][2001]
        self.assertEqual((cell["actual"], cell["frozen"], cell["difference"]), (4, 2, 2))
        self.assertEqual(cell["status"], "met")
        self.assertEqual(line.actual, 2)
        self.assertIn(2001, self.Board.get_board_data(2001, 2001, [self.area.id])["closed_years"])

    def test_only_a_past_year_closes(self):
        with self.assertRaisesRegex(UserError, "has not ended yet"):
            self.Board.with_user(self.user_officer).action_close_year(self.year)

    def test_a_year_to_come_has_no_figure(self):
        """Next year shows no figure and no status, not a zero (nor a fall of 100 % for growth)."""
        next_year = self.year + 1
        row = self._board(next_year, next_year)["T-E"]
        self.assertEqual(row["years"][next_year]["actual"], None)
        self.assertEqual(row["years"][next_year]["status"], "none")
