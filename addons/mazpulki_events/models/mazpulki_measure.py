from odoo import api, models
from odoo.tools import SQL

from .mazpulki_leader_qualification import QUALIFICATION_HOURS

# Measures counting the events of some categories held in a year: code -> (label, categories).
HELD_MEASURES = {
    "events.national": ("National events", ("national",)),
    "events.regional": ("Regional events", ("regional",)),
    "events.recruitment": ("Member-recruitment events", ("recruitment",)),
    "events.international_info": ("Activities on international opportunities", ("international_info",)),
    "events.council_remote": ("Remote members' council meetings", ("council_remote",)),
    "events.council_in_person": ("In-person members' council meetings", ("council_in_person",)),
    "events.new_leader_seminars": ("New-leader seminars", ("new_leader_seminar",)),
    "events.pd_seminars": ("Professional-development seminars", ("pd_seminar",)),
    "events.exchange_domestic": ("Exchange trips in Latvia", ("exchange_domestic",)),
    "events.exchange_international": ("International exchange trips", ("exchange_international",)),
    "events.team_building": ("Team-building activities", ("team_building",)),
}

# Measures counting the distinct people who attended events of some categories:
# code -> (label, categories, who: "all" attendees, "members" or "leaders").
PEOPLE_MEASURES = {
    "events.camp_participants": ("All-Latvia camp participants", ("camp",), "all"),
    "events.international_members": (
        "Members in international activities",
        ("international", "exchange_international"),
        "members",
    ),
    "events.exchange_leaders": (
        "Leaders on exchange trips",
        ("exchange_domestic", "exchange_international"),
        "leaders",
    ),
    "events.volunteers_trained": ("Volunteers trained", ("volunteer_training",), "all"),
}


def _held_measure(code):
    """The compute and records methods of a measure counting events held (see HELD_MEASURES)."""

    def compute(self, year_from, year_to, region_ids=None):
        return self._measure_events_held(code, year_from, year_to, region_ids=region_ids)

    def records(self, year, region_ids=None):
        return self._measure_events_held_records(code, year, region_ids=region_ids)

    return api.model(compute), api.model(records)


