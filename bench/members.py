"""Benchmark of the member registry (run by bench/run inside `odoo-bin shell`).

Fills the database with members in clubs through the ORM, in batches, then
prints: members created per second, the median time to resolve a scanned
code, and the time of the per-region member counts. Not a test: it prints
figures and asserts nothing.
"""

import logging
import os
import random
import statistics
import time
from datetime import date

_logger = logging.getLogger("mazpulki.bench")

MEMBERS = int(os.environ.get("BENCH_MEMBERS", 100_000))
CLUBS = int(os.environ.get("BENCH_CLUBS", 300))
BATCH = int(os.environ.get("BENCH_BATCH", 1000))
SCANS = int(os.environ.get("BENCH_SCANS", 1000))

FIRST = [
    "Anna",
    "Jānis",
    "Līga",
    "Kārlis",
    "Marta",
    "Roberts",
    "Elza",
    "Emīls",
    "Sofija",
    "Markuss",
    "Alise",
    "Olivers",
]
LAST = ["Bērziņš", "Kalniņš", "Ozols", "Liepa", "Krūmiņš", "Zariņš", "Vītols", "Jansons", "Kļaviņš", "Siliņš"]

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}
Partner = env["res.partner"].with_context(**ctx)
Club = env["mazpulki.club"].with_context(**ctx)
rng = random.Random(2021)
year = date.today().year

regions = env["mazpulki.region"].search([])
clubs = Club.create(
    [
        {"name": f"Mazpulks {n:03d}", "number": f"B{n:03d}", "region_id": regions[n % len(regions)].id}
        for n in range(CLUBS)
    ]
)
club_ids = clubs.ids
env.cr.commit()

t0 = time.perf_counter()
created = 0
while created < MEMBERS:
    size = min(BATCH, MEMBERS - created)
    Partner.create(
        [
            {
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "is_mazpulki_member": True,
                "mazpulki_club_id": rng.choice(club_ids),
                "birthdate_date": date(year - rng.randint(6, 24), rng.randint(1, 12), rng.randint(1, 28)),
            }
            for _ in range(size)
        ]
    )
    env.cr.commit()
    env.invalidate_all()
    created += size
    if created % (BATCH * 10) == 0:
        _logger.info("%d members created", created)
create_seconds = time.perf_counter() - t0

env.cr.execute("SELECT code FROM mazpulki_member_card WHERE state = 'active' ORDER BY random() LIMIT %s", [SCANS])
codes = [row[0] for row in env.cr.fetchall()]
Card = env["mazpulki.member.card"]
scan_times = []
for code in codes:
    env.invalidate_all()
    t = time.perf_counter()
    Card.resolve_code(code)
    scan_times.append(time.perf_counter() - t)

count_times = []
for _ in range(5):
    env.invalidate_all()
    t = time.perf_counter()
    per_region = env["mazpulki.membership"]._read_group(
        [("year", "=", year), ("state", "=", "active")], groupby=["region_id"], aggregates=["__count"]
    )
    count_times.append(time.perf_counter() - t)

club_times = []
for _ in range(5):
    env.invalidate_all()
    t = time.perf_counter()
    clubs.mapped("member_count_active")
    club_times.append(time.perf_counter() - t)

print("=== Mazpulki member registry benchmark ===")
print(f"members: {MEMBERS} in {CLUBS} clubs, ORM batches of {BATCH}")
print(f"created in {create_seconds:.1f} s: {MEMBERS / create_seconds:.0f} members/s")
print(
    f"resolve a scanned code: median {statistics.median(scan_times) * 1000:.2f} ms, "
    f"p95 {sorted(scan_times)[int(len(scan_times) * 0.95) - 1] * 1000:.2f} ms over {len(scan_times)} scans"
)
print(
    f"active members per region ({len(per_region)} regions, _read_group): "
    f"median {statistics.median(count_times) * 1000:.1f} ms"
)
for region, count in per_region:
    print(f"    {region.name}: {count}")
print(
    f"active-member counts of all {CLUBS} clubs (one _read_group): median {statistics.median(club_times) * 1000:.1f} ms"
)
