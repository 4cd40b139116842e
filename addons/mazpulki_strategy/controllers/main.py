from odoo import http
from odoo.http import content_disposition, request


class MazpulkiStrategyController(http.Controller):
    # The exports only read: with a read replica configured (db_replica_host),
    # Odoo runs them there; a write would be retried on the primary.
    @http.route("/mazpulki_strategy/board.xlsx", type="http", auth="user", readonly=True)
    def board_xlsx(self, year_from=2021, year_to=2027, area_ids="", region_ids="", **kwargs):
        def ids(text):
            return [int(part) for part in str(text).split(",") if part.strip().isdigit()]

        content = request.env["mazpulki.strategy.export"]._board_xlsx(
            int(year_from), int(year_to), ids(area_ids), ids(region_ids)
        )
        filename = f"mazpulki-strategy-{year_from}-{year_to}.xlsx"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @http.route("/mazpulki_strategy/statistics.xlsx", type="http", auth="user", readonly=True)
    def statistics_xlsx(self, year, **kwargs):
        content = request.env["mazpulki.strategy.export"]._statistics_xlsx(int(year))
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition(f"mazpulki-statistics-{year}.xlsx")),
            ],
        )
