"""Benchmark of the offline registration desk (run by bench/desk_offline inside `odoo-bin shell`).

An event that takes walk-ins, BENCH_MEMBERS members with cards and this year's
membership, a third of them registered. Measures "Prepare offline" (the desk's
download: time, JSON size), the local decision per scan in headless Chromium
(the desk's own static/src/offline/offline_desk.js on that download: HMAC of the
code and the decision; median, p95), and the sync of BENCH_SCANS queued scans in
batches of the desk's size (time, queries). Not a test: prints figures only.
"""

import json
import os
import pathlib
import re
import statistics
import subprocess
import tempfile
import time
import uuid
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.mazpulki_events.models.mazpulki_event_desk_scan import card_hash

MEMBERS = int(os.environ.get("BENCH_MEMBERS", 3000))
SCANS = int(os.environ.get("BENCH_SCANS", 1000))
OUT = pathlib.Path(os.environ.get("BENCH_OUT", tempfile.mkdtemp()))
BATCH = 200  # as the desk sends its queue (offline_desk.js, SYNC_BATCH)

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}
today = date.today()
now = fields.Datetime.now()

region = env["mazpulki.region"].search([], limit=1)
club = (
    env["mazpulki.club"]
    .with_context(**ctx)
    .create({"name": "Mērījumu mazpulks", "number": "B-9", "region_id": region.id})
)
members = (
    env["res.partner"]
    .with_context(**ctx)
    .create(
        [
            {
                "name": f"Dalībnieks {n:04d}",
                "is_mazpulki_member": True,
                "mazpulki_club_id": club.id,
                "birthdate_date": today - relativedelta(years=18 + n % 7),
            }
            for n in range(MEMBERS)
        ]
    )
)
event = env["event.event"].create(
    {
        "name": "Visas Latvijas nometne (mērījums)",
        "mazpulki_category": "camp",
        "mazpulki_scope": "national",
        "date_begin": now - timedelta(hours=1),
        "date_end": now + timedelta(days=2),
        "date_tz": "Europe/Riga",
        "mazpulki_guardian_approval": False,
        "mazpulki_walkin_allowed": True,
        "event_mail_ids": [fields.Command.clear()],
    }
)
env["event.registration"].with_context(**ctx).create(
    [{"event_id": event.id, "partner_id": member.id} for member in members[: MEMBERS // 3]]
)
desk = env["res.users"].create(
    {
        "name": "Mērījumu galds",
        "login": "bench_offline_desk",
        "groups_id": [fields.Command.set([env.ref("mazpulki_events.group_mazpulki_event_desk").id])],
    }
)
env.cr.commit()
codes = members.mazpulki_card_id.mapped("code")

# 1. Prepare offline
event_desk = event.with_user(desk).with_context(lang="en_US")
env.invalidate_all()
start = time.perf_counter()
data = event_desk.mazpulki_desk_offline_data()
prepare_time = time.perf_counter() - start
payload = json.dumps({"jsonrpc": "2.0", "id": 1, "result": data}, separators=(",", ":"))
print(
    f"Prepare offline, {len(data['entries'])} cards: {prepare_time * 1000:.0f} ms, {len(payload) / 1024:.0f} KiB JSON"
)

# 2. Local decision in Chromium: the desk's own module, its imports replaced by stand-ins
source = pathlib.Path(__file__).parent if "__file__" in globals() else pathlib.Path(os.environ["PWD"]) / "bench"
js = (source.parent / "addons/mazpulki_events/static/src/offline/offline_desk.js").read_text()
js = re.sub(r"^import .*$", "const _t = (s) => s;", js, flags=re.M).replace("export ", "")
sample = [codes[n * 7 % len(codes)] for n in range(1000)]
page = f"""<!DOCTYPE html><html><body><pre id="out">running</pre><script>
{js}
(async () => {{
    const data = {json.dumps({k: v for k, v in data.items() if k != "key"})};
    const desk = new OfflineDesk({event.id}, null);
    await desk.setData(data, {json.dumps(data["key"])}, []);
    const codes = {json.dumps(sample)};
    const times = [];
    for (const code of codes) {{
        const t0 = performance.now();
        const h = await desk.hash(code);
        desk.decide(h, new Date());
        times.push(performance.now() - t0);
    }}
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.floor(times.length * 0.95)];
    document.getElementById("out").textContent = "RESULT " + median.toFixed(3) + " " + p95.toFixed(3);
}})().catch((e) => (document.getElementById("out").textContent = "ERROR " + e));
</script></body></html>"""
html = OUT / "offline_decision.html"
html.write_text(page)
dom = subprocess.run(
    [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={tempfile.mkdtemp()}",
        "--virtual-time-budget=20000",
        "--dump-dom",
        html.as_uri(),
    ],
    capture_output=True,
    text=True,
    timeout=120,
    check=False,
).stdout
found = re.search(r"RESULT ([\d.]+) ([\d.]+)", dom)
if found:
    print(f"Local decision in Chromium ({len(sample)} scans, HMAC + decision): median {found[1]} ms, p95 {found[2]} ms")
else:
    print("Local decision in Chromium: no result", re.search(r"ERROR[^<]*", dom or ""))

# 3. Sync of the queued scans, in the desk's batches
Scan = env["mazpulki.event.desk.scan"].with_user(desk)
key = data["key"]
scans = [
    {
        "uuid": str(uuid.uuid4()),
        "card_hash": card_hash(key, codes[n % len(codes)]),
        "scanned_at": fields.Datetime.to_string(now - timedelta(minutes=30) + timedelta(seconds=n)),
        "desk_status": "confirmed_registration",
    }
    for n in range(SCANS)
]
env.invalidate_all()
queries = env.cr.sql_log_count
start = time.perf_counter()
for offset in range(0, len(scans), BATCH):
    Scan.mazpulki_sync(event.id, scans[offset : offset + BATCH])
sync_time = time.perf_counter() - start
queries = env.cr.sql_log_count - queries
print(
    f"Sync of {SCANS} scans in batches of {BATCH}: {sync_time:.2f} s, {queries} queries"
    f" ({queries / SCANS:.1f} per scan)"
)
statuses = statistics.multimode(env["mazpulki.event.desk.scan"].search([]).mapped("status"))
print(f"  most frequent server answer: {statuses}")
env.cr.rollback()
