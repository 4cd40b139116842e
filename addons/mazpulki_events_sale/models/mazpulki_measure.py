from odoo import api, models
from odoo.tools import SQL


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        measures.update(
            {
                "events.fee_help_amount": {
                    "name": self.env._("Help with event fees given"),
                    "unit": "eur",
                    "compute": "_measure_events_fee_help_amount",
                    "regional": False,
                },
                "events.fee_help_families": {
                    "name": self.env._("Families helped with event fees"),
                    "unit": "count",
                    "compute": "_measure_events_fee_help_families",
                    "regional": False,
                },
            }
        )
        return measures

    @api.model
    def _measure_events_fee_help_amount(self, year_from, year_to, region_ids=None):
        """EUR the fee-help price lists took off the ticket lines of confirmed orders (taxes included), by the
        year the event begins. A national figure; no names (the requests are the office's and the family's)."""
        self.env["sale.order.line"].flush_model(["mazpulki_fee_help_amount", "event_id", "order_id"])
        self.env["sale.order"].flush_model(["state"])
        self.env["event.event"].flush_model(["date_begin"])
        rows = self.env.execute_query(
            SQL(
                """SELECT EXTRACT(YEAR FROM ev.date_begin)::int, SUM(l.mazpulki_fee_help_amount)
                     FROM sale_order_line l
                     JOIN sale_order o ON o.id = l.order_id
                     JOIN event_event ev ON ev.id = l.event_id
                    WHERE o.state = 'sale' AND l.mazpulki_fee_help_amount > 0
                      AND ev.date_begin >= %s AND ev.date_begin < %s
                 GROUP BY 1""",
                f"{year_from}-01-01",
                f"{year_to + 1}-01-01",
            )
        )
        return {year: float(amount) for year, amount in rows}

    @api.model
    def _measure_events_fee_help_families(self, year_from, year_to, region_ids=None):
        """Families (distinct requesting guardians or adult members) whose request for help with an event fee
        was approved, by the year the event begins."""
        self.env["mazpulki.fee.help"].flush_model(["state", "event_id", "requested_by_id"])
        self.env["event.event"].flush_model(["date_begin"])
        rows = self.env.execute_query(
            SQL(
                """SELECT EXTRACT(YEAR FROM ev.date_begin)::int, COUNT(DISTINCT h.requested_by_id)
                     FROM mazpulki_fee_help h
                     JOIN event_event ev ON ev.id = h.event_id
                    WHERE h.state = 'approved' AND ev.date_begin >= %s AND ev.date_begin < %s
                 GROUP BY 1""",
                f"{year_from}-01-01",
                f"{year_to + 1}-01-01",
            )
        )
        return dict(rows)
