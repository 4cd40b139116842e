from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# The seven priority areas of non-formal education of the 2021–2027 strategy
# (M3): one list for the project themes, the seminars and the board.
PRIORITY_AREAS = [
    ("rural_entrepreneurship", "Rural Entrepreneurship"),
    ("rural_development", "Rural Development"),
    ("citizen_science", "Citizen Science"),
    ("environmental_education", "Environmental Education"),
    ("civic_participation", "Civic Participation"),
    ("responsible_consumption", "Responsible Consumption"),
    ("modern_technologies", "Modern Technologies"),
]


class MazpulkiMeasure(models.AbstractModel):
    """The registry of the strategy's measures, which every add-on extends.

    A measure is a figure of the 2021–2027 strategy that the data can show (the
    members active in a year, the projects carried out, ...). The add-on that
    owns the data provides it; ``mazpulki_strategy`` reads the registry and
    never imports the add-ons, so a new add-on adds a measure without changing
    the board:

    .. code-block:: python

        class MazpulkiMeasure(models.AbstractModel):
            _inherit = "mazpulki.measure"

            @api.model
            def _mazpulki_measures(self):
                measures = super()._mazpulki_measures()
                measures["projects.completed"] = {
                    "name": self.env._("Projects carried out"),
                    "unit": "count",
                    "compute": "_measure_projects_completed",
                    "records": "_measure_projects_completed_records",
                }
                return measures

    A spec holds:

    ``name``
        the figure's label, translated;
    ``unit``
        ``count``, ``hours``, ``eur`` or ``percent``;
    ``compute``
        the name of a method of this model, called as
        ``compute(year_from, year_to, region_ids=None)``, returning
        ``{year: value}`` for the years of the range that have data (a missing
        year reads as 0). It is one SQL aggregation (``_read_group`` or one
        query) over the whole range, never a loop over records;
    ``records`` (optional)
        the name of a method called as ``records(year, region_ids=None)``,
        returning ``(model_name, domain)``: the records a year's figure counts,
        for the board's drill-down. For a count, ``search_count(domain)``
        equals the figure;
    ``regional`` (optional, default True)
        whether ``region_ids`` (ids of ``mazpulki.region``) narrows the figure;
        a national figure ignores it;
    ``missing`` (optional, default 0)
        what a year without data reads as: 0 for a count or a sum, ``None``
        (no figure, "–" on the board) for a rate or a share, which has no
        value when there is nothing to divide;
    ``by_funding_source`` (optional)
        for a figure in money, the name of a method called as
        ``by_funding_source(year_from, year_to)``, returning
        ``{year: {analytic_account: value}}``: the figure split over the
        accounts of the "Funding source" analytic plan (an empty recordset for
        the part without a source), from one aggregation. The funding screen
        of ``mazpulki_strategy`` shows such figures beside the money raised.

    A caller computing many measures at once (the strategy board, its exports) puts a fresh
    dict in the context as ``mazpulki_measure_memo``; measures that share one
    aggregation may keep its result there for that call, and must compute it
    themselves when the key is absent.

    Measures return figures, never personal data; who may read them is the
    board's access rule. A measure written in SQL reads past record rules, so a
    caller narrows it with ``region_ids``, not with the user's rights.
    """

    _name = "mazpulki.measure"
    _description = "Strategy Measures"

    @api.model
    def _mazpulki_measures(self):
        """``{code: spec}`` of every measure the installed add-ons provide; here the registry's own."""
        return {
            "members.count": {
                "name": self.env._("Members in the year"),
                "unit": "count",
                "compute": "_measure_members_count",
                "records": "_measure_members_count_records",
            },
            "members.new_clubs": {
                "name": self.env._("New clubs"),
                "unit": "count",
                "compute": "_measure_members_new_clubs",
                "records": "_measure_members_new_clubs_records",
            },
            "members.regions_with_new_club": {
                "name": self.env._("Regions with a new club"),
                "unit": "count",
                "compute": "_measure_members_regions_with_new_club",
                "records": "_measure_members_regions_with_new_club_records",
            },
            "members.online_clubs": {
                "name": self.env._("Online clubs working"),
                "unit": "count",
                "compute": "_measure_members_online_clubs",
                "records": "_measure_members_online_clubs_records",
            },
            "members.new_leaders": {
                "name": self.env._("New club leaders"),
                "unit": "count",
                "compute": "_measure_members_new_leaders",
                "records": "_measure_members_new_leaders_records",
            },
        }

    @api.model
    def _mazpulki_person_counts(self, key, year, partner_ids):
        """``{partner_id: count}`` of one kind of achievement of these people in ``year``.

        Rules that weigh a person's year (the volunteer awards) ask here for
        what other add-ons know, e.g. ``projects.completed`` (mazpulki_projects)
        or ``events.attended`` (mazpulki_events). An add-on that knows ``key``
        answers with one aggregation; when none does, the answer is ``None``
        (not zero: the rule cannot be judged without that add-on).
        """
        return None

    @api.model
    def mazpulki_measure_values(self, code, year_from, year_to, region_ids=None):
        """A measure's ``{year: value}`` for every year of the range; a year without data reads as the spec's
        ``missing`` (0, or None for a rate)."""
        self._mazpulki_check_measure_access()
        spec = self._mazpulki_measure_spec(code)
        values = getattr(self, spec["compute"])(year_from, year_to, region_ids=region_ids or None)
        missing = spec.get("missing", 0)
        return {year: values.get(year, missing) for year in range(year_from, year_to + 1)}

    @api.model
    def mazpulki_measure_records(self, code, year, region_ids=None):
        """``(model_name, domain)`` of the records behind a measure's figure of ``year``."""
        self._mazpulki_check_measure_access()
        spec = self._mazpulki_measure_spec(code)
        if not spec.get("records"):
            raise UserError(self.env._("The figure %s cannot be opened as a list of records.", spec["name"]))
        return getattr(self, spec["records"])(year, region_ids=region_ids or None)

    @api.model
    def mazpulki_measure_by_funding_source(self, code, year_from, year_to):
        """A money measure's ``{year: {analytic_account: value}}`` over the funding sources (see the spec)."""
        self._mazpulki_check_measure_access()
        spec = self._mazpulki_measure_spec(code)
        if not spec.get("by_funding_source"):
            raise UserError(self.env._("The figure %s is not counted per funding source.", spec["name"]))
        return getattr(self, spec["by_funding_source"])(year_from, year_to)

    @api.model
    def _mazpulki_check_measure_access(self):
        """The public methods above are callable through RPC by anyone signed in, and the measures
        read past record rules: their figures are the back office's, never a portal user's."""
        if not self.env.su and not self.env.user._is_internal():
            raise AccessError(self.env._("The organisation's figures are read in the back office only."))

    @api.model
    def _mazpulki_measure_spec(self, code):
        spec = self._mazpulki_measures().get(code)
        if not spec:
            raise UserError(self.env._("No installed add-on provides the measure %s.", code))
        return spec

    @api.model
    def _mazpulki_year_range_domain(self, field_name, year_from, year_to):
        """A domain on a date (or datetime) field covering 1 January ``year_from`` to 31 December ``year_to``."""
        return [(field_name, ">=", f"{year_from}-01-01"), (field_name, "<", f"{year_to + 1}-01-01")]

    # --- the registry's own measures ---------------------------------------

    @api.model
    def _measure_members_count(self, year_from, year_to, region_ids=None):
        """Everyone who was a member at any time in the year: the membership records of the year."""
        domain = [("year", ">=", year_from), ("year", "<=", year_to)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        groups = self.env["mazpulki.membership"]._read_group(domain, ["year"], ["__count"])
        return dict(groups)

    @api.model
    def _measure_members_count_records(self, year, region_ids=None):
        domain = [("year", "=", year)]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return "mazpulki.membership", domain

    def _new_clubs_domain(self, year_from, year_to, region_ids):
        domain = self._mazpulki_year_range_domain("date_founded", year_from, year_to)
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return domain

    @api.model
    def _measure_members_new_clubs(self, year_from, year_to, region_ids=None):
        Club = self.env["mazpulki.club"].with_context(active_test=False)
        domain = self._new_clubs_domain(year_from, year_to, region_ids)
        groups = Club._read_group(domain, ["date_founded:year"], ["__count"])
        return {day.year: count for day, count in groups}

    @api.model
    def _measure_members_new_clubs_records(self, year, region_ids=None):
        return "mazpulki.club", [("active", "in", [True, False]), *self._new_clubs_domain(year, year, region_ids)]

    @api.model
    def _measure_members_regions_with_new_club(self, year_from, year_to, region_ids=None):
        Club = self.env["mazpulki.club"].with_context(active_test=False)
        groups = Club._read_group(
            self._new_clubs_domain(year_from, year_to, region_ids), ["date_founded:year"], ["region_id:count_distinct"]
        )
        return {day.year: count for day, count in groups}

    @api.model
    def _measure_members_regions_with_new_club_records(self, year, region_ids=None):
        domain = [("club_ids", "any", [("active", "in", [True, False]), *self._new_clubs_domain(year, year, None)])]
        if region_ids:
            domain.append(("id", "in", region_ids))
        return "mazpulki.region", domain

    @api.model
    def _measure_members_online_clubs(self, year_from, year_to, region_ids=None):
        """Online clubs open at some time in the year (founded by its end, not closed before its start)."""
        Club = self.env["mazpulki.club"]
        Club.flush_model(["is_online", "date_founded", "date_closed", "region_id"])
        query = Club._search([("is_online", "=", True), ("active", "in", [True, False])])
        if region_ids:
            query.add_where(SQL("%s IN %s", SQL.identifier(query.table, "region_id"), tuple(region_ids)))
        club = SQL.identifier(query.table)
        rows = self.env.execute_query(
            SQL(
                """SELECT y.year, COUNT(%(club)s.id)
                     FROM generate_series(%(year_from)s, %(year_to)s) AS y(year)
                     JOIN %(from)s
                       ON (%(club)s.date_founded IS NULL OR EXTRACT(YEAR FROM %(club)s.date_founded) <= y.year)
                      AND (%(club)s.date_closed IS NULL OR EXTRACT(YEAR FROM %(club)s.date_closed) >= y.year)
                    WHERE %(where)s
                 GROUP BY y.year""",
                club=club,
                year_from=year_from,
                year_to=year_to,
                **{"from": query.from_clause, "where": query.where_clause or SQL("TRUE")},
            )
        )
        return dict(rows)

    @api.model
    def _measure_members_online_clubs_records(self, year, region_ids=None):
        domain = [
            ("is_online", "=", True),
            ("active", "in", [True, False]),
            "|", ("date_founded", "=", False), ("date_founded", "<", f"{year + 1}-01-01"),
            "|", ("date_closed", "=", False), ("date_closed", ">=", f"{year}-01-01"),
        ]  # fmt: skip
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return "mazpulki.club", domain

    @api.model
    def _measure_members_new_leaders(self, year_from, year_to, region_ids=None):
        """People who first started leading a club in the year (counted in the region of that first club)."""
        Leader = self.env["mazpulki.club.leader"]
        Leader.flush_model(["partner_id", "date_start", "region_id"])
        region_filter = SQL("AND first.region_id IN %s", tuple(region_ids)) if region_ids else SQL()
        rows = self.env.execute_query(
            SQL(
                """SELECT EXTRACT(YEAR FROM first.date_start)::int AS year, COUNT(*)
                     FROM (SELECT DISTINCT ON (partner_id) partner_id, date_start, region_id
                             FROM mazpulki_club_leader
                         ORDER BY partner_id, date_start, id) AS first
                    WHERE first.date_start >= %(date_from)s AND first.date_start < %(date_to)s %(region_filter)s
                 GROUP BY 1""",
                date_from=f"{year_from}-01-01",
                date_to=f"{year_to + 1}-01-01",
                region_filter=region_filter,
            )
        )
        return dict(rows)

    @api.model
    def _measure_members_new_leaders_records(self, year, region_ids=None):
        Leader = self.env["mazpulki.club.leader"]
        Leader.flush_model(["partner_id", "date_start", "region_id"])
        region_filter = SQL("AND first.region_id IN %s", tuple(region_ids)) if region_ids else SQL()
        rows = self.env.execute_query(
            SQL(
                """SELECT first.id
                     FROM (SELECT DISTINCT ON (partner_id) id, partner_id, date_start, region_id
                             FROM mazpulki_club_leader
                         ORDER BY partner_id, date_start, id) AS first
                    WHERE first.date_start >= %(date_from)s AND first.date_start < %(date_to)s %(region_filter)s""",
                date_from=f"{year}-01-01",
                date_to=f"{year + 1}-01-01",
                region_filter=region_filter,
            )
        )
        return "mazpulki.club.leader", [("id", "in", [row[0] for row in rows])]
