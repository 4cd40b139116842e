from odoo import api, models
from odoo.tools.misc import format_date

from .mazpulki_strategy_export import STATUS_COLOURS


class ReportMazpulkiStrategyBoard(models.AbstractModel):
    _name = "report.mazpulki_strategy.report_board"
    _description = "Strategy Board Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        self = self.with_context(mazpulki_measure_memo={})  # the board and its funding table share aggregations
        board = self.env["mazpulki.strategy.board"].get_board_data(
            data.get("year_from", 2021), data.get("year_to", 2027), data.get("area_ids"), data.get("region_ids")
        )
        funding = self.env["mazpulki.strategy.board"].get_funding_data(
            data.get("year_from", 2021), data.get("year_to", 2027)
        )
        total = {"name": self.env._("Total"), "kind": "", "years": funding["totals"], "total": True}
        return {
            "board": board,
            "funding": funding,
            "funding_rows": [*funding["rows"], total],
            "colours": STATUS_COLOURS,
            "figure": self.env["mazpulki.strategy.board"]._format_figure,
            "today": format_date(self.env, board["today"]),
            "doc_ids": docids,
            "docs": [],
        }
