"""Benchmark of the qualifications (run by bench/qualifications inside `odoo-bin shell`).

Fills the database in SQL (the filling is not what is measured): ADULTS adults in 300 clubs, 3 in 4 of them
club leaders (some for all ten years, some who started later), ten years of qualifications of four kinds
(renewals supersede the older ones) and 40 trainings a year with qualification hours, each leader attending
about three a year. Then times, as an office user, the due list (its search, its grouping by region and club,
and its first page as the web client reads it) and, as the board does, the qualification measures over the
ten years. Each figure is the median of 5 runs after a warm-up. Not a test: it prints figures and asserts
nothing.
"""

import logging
import os
import statistics
import time
from datetime import date, datetime

from odoo import Command
from odoo.tools import SQL

_logger = logging.getLogger("mazpulki.bench")

ADULTS = int(os.environ.get("BENCH_QUAL_ADULTS", 2000))
CLUBS = 300
YEARS = 10
TRAININGS_PER_YEAR = 40

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
cr = env.cr
today = date.today()
first_year = today.year - YEARS + 1
regions = env["mazpulki.region"].search([])
clubs = env["mazpulki.club"].create(
    [
        {"name": f"Mazpulks {n:03d}", "number": f"Q{n:03d}", "region_id": regions[n % len(regions)].id}
        for n in range(CLUBS)
    ]
)
Kind = env["mazpulki.qualification.kind"]
course = Kind.create({"name": "Klubu vadītāja kurss"})
first_aid = Kind.create({"name": "Pirmā palīdzība", "validity_years": 3, "grace_months": 6})
yearly = Kind.create(
    {"name": "Ikgadējā 12 stundu kvalifikācija", "validity_years": 1, "grace_months": 3, "renewal_hours": 12}
)
check = Kind.create({"name": "Sodu reģistra pārbaude", "validity_years": 3, "is_background_check": True})
env.ref("mazpulki_members.qualification_role_club_leader").kind_ids = course | check
env.flush_all()

t0 = time.perf_counter()
cr.execute(
    SQL(
        """INSERT INTO res_partner (name, complete_name, active, type, is_company, lang, email)
           SELECT 'Pieaugušais ' || n, 'Pieaugušais ' || n, TRUE, 'contact', FALSE, 'en_US',
                  'pieaugusais' || n || '@example.lv'
             FROM generate_series(1, %(adults)s) n
        RETURNING id""",
        adults=ADULTS,
    )
)
adult_ids = [row[0] for row in cr.fetchall()]
# 3 in 4 lead a club: half of them for all ten years, the others from a later year
cr.execute(
    SQL(
        """INSERT INTO mazpulki_club_leader (club_id, region_id, partner_id, role, date_start)
           SELECT c.id, c.region_id, a.id, 'leader',
                  make_date((%(first)s + CASE WHEN mod(a.n, 2) = 0 THEN 0 ELSE mod(a.n, %(years)s) END)::int, 1, 15)
             FROM unnest(%(ids)s::int[]) WITH ORDINALITY AS a(id, n)
             JOIN mazpulki_club c ON c.id = (%(club_ids)s::int[])[1 + mod(a.n, %(clubs)s)]
            WHERE mod(a.n, 4) <> 0""",
        first=first_year,
        years=YEARS,
        ids=adult_ids,
        club_ids=clubs.ids,
        clubs=CLUBS,
    )
)
# ten years of qualifications: the course once, first aid and the check every 3 years, the yearly one each year
cr.execute(
    SQL(
        """INSERT INTO mazpulki_qualification (partner_id, kind_id, date_obtained, date_valid_until, origin,
                                               is_superseded, reminder_days_sent, club_id, region_id)
           SELECT a.id, k.kind_id, d.day,
                  CASE WHEN k.years > 0 THEN (d.day + make_interval(years => k.years) - interval '1 day')::date END,
                  'document', FALSE, 0, l.club_id, l.region_id
             FROM unnest(%(ids)s::int[]) WITH ORDINALITY AS a(id, n)
        LEFT JOIN mazpulki_club_leader l ON l.partner_id = a.id
       CROSS JOIN (VALUES (%(course)s, 0, 100), (%(first_aid)s, 3, 3), (%(yearly)s, 1, 1), (%(check)s, 3, 3))
                  AS k(kind_id, years, every)
       CROSS JOIN LATERAL (
                  SELECT make_date(y, 1 + mod(a.n::int + k.kind_id, 12), 1 + mod(a.n::int, 28)) AS day
                    FROM generate_series(%(first)s, %(last)s, k.every) AS y
                   WHERE k.every < 100 OR y = %(first)s
                  ) d
            WHERE d.day <= %(today)s""",
        ids=adult_ids,
        course=course.id,
        first_aid=first_aid.id,
        yearly=yearly.id,
        check=check.id,
        first=first_year,
        last=today.year,
        today=today,
    )
)
cr.execute(
    """UPDATE mazpulki_qualification q SET is_superseded = TRUE
         FROM (SELECT id, row_number() OVER (PARTITION BY partner_id, kind_id ORDER BY date_obtained DESC) AS rank
                 FROM mazpulki_qualification) r
        WHERE q.id = r.id AND r.rank > 1"""
)
trainings = env["event.event"].create(
    [
        {
            "name": f"Seminārs {year}/{n}",
            "mazpulki_category": "pd_seminar",
            "mazpulki_qualification_hours": 4 + n % 3 * 2,
            "date_begin": datetime(year, 1 + n % 12, 1 + n % 28, 9),
            "date_end": datetime(year, 1 + n % 12, 1 + n % 28, 17),
        }
        for year in range(first_year, today.year + 1)
        for n in range(TRAININGS_PER_YEAR)
        if date(year, 1 + n % 12, 1 + n % 28) < today
    ]
)
env.flush_all()
cr.execute(
    SQL(
        """INSERT INTO event_registration (event_id, partner_id, name, state, active, company_id,
                                           mazpulki_approval_state, create_date, write_date)
           SELECT ev.id, l.partner_id, 'Vadītājs', 'done', TRUE, ev.company_id, 'not_needed', now(), now()
             FROM mazpulki_club_leader l
             JOIN event_event ev ON ev.id = ANY(%(event_ids)s)
                                AND mod(ev.id + l.partner_id, %(per_year)s) IN (0, 7, 19)""",
        event_ids=trainings.ids,
        per_year=TRAININGS_PER_YEAR,
    )
)
env.invalidate_all()
cr.execute("ANALYZE")
for table in ("mazpulki_qualification", "mazpulki_club_leader", "event_registration"):
    cr.execute(SQL("SELECT COUNT(*) FROM %s", SQL.identifier(table)))
    print(f"{table}: {cr.fetchone()[0]} rows")
