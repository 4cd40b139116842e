"""Demo history: the membership years of 2021 to last year, growing as a living organisation does.

The demo's members get this year's membership when they are created; without
earlier years the strategy board read a membership growth of +140 % and
+450 % (M4a). Each member now joined in some year since 2021 (a child only
from the year they turn 5), so that the organisation grows by a few per cent
a year towards this year's members. Deterministic (a fixed seed): the same
board on every install, and nothing is added when the history is there
already (an update).

It runs once, after the last demo that creates members: ``mazpulki_events``
adds the camp's participants, so when it is installed too, its demo calls
this and the members' own demo call leaves it the work.
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
    existing = {
        (membership.member_id.id, membership.year)
        for membership in Membership.search_fetch([("year", "in", years)], ["member_id", "year"])
    }
    if len(existing) > len(current) * len(years) / 2:
        return False  # the history is there already
    wanted = {year: round(len(current) * share) for year, share in zip(reversed(years), HISTORY_SHARES, strict=False)}
    members_in = {year: {member_id for member_id, y in existing if y == year} for year in years}
    rng = random.Random(HISTORY_FIRST_YEAR)
    order = list(current)
    rng.shuffle(order)
    joined = {}
    for year in years:
        for membership in order:
            if len(members_in[year]) >= wanted.get(year, len(current)):
                break
            member = membership.member_id
            if member.id in joined or not 5 <= year - member.birthdate_date.year <= 25:
                continue
            joined[member.id] = year
            for later in range(year, this_year):
                members_in[later].add(member.id)
    vals_list = []
    for membership in current:
        member = membership.member_id
        join_year = joined.get(member.id)
        if join_year is None:
            continue
        # the members of 2021 joined before the strategy began; the others in the autumn of their first year
        date_join = datetime.date(join_year - 1 if join_year == HISTORY_FIRST_YEAR else join_year, 9, 1)
        vals_list += [
            {
                "member_id": member.id,
                "club_id": membership.club_id.id,
                "year": year,
                "state": "active",
                "date_join": date_join,
            }
            for year in range(join_year, this_year)
            if (member.id, year) not in existing
        ]
        if membership.date_join > date_join:
            membership.date_join = date_join  # this year's record keeps the member's first join date
    Membership.with_context(tracking_disable=True, mail_notrack=True).create(vals_list)
    return True
