# Run by bench/register_import inside `odoo-bin shell`; prints figures.
# ruff: noqa: F821  (env is given by odoo-bin shell)
import base64
import datetime
import io
import os
import random
import time

import openpyxl

import odoo.sql_db

from odoo.addons.mazpulki_members.models.mazpulki_register_import import COLUMNS

rows_wanted = int(os.environ.get("BENCH_IMPORT_ROWS", "5000"))
rng = random.Random(16)
year = datetime.date.today().year
region = env.ref("mazpulki_members.region_kurzeme")
if not env["mazpulki.club"].search_count([("number", "=like", "B-%")]):
    env["mazpulki.club"].create(
        [{"name": f"Soliņu mazpulks {n}", "number": f"B-{n}", "region_id": region.id} for n in range(60)]
    )
first = ["Anna", "Jānis", "Līga", "Roberts", "Marta", "Kārlis", "Elza", "Pēteris", "Sanita", "Oskars"]
last = ["Bērziņš", "Kalniņš", "Ozols", "Liepa", "Krūmiņš", "Zariņš", "Vītols", "Jansons", "Eglītis", "Kļaviņš"]
book = openpyxl.Workbook()
sheet = book.active
sheet.append([heading._translate("en_US") for _key, heading in COLUMNS])
for n in range(rows_wanted):
    family = n // 3 if n % 3 else n  # every third row on is a sibling of the row before
    age = rng.randint(6, 20) if n % 100 else 40  # 1% too old
    guardian = f"Vecāks {family}" if age < 16 else None
    sheet.append(
        [
            first[n % 10],
            f"{last[family % 10]} {n}",
            None,
            datetime.date(year - age, rng.randint(1, 12), rng.randint(1, 28)),
            "S" if n % 2 else "V",
            f"B-{family % 60}",
            f"+371 2{n:07d}",
            None,
            None,
            guardian,
            f"+371 6{family:07d}" if guardian else None,
            f"vecaks{family}@example.lv" if guardian else None,
            "jā",
            None,
            "jā" if n % 2 else "nē",
            "jā",
        ]
    )
output = io.BytesIO()
book.save(output)
# the office manager runs it, as in Odoo: the job runs with the rights of the user who queued it
manager = env["res.users"].search([("login", "=", "bench_manager")]) or env["res.users"].create(
    {"login": "bench_manager", "name": "Bench Manager", "mazpulki_role": "manager"}
)
Import = env["mazpulki.register.import"].with_user(manager)
record = Import.create({"file": base64.b64encode(output.getvalue()), "filename": "bench.xlsx"})
env.cr.commit()


def measure(step):
    """(seconds, queries) of step()"""
    queries, start = odoo.sql_db.sql_counter, time.perf_counter()
    step()
    return time.perf_counter() - start, odoo.sql_db.sql_counter - queries


calls = {}


def queue_and_run(job):
    job.action_import()  # "Import Valid Rows": queued, the cron triggered
    env.cr.commit()
    # what Odoo's cron worker runs on the trigger, here directly: a commit after each batch; called again
    # while rows remain, as Odoo's cron does (each call hands back after JOB_TIME_BUDGET seconds)
    while job.state in ("queued", "importing"):
        env["mazpulki.register.import"]._cron_import_registers()
        job.invalidate_recordset()
        calls[job.id] = calls.get(job.id, 0) + 1


dry_time, dry_queries = measure(record.action_dry_run)
env.cr.commit()
import_time, import_queries = measure(lambda: queue_and_run(record))
rows = record.row_count
print(f"register import: {rows} rows, {record.valid_count} valid, {record.problem_count} problems")
print(f"  dry run            {dry_time:6.1f} s  ({rows / dry_time:.0f} rows/s)  {dry_queries} queries")
print(
    f"  queued import      {import_time:6.1f} s  ({rows / import_time:.0f} rows/s)  {import_queries} queries "
    f"({import_queries / rows:.2f} a row), {calls[record.id]} calls, trigger to {record.state} at {record.progress} %: "
    f"{record.created_count} created, {record.linked_count} linked, {record.skipped_count} skipped"
)
again = Import.create({"file": record.file, "filename": "bench.xlsx"})
env.cr.commit()
rerun_time, rerun_queries = measure(lambda: (again.action_dry_run(), queue_and_run(again)))
print(
    f"  second run (check + queued import) {rerun_time:6.1f} s  {rerun_queries} queries: "
    f"{again.created_count} created, {again.linked_count} linked"
)
links = env["mazpulki.guardian"].search([])
print(f"  guardians: {len(links)} links to {len(links.guardian_id)} contacts")
