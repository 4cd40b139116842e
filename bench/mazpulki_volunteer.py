"""Benchmark of volunteer hours (run by bench/volunteer inside `odoo-bin shell`).

Creates the volunteers through the ORM, then one million hour lines over seven
years in one SQL ``INSERT ... SELECT generate_series`` (the ORM would take an
hour for what a benchmark only needs to exist), and prints the time of the
yearly totals per volunteer, of the award-candidate computation and of the
strategy measures. Not a test: it prints figures and asserts nothing.
"""

import logging
import os
import time
from datetime import date

from odoo.tools import SQL

_logger = logging.getLogger("mazpulki.bench")

VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", 5000))
LINES = int(os.environ.get("BENCH_LINES", 1_000_000))
YEARS = int(os.environ.get("BENCH_YEARS", 7))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}
last_year = date.today().year - 1
first_year = last_year - YEARS + 1


def timed(label, func, runs=3):
    """The best of ``runs`` calls, cold caches each time (the ORM cache is invalidated)."""
    best = None
    for _run in range(runs):
        env.invalidate_all()
        t0 = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label}: {best * 1000:.0f} ms")  # noqa: T201
    return result


t0 = time.perf_counter()
teams = env["mazpulki.volunteer.team"].create([{"name": f"Komanda {n:02d}"} for n in range(20)])
partners = (
    env["res.partner"].with_context(**ctx).create([{"name": f"Brīvprātīgais {n:05d}"} for n in range(VOLUNTEERS)])
)
volunteers = (
    env["mazpulki.volunteer"]
    .with_context(**ctx)
    .create(
        [
            {"partner_id": partner.id, "team_id": teams[n % len(teams)].id, "date_start": date(first_year, 1, 1)}
            for n, partner in enumerate(partners)
        ]
    )
)
env.cr.commit()
print(f"{VOLUNTEERS} volunteers created through the ORM in {time.perf_counter() - t0:.1f} s")  # noqa: T201

Line = env["account.analytic.line"]
account = env.ref("mazpulki_volunteer.analytic_account_volunteering")
column = account.plan_id._column_name()
activities = env["mazpulki.volunteer.activity"].search([])
t0 = time.perf_counter()
env.cr.execute(
    SQL(
        """INSERT INTO account_analytic_line
               (name, date, amount, unit_amount, company_id, currency_id, category, product_uom_id,
                mazpulki_volunteer_id, mazpulki_team_id, partner_id, mazpulki_activity_id, volunteer_state,
                mazpulki_is_duplicate, %(column)s, create_uid, write_uid, create_date, write_date)
           SELECT 'Volunteer work', %(start)s::date + mod(i::bigint * 7919, %(days)s)::int, 0, 1 + mod(i, 8),
                  %(company)s, %(currency)s, 'other', %(uom)s, v.id, v.team_id, v.partner_id,
                  (%(activities)s)[1 + mod(i, %(n_activities)s)],
                  CASE WHEN mod(i, 11) = 0 THEN 'submitted' ELSE 'approved' END, false, %(account)s,
                  1, 1, now(), now()
             FROM generate_series(0, %(lines)s - 1) AS i
             JOIN (SELECT id, team_id, partner_id, row_number() OVER (ORDER BY id) - 1 AS n
                     FROM mazpulki_volunteer) AS v ON v.n = mod(i, %(volunteers)s)""",
        column=SQL.identifier(column),
        start=date(first_year, 1, 1),
        days=(date(last_year, 12, 31) - date(first_year, 1, 1)).days,
        company=env.company.id,
        currency=env.company.currency_id.id,
        uom=env.ref("uom.product_uom_hour").id,
        activities=activities.ids,
        n_activities=len(activities),
        account=account.id,
        lines=LINES,
        volunteers=VOLUNTEERS,
    )
)
env.cr.execute(
    SQL(
        """UPDATE mazpulki_volunteer v SET date_first_approved = f.first
             FROM (SELECT mazpulki_volunteer_id, MIN(date) AS first FROM account_analytic_line
                    WHERE volunteer_state = 'approved' GROUP BY 1) AS f
            WHERE f.mazpulki_volunteer_id = v.id"""
    )
)
env.cr.execute(SQL("ANALYZE account_analytic_line"))
env.cr.commit()
print(f"{LINES} hour lines inserted in SQL in {time.perf_counter() - t0:.1f} s ({first_year}–{last_year})")  # noqa: T201

domain = [
    ("mazpulki_volunteer_id", "!=", False),
    ("volunteer_state", "=", "approved"),
    ("date", ">=", f"{first_year}-01-01"),
    ("date", "<", f"{last_year + 1}-01-01"),
]
year_domain = [
    ("mazpulki_volunteer_id", "!=", False),
    ("volunteer_state", "=", "approved"),
    ("date", ">=", f"{last_year}-01-01"),
    ("date", "<", f"{last_year + 1}-01-01"),
]
groups = timed(
    f"Totals per volunteer of {last_year} (one _read_group)",
    lambda: Line._read_group(year_domain, ["mazpulki_volunteer_id"], ["unit_amount:sum"]),
)
print(f"  {len(groups)} volunteers")  # noqa: T201
groups = timed(
    "Yearly totals per volunteer (one _read_group over seven years)",
    lambda: Line._read_group(domain, ["mazpulki_volunteer_id", "date:year"], ["unit_amount:sum"]),
)
print(f"  {len(groups)} (volunteer, year) totals")  # noqa: T201

prize = env.ref("mazpulki_volunteer.award_type_prize")
campaign = env["mazpulki.volunteer.award.campaign"].create({"award_type_id": prize.id, "year": last_year})
candidates = timed("Award candidates of a year (motivation prize)", campaign._mazpulki_candidates)
print(f"  {len(candidates)} candidates with at least {prize.min_hours:g} approved hours in {last_year}")  # noqa: T201
milestone = env.ref("mazpulki_volunteer.award_type_milestone_250")
campaign_total = env["mazpulki.volunteer.award.campaign"].create({"award_type_id": milestone.id, "year": last_year})
candidates = timed("Award candidates, lifetime 250-hour milestone", campaign_total._mazpulki_candidates)
print(f"  {len(candidates)} candidates")  # noqa: T201

Measure = env["mazpulki.measure"]
for code in ("volunteer.active", "volunteer.new_active", "volunteer.hours", "volunteer.inkind_value"):
    values = timed(
        f"Measure {code}, {first_year}–{last_year}",
        lambda c=code: Measure.mazpulki_measure_values(c, first_year, last_year),
    )
    print(f"  {values}")  # noqa: T201
env.cr.rollback()