def _people_measure(code):
    """The compute and records methods of a measure counting distinct attendees (see PEOPLE_MEASURES)."""

    def compute(self, year_from, year_to, region_ids=None):
        return self._measure_events_people(code, year_from, year_to, region_ids=region_ids)

    def records(self, year, region_ids=None):
        return self._measure_events_people_records(code, year, region_ids=region_ids)

    return api.model(compute), api.model(records)


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    # One compute and one records method per measure, as the registry's contract wants.
    _measure_events_national, _measure_events_national_records = _held_measure("events.national")
    _measure_events_regional, _measure_events_regional_records = _held_measure("events.regional")
    _measure_events_recruitment, _measure_events_recruitment_records = _held_measure("events.recruitment")
    _measure_events_international_info, _measure_events_international_info_records = _held_measure(
        "events.international_info"
    )
    _measure_events_council_remote, _measure_events_council_remote_records = _held_measure("events.council_remote")
    _measure_events_council_in_person, _measure_events_council_in_person_records = _held_measure(
        "events.council_in_person"
    )
    _measure_events_new_leader_seminars, _measure_events_new_leader_seminars_records = _held_measure(
        "events.new_leader_seminars"
    )
    _measure_events_pd_seminars, _measure_events_pd_seminars_records = _held_measure("events.pd_seminars")
    _measure_events_exchange_domestic, _measure_events_exchange_domestic_records = _held_measure(
        "events.exchange_domestic"
    )
    _measure_events_exchange_international, _measure_events_exchange_international_records = _held_measure(
        "events.exchange_international"
    )
    _measure_events_team_building, _measure_events_team_building_records = _held_measure("events.team_building")
    _measure_events_camp_participants, _measure_events_camp_participants_records = _people_measure(
        "events.camp_participants"
    )
    _measure_events_international_members, _measure_events_international_members_records = _people_measure(
        "events.international_members"
    )
    _measure_events_exchange_leaders, _measure_events_exchange_leaders_records = _people_measure(
        "events.exchange_leaders"
    )
    _measure_events_volunteers_trained, _measure_events_volunteers_trained_records = _people_measure(
        "events.volunteers_trained"
    )

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        # The labels are the same strings as in HELD_MEASURES / PEOPLE_MEASURES, spelt out for translation.
        labels = {
            "events.national": self.env._("National events"),
            "events.regional": self.env._("Regional events"),
            "events.recruitment": self.env._("Member-recruitment events"),
            "events.international_info": self.env._("Activities on international opportunities"),
            "events.council_remote": self.env._("Remote members' council meetings"),
            "events.council_in_person": self.env._("In-person members' council meetings"),
            "events.new_leader_seminars": self.env._("New-leader seminars"),
            "events.pd_seminars": self.env._("Professional-development seminars"),
            "events.exchange_domestic": self.env._("Exchange trips in Latvia"),
            "events.exchange_international": self.env._("International exchange trips"),
            "events.team_building": self.env._("Team-building activities"),
            "events.camp_participants": self.env._("All-Latvia camp participants"),
            "events.international_members": self.env._("Members in international activities"),
            "events.exchange_leaders": self.env._("Leaders on exchange trips"),
            "events.volunteers_trained": self.env._("Volunteers trained"),
        }
        for code in (*HELD_MEASURES, *PEOPLE_MEASURES):
            method = "_measure_" + code.replace(".", "_")
            measures[code] = {
                "name": labels[code],
                "unit": "count",
                "compute": method,
                "records": f"{method}_records",
            }
        measures.update(
            {
                "events.priority_areas_two_seminars": {
                    "name": self.env._("Priority areas with two seminars"),
                    "unit": "count",
                    "compute": "_measure_events_priority_areas_two_seminars",
                },
                "events.leaders_qualified": {
                    "name": self.env._("Leaders with a qualification certificate"),
                    "unit": "count",
                    "compute": "_measure_events_leaders_qualified",
                    "records": "_measure_events_leaders_qualified_records",
                },
                "events.qualification_hours": {
                    "name": self.env._("Leaders' qualification hours"),
                    "unit": "hours",
                    "compute": "_measure_events_qualification_hours",
                    "records": "_measure_events_qualification_hours_records",
                },
                "events.qualification_hours_per_leader": {
                    "name": self.env._("Qualification hours per leader"),
                    "unit": "hours",
                    "compute": "_measure_events_qualification_hours_per_leader",
                    "records": "_measure_events_qualification_hours_records",
                    "missing": None,  # no leaders: no average
                },
                "events.attendance_rate": {
                    "name": self.env._("Attendance rate"),
                    "unit": "percent",
                    "compute": "_measure_events_attendance_rate",
                    "missing": None,  # no registrations: no rate, not 0 %
                },
            }
        )
        return measures

    @api.model
    def _mazpulki_person_counts(self, key, year, partner_ids):
        if key != "events.attended":
            return super()._mazpulki_person_counts(key, year, partner_ids)
        Registration = self.env["event.registration"]
        domain = [
            ("partner_id", "in", list(partner_ids)),
            ("state", "=", "done"),
            ("event_id.date_begin", ">=", f"{year}-01-01"),
            ("event_id.date_begin", "<", f"{year + 1}-01-01"),
        ]
        # sudo: counts per person, like every measure past record rules; the caller chose the people
        counts = dict(Registration.sudo()._read_group(domain, ["partner_id"], ["event_id:count_distinct"]))
        return {partner.id: count for partner, count in counts.items()}

    # --- events held -------------------------------------------------------

    @api.model
    def _events_held_domain(self, categories, year_from, year_to, region_ids):
        domain = [
            ("mazpulki_category", "in", list(categories)),
            *self._mazpulki_year_range_domain("date_begin", year_from, year_to),
        ]
        # the id from the cached xmlid lookup: env.ref() would also query the stage's existence
        cancelled_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "event.event_stage_cancelled", raise_if_not_found=False
        )
        if cancelled_id:
            domain.append(("stage_id", "!=", cancelled_id))
        if region_ids:
            domain.append(("mazpulki_region_id", "in", region_ids))
        return domain

    @api.model
    def _measure_events_held(self, code, year_from, year_to, region_ids=None):
        """Events of the measure's categories that began in the year and were not cancelled."""
        categories = HELD_MEASURES[code][1]
        groups = self.env["event.event"]._read_group(
            self._events_held_domain(categories, year_from, year_to, region_ids), ["date_begin:year"], ["__count"]
        )
        return {day.year: count for day, count in groups}

    @api.model
    def _measure_events_held_records(self, code, year, region_ids=None):
        categories = HELD_MEASURES[code][1]
        return "event.event", self._events_held_domain(categories, year, year, region_ids)

    # --- distinct people ---------------------------------------------------

    @api.model
    def _events_people_query(self, code, year_from, year_to, region_ids, select):
        categories = PEOPLE_MEASURES[code][1]
        who = PEOPLE_MEASURES[code][2]
        Registration = self.env["event.registration"]
        Registration.flush_model(["state", "active", "partner_id", "mazpulki_member_id", "mazpulki_club_id"])
        self.env["event.event"].flush_model(["mazpulki_category", "date_begin"])
        person = SQL("r.mazpulki_member_id") if who == "members" else SQL("r.partner_id")
        conditions = [
            SQL("r.state = 'done' AND r.active AND %s IS NOT NULL", person),
            SQL("ev.mazpulki_category IN %s", tuple(categories)),
            SQL("ev.date_begin >= %s AND ev.date_begin < %s", f"{year_from}-01-01", f"{year_to + 1}-01-01"),
        ]
        if who == "leaders":
            conditions.append(SQL("EXISTS (SELECT 1 FROM mazpulki_club_leader l WHERE l.partner_id = r.partner_id)"))
        if region_ids:
            conditions.append(
                SQL(
                    "(ev.mazpulki_region_id IN %(regions)s OR EXISTS (SELECT 1 FROM mazpulki_club c "
                    "WHERE c.id = r.mazpulki_club_id AND c.region_id IN %(regions)s))",
                    regions=tuple(region_ids),
                )
            )
        return SQL(
            "SELECT %s FROM event_registration r JOIN event_event ev ON ev.id = r.event_id WHERE %s",
            select(person),
            SQL(" AND ").join(conditions),
        )

    @api.model
    def _measure_events_people(self, code, year_from, year_to, region_ids=None):
        """Distinct people who attended events of the measure's categories in the year."""
        query = self._events_people_query(
            code,
            year_from,
            year_to,
            region_ids,
            lambda person: SQL("EXTRACT(YEAR FROM ev.date_begin)::int, COUNT(DISTINCT %s)", person),
        )
        return dict(self.env.execute_query(SQL("%s GROUP BY 1", query)))

    @api.model
    def _measure_events_people_records(self, code, year, region_ids=None):
        query = self._events_people_query(code, year, year, region_ids, lambda person: SQL("DISTINCT %s", person))
        return "res.partner", [("id", "in", [row[0] for row in self.env.execute_query(query)])]

    # --- the rest ----------------------------------------------------------

    @api.model
    def _measure_events_priority_areas_two_seminars(self, year_from, year_to, region_ids=None):
        """Priority areas with at least two seminars held in the year (M3b)."""
        domain = self._events_held_domain(("seminar",), year_from, year_to, region_ids)
        groups = self.env["event.event"]._read_group(
            domain, ["date_begin:year", "mazpulki_priority_area"], ["__count"], having=[("__count", ">=", 2)]
        )
        result = {}
        for day, _area, _count in groups:
            result[day.year] = result.get(day.year, 0) + 1
        return result

    @api.model
    def _leaders_qualified_domain(self, year_from, year_to, region_ids):
        domain = [("year", ">=", year_from), ("year", "<=", year_to)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return domain

    @api.model
    def _measure_events_leaders_qualified(self, year_from, year_to, region_ids=None):
        """Leaders whose qualification hours in the year reach 12 (L2)."""
        domain = [*self._leaders_qualified_domain(year_from, year_to, region_ids), ("is_qualified", "=", True)]
        return dict(self.env["mazpulki.leader.qualification"]._read_group(domain, ["year"], ["__count"]))

    @api.model
    def _measure_events_leaders_qualified_records(self, year, region_ids=None):
        domain = [*self._leaders_qualified_domain(year, year, region_ids), ("hours", ">=", QUALIFICATION_HOURS)]
        return "mazpulki.leader.qualification", domain

    @api.model
    def _measure_events_qualification_hours_records(self, year, region_ids=None):
        return "mazpulki.leader.qualification", self._leaders_qualified_domain(year, year, region_ids)

    @api.model
    def _measure_events_qualification_hours(self, year_from, year_to, region_ids=None):
        """Leaders' qualification hours of the year, all leaders together."""
        domain = self._leaders_qualified_domain(year_from, year_to, region_ids)
        return dict(self.env["mazpulki.leader.qualification"]._read_group(domain, ["year"], ["hours:sum"]))

    @api.model
    def _measure_events_qualification_hours_per_leader(self, year_from, year_to, region_ids=None):
        """The leaders' qualification hours of the year divided by the leaders of the year (L2), one decimal."""
        domain = self._leaders_qualified_domain(year_from, year_to, region_ids)
        groups = self.env["mazpulki.leader.qualification"]._read_group(domain, ["year"], ["hours:sum", "__count"])
        return {year: round(hours / count, 1) for year, hours, count in groups if count}

    @api.model
    def _measure_events_attendance_rate(self, year_from, year_to, region_ids=None):
        """Attended registrations as a percentage of confirmed ones (registered or attended)."""
        Registration = self.env["event.registration"]
        Registration.flush_model(["state", "event_id", "active"])
        self.env["event.event"].flush_model(["date_begin", "mazpulki_region_id"])
        region_filter = SQL("AND ev.mazpulki_region_id IN %s", tuple(region_ids)) if region_ids else SQL()
        rows = self.env.execute_query(
            SQL(
                """SELECT EXTRACT(YEAR FROM ev.date_begin)::int,
                          ROUND(100.0 * COUNT(*) FILTER (WHERE r.state = 'done') / COUNT(*), 1)
                     FROM event_registration r
                     JOIN event_event ev ON ev.id = r.event_id
                    WHERE r.state IN ('open', 'done') AND r.active
                      AND ev.date_begin >= %(date_from)s AND ev.date_begin < %(date_to)s %(region_filter)s
                 GROUP BY 1""",
                date_from=f"{year_from}-01-01",
                date_to=f"{year_to + 1}-01-01",
                region_filter=region_filter,
            )
        )
        return {year: float(rate) for year, rate in rows}
