"""Benchmark of the offline registration desk (run by bench/desk_offline inside `odoo-bin shell`).

An event that takes walk-ins, BENCH_MEMBERS members with cards and this year's
membership, a third of them registered. Measures "Prepare offline" (the desk's
download: time, JSON size), the local decision per scan in headless Chromium
(the desk's own static/src/offline/offline_desk.js on that download: HMAC of the
code and the decision; median, p95), and the sync of BENCH_SCANS queued scans in
batches of the desk's size (time, queries). Not a test: prints figures only.
"""

import collections
import http.server
import json
import os
import pathlib
import re
import resource
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from datetime import timedelta

from mazpulki_bench_desk import desk_fixture

from odoo import fields

from odoo.addons.mazpulki_events.models.mazpulki_event_desk_scan import card_hash

MEMBERS = int(os.environ.get("BENCH_MEMBERS", 3000))
SCANS = int(os.environ.get("BENCH_SCANS", 1000))
OUT = pathlib.Path(os.environ.get("BENCH_OUT", tempfile.mkdtemp()))
BATCH = 200  # as the desk sends its queue (offline_desk.js, SYNC_BATCH)
# How long Chromium may take to report its figures (it reports when done; this only bounds a hang).
CHROMIUM_TIMEOUT = int(os.environ.get("BENCH_CHROMIUM_TIMEOUT", 300))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
now = fields.Datetime.now()
members, event, registrations, desk = desk_fixture(
    env,
    MEMBERS,
    club_number="B-9",
    event_name="Visas Latvijas nometne (mērījums)",
    member_name="Dalībnieks %04d",
    age=lambda n: 18 + n % 7,
    registered=MEMBERS // 3,
    desk_login="bench_offline_desk",
    mazpulki_scope="national",
    mazpulki_walkin_allowed=True,
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

# 2. Local decision in Chromium: the desk's own module, its imports replaced by stand-ins.
# The page is served from 127.0.0.1 (a secure context, for WebCrypto) and posts its
# figures back when it is done; the script waits for them, not for a fixed time.
source = pathlib.Path(os.environ["PWD"]) / "bench"
js = (source.parent / "addons/mazpulki_events/static/src/offline/offline_desk.js").read_text()
js = re.sub(r"^import .*$", "const _t = (s) => s;", js, flags=re.M).replace("export ", "")
sample = [codes[n * 7 % len(codes)] for n in range(1000)]
page = f"""<!DOCTYPE html><html><body><pre id="out">running</pre><script>
{js}
const report = (body) => fetch("/result", {{ method: "POST", body: JSON.stringify(body) }});
(async () => {{
    const data = {json.dumps({k: v for k, v in data.items() if k != "key"})};
    const desk = new OfflineDesk({event.id}, null);
    await desk.setData(data, {json.dumps(data["key"])}, []);
    const codes = {json.dumps(sample)};
    for (const code of codes.slice(0, 20)) {{
        desk.decide(await desk.hash(code), new Date());  // warm-up, not measured
    }}
    const times = [];
    for (const code of codes) {{
        const t0 = performance.now();
        const h = await desk.hash(code);
        desk.decide(h, new Date());
        times.push(performance.now() - t0);
    }}
    await report({{ times }});
}})().catch((e) => report({{ error: String(e) }}));
</script></body></html>"""
(OUT / "offline_decision.html").write_text(page)
reported = {}
received = threading.Event()


class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        reported.update(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()
        received.set()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
threading.Thread(target=server.serve_forever, daemon=True).start()
browser = subprocess.Popen(
    [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={tempfile.mkdtemp()}",
        f"http://127.0.0.1:{server.server_address[1]}/",
    ],
    # Odoo limits its own address space (limit_memory_hard, 2.5 GB); Chromium, started from
    # odoo-bin shell, would inherit the limit and crash at start-up (V8 reserves more)
    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (resource.getrlimit(resource.RLIMIT_AS)[1],) * 2),
    stdin=subprocess.DEVNULL,  # not the script piped into odoo-bin shell
    stdout=subprocess.DEVNULL,
    stderr=(OUT / "chromium.log").open("w"),
)
try:
    received.wait(CHROMIUM_TIMEOUT)
finally:
    browser.terminate()
    browser.wait(30)
    server.shutdown()
if reported.get("times"):
    times = sorted(reported["times"])
    median = statistics.median(times)
    p95 = times[int(len(times) * 0.95)]
    print(
        f"Local decision in Chromium ({len(times)} scans, HMAC + decision):"
        f" median {median:.3f} ms, p95 {p95:.3f} ms"
    )
else:
    print(f"Local decision in Chromium: no result ({reported.get('error') or f'none in {CHROMIUM_TIMEOUT} s'})")

# 3. Sync of the queued scans, in the desk's batches: a camp's morning at the gate, seven
# in ten registered members' cards, two in ten Odoo's tickets (of other registrations),
# one in ten walk-ins
Scan = env["mazpulki.event.desk.scan"].with_user(desk)
key = data["key"]
n_cards, n_tickets = SCANS * 7 // 10, SCANS * 2 // 10
registered, walkins = codes[: len(registrations)], codes[len(registrations) :]
scanned = (
    [registered[n % len(registered)] for n in range(n_cards)]
    + [registrations[(n_cards + n) % len(registrations)].barcode for n in range(n_tickets)]
    + [walkins[n % len(walkins)] for n in range(SCANS - n_cards - n_tickets)]
)
scans = [
    {
        "uuid": str(uuid.uuid4()),
        "card_hash": card_hash(key, code),
        "scanned_at": fields.Datetime.to_string(now - timedelta(minutes=30) + timedelta(seconds=n)),
        "desk_status": "confirmed_registration",
    }
    for n, code in enumerate(scanned)
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
answers = collections.Counter(env["mazpulki.event.desk.scan"].search([]).mapped("status"))
print(f"  server answers: {dict(answers)}")
env.cr.rollback()
