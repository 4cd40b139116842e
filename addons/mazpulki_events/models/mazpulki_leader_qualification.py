from odoo import fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

# L2: a leader earns the yearly qualification certificate with 12 hours of training.
QUALIFICATION_HOURS = 12


class MazpulkiLeaderQualification(models.Model):
    """Each club leader's qualification hours per year (a database view).

    A leader appears for every year in which they led a club, with zero hours
    when they attended no training: the office sees who is still short.
    """

    _name = "mazpulki.leader.qualification"
    _description = "Leader Qualification Hours"
    _auto = False
    _order = "year desc, hours, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "event.registration": ["event_id", "partner_id", "state", "active"],
        "event.event": ["date_begin", "mazpulki_qualification_hours"],
        "mazpulki.club.leader": ["partner_id", "club_id", "date_start", "date_end"],
        "mazpulki.club": ["region_id"],
    }

    partner_id = fields.Many2one("res.partner", string="Leader", readonly=True)
    region_id = fields.Many2one("mazpulki.region", string="Region", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    hours = fields.Float(string="Qualification Hours", readonly=True)
    training_count = fields.Integer(string="Trainings", readonly=True)
    hours_missing = fields.Float(readonly=True)
    is_qualified = fields.Boolean(string="Certificate Earned", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %(view)s AS (
                    WITH leaders AS (
                        SELECT l.partner_id, y.year, MIN(c.region_id) AS region_id
                          FROM mazpulki_club_leader l
                          JOIN mazpulki_club c ON c.id = l.club_id
                    CROSS JOIN LATERAL generate_series(
                                   EXTRACT(YEAR FROM l.date_start)::int,
                                   GREATEST(EXTRACT(YEAR FROM l.date_start)::int,
                                            EXTRACT(YEAR FROM COALESCE(l.date_end, CURRENT_DATE))::int)
                               ) AS y(year)
                      GROUP BY l.partner_id, y.year
                    ), hours AS (
                        SELECT r.partner_id, EXTRACT(YEAR FROM ev.date_begin)::int AS year,
                               SUM(ev.mazpulki_qualification_hours) AS hours, COUNT(*) AS training_count
                          FROM event_registration r
                          JOIN event_event ev ON ev.id = r.event_id
                         WHERE r.state = 'done' AND r.active AND ev.mazpulki_qualification_hours > 0
                      GROUP BY r.partner_id, EXTRACT(YEAR FROM ev.date_begin)
                    )
                    SELECT leaders.partner_id::bigint * 10000 + leaders.year AS id,
                           leaders.partner_id, leaders.region_id, leaders.year,
                           COALESCE(hours.hours, 0) AS hours,
                           COALESCE(hours.training_count, 0) AS training_count,
                           GREATEST(%(target)s - COALESCE(hours.hours, 0), 0) AS hours_missing,
                           COALESCE(hours.hours, 0) >= %(target)s AS is_qualified
                      FROM leaders
                 LEFT JOIN hours ON hours.partner_id = leaders.partner_id AND hours.year = leaders.year
                )""",
                view=SQL.identifier(self._table),
                target=QUALIFICATION_HOURS,
            )
        )

    def action_print_certificate(self):
        not_qualified = self.filtered(lambda q: not q.is_qualified)
        if not_qualified:
            raise UserError(
                self.env._(
                    "%(leader)s has %(hours)s of the %(target)s qualification hours in %(year)s; "
                    "the certificate needs all of them.",
                    leader=not_qualified[0].partner_id.name,
                    hours=not_qualified[0].hours,
                    target=QUALIFICATION_HOURS,
                    year=not_qualified[0].year,
                )
            )
        return self.env.ref("mazpulki_events.action_report_qualification_certificate").report_action(self)

    def _mazpulki_trainings(self):
        """The trainings attended that make up this leader's year."""
        self.ensure_one()
        return self.env["event.registration"].search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("state", "=", "done"),
                ("event_id.mazpulki_qualification_hours", ">", 0),
                ("event_id.date_begin", ">=", f"{self.year}-01-01"),
                ("event_id.date_begin", "<", f"{self.year + 1}-01-01"),
            ],
            order="id",
        )
