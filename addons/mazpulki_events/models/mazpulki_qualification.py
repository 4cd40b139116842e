"""Qualifications from events (issue 26): a course at an event grants a qualification to those who attended
it, and the training hours attended at events with qualification hours renew qualifications that renew by
training (``mazpulki_members`` keeps the qualifications and asks ``res.partner._mazpulki_training_hours``)."""

from odoo import api, fields, models
from odoo.tools import SQL

from .mazpulki_leader_qualification import QUALIFICATION_HOURS


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_qualification_kind_id = fields.Many2one(
        "mazpulki.qualification.kind",
        string="Course Grants",
        domain=[("is_background_check", "=", False)],
        ondelete="restrict",
        help="A course: everyone who attended it obtains this qualification on the event's first day.",
    )


class MazpulkiQualification(models.Model):
    _inherit = "mazpulki.qualification"

    event_id = fields.Many2one("event.event", string="Course", index="btree_not_null", ondelete="set null")

    @api.model
    def _cron_mazpulki_qualifications(self):
        self._mazpulki_grant_course_qualifications()
        return super()._cron_mazpulki_qualifications()

    @api.model
    def _mazpulki_grant_course_qualifications(self):
        """Give the qualification of each course (an event with ``mazpulki_qualification_kind_id``) to every
        attendee (registration attended) who has none from that event yet. Idempotent; returns the new ones."""
        self.env["event.registration"].flush_model(["event_id", "partner_id", "state", "active"])
        self.env["event.event"].flush_model(["mazpulki_qualification_kind_id", "date_begin"])
        self.flush_model(["event_id", "partner_id", "kind_id", "date_obtained"])
        rows = self.env.execute_query(
            SQL(
                """SELECT DISTINCT r.partner_id, ev.mazpulki_qualification_kind_id, ev.id,
                          (ev.date_begin AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(ev.date_tz, 'Europe/Riga'))::date
                     FROM event_registration r
                     JOIN event_event ev ON ev.id = r.event_id
                    WHERE r.state = 'done' AND r.active AND r.partner_id IS NOT NULL
                      AND ev.mazpulki_qualification_kind_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM mazpulki_qualification q
                                       WHERE q.partner_id = r.partner_id
                                         AND q.kind_id = ev.mazpulki_qualification_kind_id
                                         AND (q.event_id = ev.id OR q.date_obtained =
                                              (ev.date_begin AT TIME ZONE 'UTC'
                                               AT TIME ZONE COALESCE(ev.date_tz, 'Europe/Riga'))::date))"""
            )
        )
        if not rows:
            return self.browse()
        events = self.env["event.event"].browse({row[2] for row in rows})
        names = {event.id: event.name for event in events}
        # sudo: the cron (or the office closing a course) records qualifications for the attendees
        return self.sudo().create(
            [
                {
                    "partner_id": partner_id,
                    "kind_id": kind_id,
                    "event_id": event_id,
                    "date_obtained": day,
                    "origin": "course",
                    "reference": names[event_id],
                    "recorded_by_id": False,
                }
                for partner_id, kind_id, event_id, day in rows
            ]
        )


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_training_hours_year = fields.Float(
        string="Training Hours This Year",
        compute="_compute_mazpulki_training_hours_year",
        help="Qualification hours of the trainings attended this year (L2: 12 hours earn the certificate).",
    )
    mazpulki_training_hours_target = fields.Float(
        string="Hours for the Certificate", compute="_compute_mazpulki_training_hours_year"
    )
    mazpulki_leader_hours_ids = fields.One2many(
        "mazpulki.leader.qualification", "partner_id", string="Training Hours per Year"
    )

    def _compute_mazpulki_training_hours_year(self):
        today = fields.Date.context_today(self)
        hours = self._mazpulki_training_hours(self.ids, today.replace(month=1, day=1), today.replace(month=12, day=31))
        for partner in self:
            partner.mazpulki_training_hours_year = sum(h for _day, h in hours.get(partner.id, []))
            partner.mazpulki_training_hours_target = QUALIFICATION_HOURS

    @api.model
    def _mazpulki_training_hours(self, partner_ids, date_from, date_to):
        """The trainings attended (registrations marked attended) at events with qualification hours,
        counted on the event's first day, one query for all the people."""
        result = super()._mazpulki_training_hours(partner_ids, date_from, date_to)
        if not partner_ids:
            return result
        self.env["event.registration"].flush_model(["event_id", "partner_id", "state", "active"])
        self.env["event.event"].flush_model(["date_begin", "date_tz", "mazpulki_qualification_hours"])
        rows = self.env.execute_query(
            SQL(
                """SELECT r.partner_id, d.day, SUM(ev.mazpulki_qualification_hours)
                     FROM event_registration r
                     JOIN event_event ev ON ev.id = r.event_id
               CROSS JOIN LATERAL (SELECT (ev.date_begin AT TIME ZONE 'UTC'
                                           AT TIME ZONE COALESCE(ev.date_tz, 'Europe/Riga'))::date AS day) d
                    WHERE r.partner_id = ANY(%(partners)s) AND r.state = 'done' AND r.active
                      AND ev.mazpulki_qualification_hours > 0
                      AND d.day BETWEEN %(date_from)s AND %(date_to)s
                 GROUP BY r.partner_id, d.day
                 ORDER BY r.partner_id, d.day""",
                partners=list(partner_ids),
                date_from=date_from,
                date_to=date_to,
            )
        )
        for partner_id, day, hours in rows:
            result.setdefault(partner_id, []).append((day, float(hours)))
        return result