print(f"filled in {time.perf_counter() - t0:.1f} s")

officer = env["res.users"].create(
    {
        "name": "Biroja lietotājs",
        "login": "bench_office",
        "groups_id": [Command.set([env.ref("mazpulki_members.group_mazpulki_officer").id])],
    }
)
Qualification = env["mazpulki.qualification"].with_user(officer)
action = env["ir.actions.act_window"]._for_xml_id("mazpulki_members.mazpulki_qualification_action_due")
due_domain = [("is_superseded", "=", False), ("state", "in", ("due", "grace"))]
list_spec = {name: {} for name in ("date_obtained", "date_valid_until", "state", "origin", "is_superseded")} | {
    name: {"fields": {"display_name": {}}} for name in ("partner_id", "kind_id", "club_id", "region_id")
}


def timed(label, function, runs=5, warm_up=True):
    if warm_up:
        function()
    times = []
    for _run in range(runs):
        env.invalidate_all()
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label}: median {statistics.median(times):.1f} ms (max {max(times):.1f} ms)")
    return result


count = timed("due list: search_count", lambda: Qualification.search_count(due_domain))
print(f"  {count} qualifications due")
groups = timed(
    "due list: by region and club (web_read_group)",
    lambda: Qualification.web_read_group(due_domain, [], ["region_id", "club_id"], lazy=False, limit=80),
)
print(f"  {groups['length']} groups")
timed(
    "due list: first page (web_search_read, 80 rows)",
    lambda: Qualification.web_search_read(due_domain, list_spec, limit=80),
)
Measure = env["mazpulki.measure"].sudo()
for code in (
    "members.leaders_fully_qualified",
    "events.leaders_qualified",
    "events.qualification_hours_per_leader",
    "events.qualification_hours",
):
    values = timed(
        f"measure {code} ({first_year}-{today.year})",
        lambda code=code: Measure.mazpulki_measure_values(code, first_year, today.year),
    )
    print(f"  {values}")
timed(
    "renewal by training (all current renewable qualifications)",
    lambda: env["mazpulki.qualification"].with_context(mazpulki_today=today)._mazpulki_renew_by_training(),
    runs=1,
    warm_up=False,
)
env.cr.rollback()  # the figures only: the filled database is thrown away
print("due list action:", action["domain"])
