from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


class StrategyCommon(MazpulkiCommon):
    """The members' fixture, a board member, an accountant and a test area of targets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_board = new_test_user(
            cls.env, login="board_member", name="Aija Padome", groups="mazpulki_strategy.group_mazpulki_board"
        )
        cls.user_manager = new_test_user(
            cls.env, login="strategy_manager", name="Kārlis Vadītājs", groups="mazpulki_members.group_mazpulki_manager"
        )
        cls.Board = cls.env["mazpulki.strategy.board"]
        cls.area = cls.env["mazpulki.strategy.area"].create({"code": "9.9", "name": "Test area"})
        cls.task = cls.env["mazpulki.strategy.task"].create({"area_id": cls.area.id, "name": "Test task"})

    @classmethod
    def _create_target(cls, code, targets, **vals):
        """A target of the test area with ``targets`` as ``{year: target value}``."""
        return cls.env["mazpulki.strategy.target"].create(
            {
                "code": code,
                "name": f"Test target {code}",
                "task_id": cls.task.id,
                "value_ids": [Command.create({"year": year, "value": value}) for year, value in targets.items()],
                **vals,
            }
        )

    def _board(self, year_from, year_to, region_ids=None, user=None):
        board = self.Board.with_user(user) if user else self.Board
        data = board.get_board_data(year_from, year_to, [self.area.id], region_ids)
        return {row["code"]: row for row in data["rows"]}
