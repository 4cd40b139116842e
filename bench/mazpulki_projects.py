"""Benchmark of the project method (run by bench/projects inside `odoo-bin shell`).

Fills the database with seven years of projects (with reports, evidence-free, and two reviews
each once evaluated) in 300 clubs through the ORM, then prints the time of a year's XLSX export
and of the per-theme and per-region aggregates. Not a test: it prints figures and asserts nothing.
"""

import logging
import os
import random
import statistics
import time
from datetime import date, timedelta

_logger = logging.getLogger("mazpulki.bench")

PROJECTS = int(os.environ.get("BENCH_PROJECTS", 3500))
YEARS = int(os.environ.get("BENCH_YEARS", 7))
CLUBS = int(os.environ.get("BENCH_CLUBS", 300))
BATCH = int(os.environ.get("BENCH_BATCH", 500))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}
rng = random.Random(2021)
last_year = date.today().year
years = list(range(last_year - YEARS + 1, last_year + 1))
AREAS = [key for key, _label in env["mazpulki.project.theme"]._fields["priority_area"].selection]
STATES = ["completed"] * 6 + ["evaluated", "report_submitted", "in_progress", "abandoned", "rejected"]

regions = env["mazpulki.region"].search([])
clubs = (
    env["mazpulki.club"]
    .with_context(**ctx)
    .create(
        [
            {"name": f"Mazpulks {n:03d}", "number": f"P{n:03d}", "region_id": regions[n % len(regions)].id}
            for n in range(CLUBS)
        ]
    )
)
members = (
    env["res.partner"]
    .with_context(**ctx)
    .create(
        [
            {
                "name": f"Biedrs {n}",
                "is_mazpulki_member": True,
                "mazpulki_club_id": clubs[n % CLUBS].id,
                "birthdate_date": date(last_year - rng.randint(8, 20), rng.randint(1, 12), rng.randint(1, 28)),
            }
            for n in range(CLUBS * 4)
        ]
    )
)
members_by_club = {}
for member in members:
    members_by_club.setdefault(member.mazpulki_club_id.id, []).append(member.id)
reviewers = (
    env["res.users"]
    .with_context(**ctx)
    .create(
        [
            {"name": f"Vērtētājs {n}", "login": f"reviewer{n}", "groups_id": [(4, env.ref("base.group_user").id)]}
            for n in range(2)
        ]
    )
)
themes = {}
for year in years:
    themes[year] = (
        env["mazpulki.project.theme"]
        .with_context(**ctx)
        .create(
            [
                {
                    "name": f"Tēma {year}-{n}",
                    "year": year,
                    "priority_area": AREAS[(year + n) % len(AREAS)],
                    "rules": "<p>Nolikums</p>",
                    "date_open": date(year, 1, 15),
                    "date_close": date(year, 3, 31),
                    "date_report_deadline": date(year, 10, 1),
                    "criterion_ids": [(0, 0, {"name": f"Kritērijs {c}", "weight": c + 1}) for c in range(3)],
                    "is_published": True,
                }
                for n in range(3)
            ]
        )
    )
env.cr.commit()

t0 = time.perf_counter()
Project = env["mazpulki.project"].with_context(**ctx)
Review = env["mazpulki.project.review"].with_context(**ctx)
per_year = PROJECTS // YEARS
created = 0
for year in years:
    for start in range(0, per_year, BATCH):
        vals_list, states = [], []
        for _i in range(min(BATCH, per_year - start)):
            club = clubs[rng.randrange(CLUBS)]
            state = rng.choice(STATES)
            kind = "local_initiative" if rng.random() < 0.05 else "member"
            submitted = date(year, 2, 1) + timedelta(days=rng.randint(0, 50))
            vals = {
                "name": f"Projekts {created}",
                "kind": kind,
                "theme_id": themes[year][rng.randrange(3)].id,
                "year": year,
                "club_id": club.id,
                "member_ids": [(6, 0, rng.sample(members_by_club[club.id], rng.choice([1, 1, 2])))],
                "goal": "Mērķis",
                "plan": "Plāns",
                "expected_result": "Rezultāts",
                "budget_line_ids": [(0, 0, {"name": "Materiāli", "unit_price": rng.randint(5, 80)})],
                "state": "report_submitted" if state in ("completed", "evaluated") else state,
                "date_submitted": submitted,
                "report_done": "Paveiktais",
                "report_results": "Rezultāti",
                "report_learned": "Mācības",
                "report_hours": rng.randint(5, 60),
            }
            if state in ("completed", "evaluated", "report_submitted"):
                vals["date_report_submitted"] = date(year, 9, 1) + timedelta(days=rng.randint(0, 25))
            vals_list.append(vals)
            states.append(state)
            created += 1
        projects = Project.create(vals_list)
        review_vals = []
        for project, state in zip(projects, states, strict=True):
            if state in ("completed", "evaluated"):
                for reviewer in reviewers:
                    review_vals.append(
                        {
                            "project_id": project.id,
                            "reviewer_id": reviewer.id,
                            "line_ids": [
                                (0, 0, {"criterion_id": c.id, "score": rng.randint(4, 10)})
                                for c in project.theme_id.criterion_ids
                            ],
                        }
                    )
        Review.create(review_vals)
        for project, state in zip(projects, states, strict=True):
            if state == "completed":
                project.write({"state": "completed", "date_completed": date(year, 10, 20)})
            elif state == "evaluated":
                project.write({"state": "evaluated"})
        env.cr.commit()
        env.invalidate_all()
    _logger.info("%d projects created", created)
create_seconds = time.perf_counter() - t0


def timed(func, runs=5):
    times = []
    for _ in range(runs):
        env.invalidate_all()
        t = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


Export = env["mazpulki.project.export"]
export_s, xlsx = timed(lambda: Export._mazpulki_xlsx(last_year), runs=3)
aggregates = ["__count", "member_count:sum", "budget_total:sum", "report_hours:sum", "score_average:avg"]
theme_s, by_theme = timed(lambda: Project._read_group([("year", "=", last_year)], ["theme_id"], aggregates))
region_s, by_region = timed(lambda: Project._read_group([("year", "=", last_year)], ["region_id"], aggregates))
all_years_s, _r = timed(lambda: Project._read_group([], ["year", "region_id", "theme_id"], ["__count"]))
Measure = env["mazpulki.measure"]
measure_s, completed = timed(lambda: Measure.mazpulki_measure_values("projects.completed", years[0], years[-1]))
region_measure_s, _r = timed(
    lambda: Measure.mazpulki_measure_values("projects.completed", years[0], years[-1], region_ids=regions[:2].ids)
)

print("=== Mazpulki project method benchmark ===")
print(f"projects: {created} over {YEARS} years in {CLUBS} clubs, with reports and 2 reviews once evaluated")
print(f"created in {create_seconds:.1f} s: {created / create_seconds:.0f} projects/s")
print(
    f"XLSX export of {last_year} ({per_year} projects, 3 sheets, {len(xlsx) // 1024} KB): "
    f"median {export_s * 1000:.0f} ms"
)
print(f"per-theme aggregate of {last_year} ({len(by_theme)} themes): median {theme_s * 1000:.1f} ms")
print(f"per-region aggregate of {last_year} ({len(by_region)} regions): median {region_s * 1000:.1f} ms")
print(f"all years x region x theme (one _read_group): median {all_years_s * 1000:.1f} ms")
print(f"measure projects.completed {years[0]}-{years[-1]}: median {measure_s * 1000:.1f} ms -> {completed}")
print(f"measure projects.completed for two regions: median {region_measure_s * 1000:.1f} ms")
