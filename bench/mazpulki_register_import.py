# Run by bench/register_import inside `odoo-bin shell`; prints figures.
# ruff: noqa: F821  (env is given by odoo-bin shell)
import base64
import datetime
import io
import os
import random
import time

import openpyxl

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
record = env["mazpulki.register.import"].create({"file": base64.b64encode(output.getvalue()), "filename": "bench.xlsx"})
env.cr.commit()

t0 = time.perf_counter()
record.action_dry_run()
t1 = time.perf_counter()
record.action_import()
env.cr.commit()
t2 = time.perf_counter()
print(f"register import: {record.row_count} rows, {record.valid_count} valid, {record.problem_count} problems")
print(f"  dry run            {t1 - t0:6.1f} s  ({record.row_count / (t1 - t0):.0f} rows/s)")
print(
    f"  import             {t2 - t1:6.1f} s  ({record.row_count / (t2 - t1):.0f} rows/s): "
    f"{record.created_count} created, {record.linked_count} linked, {record.skipped_count} skipped"
)
again = env["mazpulki.register.import"].create({"file": record.file, "filename": "bench.xlsx"})
t3 = time.perf_counter()
again.action_dry_run()
again.action_import()
env.cr.commit()
t4 = time.perf_counter()
print(f"  second run (check + import) {t4 - t3:6.1f} s: {again.created_count} created, {again.linked_count} linked")
links = env["mazpulki.guardian"].search([])
print(f"  guardians: {len(links)} links to {len(links.guardian_id)} contacts")
