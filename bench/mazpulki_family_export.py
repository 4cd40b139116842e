"""Benchmark of a family's data export (run by bench/family_export inside `odoo-bin shell`).

Builds one member with seven years of history through the ORM (memberships,
consents, projects with evidence photos and reviews, volunteer hours, event
registrations with attendance days) and prints the time and the query count of
``mazpulki.data.export._mazpulki_export``: the ZIP with the PDF and the JSON.
Target: under 3 s (issue 22). Not a test: it prints figures and asserts nothing.
Everything is rolled back at the end.
"""

import os
import time
from datetime import date, datetime, timedelta

from odoo import Command

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
YEARS = int(os.environ.get("BENCH_YEARS", 7))
EVENTS_PER_YEAR = int(os.environ.get("BENCH_EVENTS", 6))
HOURS_PER_YEAR = int(os.environ.get("BENCH_HOURS", 25))
ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
this_year = date.today().year
first_year = this_year - YEARS + 1
# A 1x1 PNG (evidence photos) repeated to 60 kB, the size of a phone photo's thumbnail.
PHOTO = (
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63646060f80f0002870180eb47ba920000000049454e44ae426082"
    )
    + b"\0" * 60_000
)

t0 = time.perf_counter()
region = env["mazpulki.region"].search([], limit=1)
club = env["mazpulki.club"].create({"name": "Etalona mazpulks", "number": "B-777", "region_id": region.id})
member = (
    env["res.partner"]
    .with_context(**ctx)
    .create(
        {
            "name": "Etalona Mazpulcēna",
            "is_mazpulki_member": True,
            "mazpulki_club_id": club.id,
            "birthdate_date": date(this_year - 16, 3, 14),
            "email": "etalons@example.lv",
        }
    )
)
mother = env["res.partner"].create({"name": "Etalona Māte", "email": "mate@example.lv"})
env["mazpulki.guardian"].create(
    {
        "member_id": member.id,
        "guardian_id": mother.id,
        "relation": "mother",
        "state": "confirmed",  # proved as the office does after checking a document
        "proof_method": "document",
        "proof_document": "Birth certificate",
    }
)
existing = set(member.mazpulki_membership_ids.mapped("year"))  # the current year's comes with the member
env["mazpulki.membership"].with_context(**ctx).create(
    [
        {"member_id": member.id, "club_id": club.id, "year": y, "date_join": date(first_year, 9, 1)}
        for y in range(first_year, this_year + 1)
        if y not in existing
    ]
)
env["mazpulki.consent"].create(
    [
        {"member_id": member.id, "consent_type": kind, "given_by_id": mother.id, "date_given": date(first_year, 9, 1)}
        for kind in ("data_processing", "photo", "publication")
    ]
)
if not member.mazpulki_card_id:  # a card may come with the member
    env["mazpulki.member.card"].create({"member_id": member.id})
theme = env["mazpulki.project.theme"].search([], limit=1)
for year in range(first_year, this_year + 1):
    project = (
        env["mazpulki.project"]
        .with_context(**ctx)
        .create(
            {
                "name": f"Dārza projekts {year}",
                "theme_id": theme.id,
                "year": year,
                "club_id": club.id,
                "member_ids": [Command.set(member.ids)],
                "goal": "Izaudzēt garšaugus.",
                "report_done": "Iestādījām 40 stādus.",
                "state": "completed",
                "budget_line_ids": [Command.create({"name": "Sēklas", "unit_price": 12.5})],
            }
        )
    )
    project.evidence_ids = [
        Command.create(
            {"name": f"foto_{year}_{n}.png", "raw": PHOTO, "res_model": "mazpulki.project", "res_id": project.id}
        )
        for n in range(3)
    ]
volunteer = env["mazpulki.volunteer"].create({"partner_id": member.id, "date_start": date(first_year, 1, 1)})
activity = env["mazpulki.volunteer.activity"].search([], limit=1)
env["account.analytic.line"].with_context(**ctx).create(
    [
        {
            "mazpulki_volunteer_id": volunteer.id,
            "mazpulki_activity_id": activity.id,
            "unit_amount": 2,
            "date": date(year, 1 + n % 12, 1 + n % 28),
            "name": "Talka",
        }
        for year in range(first_year, this_year)
        for n in range(HOURS_PER_YEAR)
    ]
)
for year in range(first_year, this_year):
    for n in range(EVENTS_PER_YEAR):
        begin = datetime(year, 1 + n * 2, 10, 8)
        event = env["event.event"].create(
            {
                "name": f"Salidojums {year}/{n}",
                "date_begin": begin,
                "date_end": begin + timedelta(days=2),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": False,
            }
        )
        registration = env["event.registration"].create(
            {"event_id": event.id, "mazpulki_member_id": member.id, "name": member.name}
        )
        env["mazpulki.event.attendance"].create(
            [
                {"registration_id": registration.id, "event_id": event.id, "day": (begin + timedelta(days=d)).date()}
                for d in range(3)
            ]
        )
env.flush_all()
print(f"A member with {YEARS} years of history built in {time.perf_counter() - t0:.1f} s")  # noqa: T201

user = env.ref("base.user_admin")
Export = env["mazpulki.data.export"].sudo()
best = None
for _run in range(3):
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    t0 = time.perf_counter()
    content, filename = Export._mazpulki_export(member, user)
    elapsed = time.perf_counter() - t0
    queries = env.cr.sql_log_count - queries_before
    best = elapsed if best is None else min(best, elapsed)
print(
    f"export ZIP: {len(content) / 1024:.0f} kB, {queries} queries, best of 3: {best * 1000:.0f} ms (target < 3000 ms)"
)  # noqa: T201
env.cr.rollback()
