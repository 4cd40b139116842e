"""Demo history: the membership years of 2021 to last year, growing as a living organisation does.

The demo's members get this year's membership when they are created; without
earlier years the strategy board read a membership growth of +140 % and
+450 % (M4a). Each member now joined in some year since 2021 (a child only
from the year they turn 5), so that the organisation grows by about 4–6 % a
year towards this year's members, a little less in 2022 after the covid
year. Deterministic (a fixed seed): the same board on every install, and
nothing is added when the history is there already (an update).
"""

import datetime
import random

HISTORY_FIRST_YEAR = 2021
# The share of this year's members that were members in each earlier year, counted back from last year.
HISTORY_SHARES = (0.95, 0.90, 0.86, 0.82, 0.80)


def create_demo_history(self):
    """Create the earlier membership years of the demo members; ``self`` is any ``mazpulki.membership``."""
    Membership = self.env["mazpulki.membership"]
    this_year = datetime.date.today().year
    years = list(range(HISTORY_FIRST_YEAR, this_year))
    current = Membership.search([("year", "=", this_year), ("state", "=", "active")], order="id")
    if not current or not years:
        return False
    existing = set(
        Membership.search_fetch([("year", "in", years)], ["member_id", "year"]).mapped(
            lambda membership: (membership.member_id.id, membership.year)
        )
    )
    if len(existing) > len(current) * len(years) / 2:
        return False  # the history is there already
    rng = random.Random(HISTORY_FIRST_YEAR)
    # each member's join year: the earliest years take the members old enough then, in a fixed random order
    wanted = {year: round(len(current) * share) for year, share in zip(reversed(years), HISTORY_SHARES, strict=False)}
    joined = {}
    order = list(current)
    rng.shuffle(order)
    for year in years:
        members_then = sum(1 for join_year in joined.values() if join_year <= year)
        for membership in order:
            if members_then >= wanted.get(year, len(current)):
                break
            member = membership.member_id
            if member.id in joined or not 5 <= year - member.birthdate_date.year <= 25:
                continue
            joined[member.id] = year
            members_then += 1
    vals_list = []
    for membership in current:
        member = membership.member_id
        join_year = joined.get(member.id)
        if join_year is None:
            continue
        date_join = datetime.date(join_year, 9, 1) if join_year > HISTORY_FIRST_YEAR else datetime.date(2020, 9, 1)
        for year in range(join_year, this_year):
            if (member.id, year) in existing:
                continue
            vals_list.append(
                {
                    "member_id": member.id,
                    "club_id": membership.club_id.id,
                    "year": year,
                    "state": "active",
                    "date_join": min(date_join, datetime.date(year, 12, 31)),
                }
            )
    Membership.with_context(tracking_disable=True, mail_notrack=True).create(vals_list)
    # the current year's record keeps the member's first join date
    for membership in current:
        if membership.member_id.id in joined:
            first = joined[membership.member_id.id]
            join_date = datetime.date(first, 9, 1) if first > HISTORY_FIRST_YEAR else datetime.date(2020, 9, 1)
            if membership.date_join > join_date:
                membership.date_join = join_date
    return True
