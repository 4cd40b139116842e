import json
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.mazpulki_strategy.models.mazpulki_strategy_board import MazpulkiStrategyBoard
from odoo.addons.mazpulki_strategy.models.mazpulki_strategy_export import MazpulkiStrategyExport


@tagged("post_install", "-at_install")
class TestReadReplica(HttpCase):
    """The board, its funding table and the exports run on a read-only cursor
    (a read replica when one is configured) and write nothing there: a write
    would make Odoo retry on the primary with a warning."""

    def _spy(self, cls, name):
        """Patch ``cls.name`` to record whether it ran on a read-only cursor."""
        seen = []
        original = getattr(cls, name)

        def spy(model, *args, **kwargs):
            seen.append(model.env.cr.readonly)
            return original(model, *args, **kwargs)

        spy._readonly = getattr(original, "_readonly", False)
        spy._api_model = True
        return seen, patch.object(cls, name, spy)

    def _call_kw(self, method, args):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {"params": {"model": "mazpulki.strategy.board", "method": method, "args": args, "kwargs": {}}}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertNotIn("error", body, body.get("error"))
        return body["result"]

    def test_board_and_funding_on_readonly_cursor(self):
        self.authenticate("admin", "admin")
        seen, patcher = self._spy(MazpulkiStrategyBoard, "_check_board_access")
        with patcher, self.assertNoLogs("odoo.http", level="WARNING"):
            board = self._call_kw("get_board_data", [2021, 2025])
            funding = self._call_kw("get_funding_data", [2021, 2025])
        self.assertTrue(board["rows"])
        self.assertIsInstance(funding, dict)
        self.assertEqual(seen, [True, True], "the board and the funding table run on a read-only cursor")

    def test_exports_on_readonly_cursor(self):
        self.authenticate("admin", "admin")
        seen_board, patch_board = self._spy(MazpulkiStrategyExport, "_board_xlsx")
        seen_stats, patch_stats = self._spy(MazpulkiStrategyExport, "_statistics_xlsx")
        with patch_board, patch_stats, self.assertNoLogs("odoo.http", level="WARNING"):
            board = self.url_open("/mazpulki_strategy/board.xlsx?year_from=2021&year_to=2025")
            stats = self.url_open("/mazpulki_strategy/statistics.xlsx?year=2024")
        self.assertEqual(board.status_code, 200)
        self.assertEqual(stats.status_code, 200)
        self.assertEqual(board.content[:2], b"PK")
        self.assertEqual(stats.content[:2], b"PK")
        self.assertEqual(seen_board + seen_stats, [True, True], "the exports run on a read-only cursor")

    def test_writes_stay_on_the_primary(self):
        """Closing a year writes: it is not marked read-only."""
        self.assertFalse(getattr(MazpulkiStrategyBoard.action_close_year, "_readonly", False))
        self.assertTrue(MazpulkiStrategyBoard.get_board_data._readonly)
        self.assertTrue(MazpulkiStrategyBoard.get_funding_data._readonly)
