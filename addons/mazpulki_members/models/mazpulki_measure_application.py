from odoo import api, models


class MazpulkiMeasure(models.AbstractModel):
    _inherit = "mazpulki.measure"

    @api.model
    def _mazpulki_measures(self):
        measures = super()._mazpulki_measures()
        for state, name in (
            (None, self.env._("Applications received")),
            ("accepted", self.env._("Applications accepted")),
            ("declined", self.env._("Applications declined")),
        ):
            code = f"members.applications_{state or 'received'}"
            measures[code] = {
                "name": name,
                "unit": "count",
                "compute": f"_measure_members_applications_{state or 'received'}",
                "records": f"_measure_members_applications_{state or 'received'}_records",
            }
        measures["members.reenrolment_rate"] = {
            "name": self.env._("Re-enrolment rate on the portal"),
            "unit": "percent",
            "compute": "_measure_members_reenrolment_rate",
            "records": "_measure_members_reenrolment_rate_records",
        }
        return measures

    def _applications_domain(self, year_from, year_to, region_ids, state):
        domain = self._mazpulki_year_range_domain("date_submitted", year_from, year_to)
        if state:
            domain.append(("state", "=", state))
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return domain

    def _applications_count(self, year_from, year_to, region_ids, state):
        """Applications submitted in each year (received), and of them those accepted or declined."""
        groups = self.env["mazpulki.member.application"]._read_group(
            self._applications_domain(year_from, year_to, region_ids, state), ["date_submitted:year"], ["__count"]
        )
        return {day.year: count for day, count in groups}

    @api.model
    def _measure_members_applications_received(self, year_from, year_to, region_ids=None):
        return self._applications_count(year_from, year_to, region_ids, None)

    @api.model
    def _measure_members_applications_accepted(self, year_from, year_to, region_ids=None):
        return self._applications_count(year_from, year_to, region_ids, "accepted")

    @api.model
    def _measure_members_applications_declined(self, year_from, year_to, region_ids=None):
        return self._applications_count(year_from, year_to, region_ids, "declined")

    @api.model
    def _measure_members_applications_received_records(self, year, region_ids=None):
        return "mazpulki.member.application", self._applications_domain(year, year, region_ids, None)

    @api.model
    def _measure_members_applications_accepted_records(self, year, region_ids=None):
        return "mazpulki.member.application", self._applications_domain(year, year, region_ids, "accepted")

    @api.model
    def _measure_members_applications_declined_records(self, year, region_ids=None):
        return "mazpulki.member.application", self._applications_domain(year, year, region_ids, "declined")

    def _reenrolment_domain(self, year_from, year_to, region_ids):
        """The active memberships of the year before: those that could re-enrol into the year."""
        domain = [("year", ">=", year_from - 1), ("year", "<=", year_to - 1), ("state", "=", "active")]
        if region_ids:
            domain.append(("region_id", "in", region_ids))
        return domain

    @api.model
    def _measure_members_reenrolment_rate(self, year_from, year_to, region_ids=None):
        """Of the members active at the end of the year before, the share re-enrolled on the portal for the
        year (per club: Reporting → Re-enrolment)."""
        groups = self.env["mazpulki.membership"]._read_group(
            self._reenrolment_domain(year_from, year_to, region_ids), ["year"], ["reenrolment_percent:avg"]
        )
        return {year + 1: round(rate or 0.0, 1) for year, rate in groups}

    @api.model
    def _measure_members_reenrolment_rate_records(self, year, region_ids=None):
        return "mazpulki.membership", [
            *self._reenrolment_domain(year, year, region_ids),
            ("date_reenrolled", "!=", False),
        ]
