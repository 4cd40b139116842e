"""Benchmark of the medic's list (run by bench/health inside `odoo-bin shell`).

A camp of BENCH_CHILDREN (400) registered members, each with health answers, a medic named for it. The
medic's list (the QWeb PDF through wkhtmltopdf) is made once cold (it makes the report's asset bundles), then
BENCH_RUNS (3) times as the medic: wall time per run (median, worst), its queries and pages; then the
kitchen's screen data (diet and allergies of all). Not a test: it prints figures and asserts nothing.
wkhtmltopdf fetches the report's assets (CSS) from a server this script starts on 127.0.0.1:BENCH_PORT
(8075), as in production; BENCH_PORT=0 renders without it (no assets).
"""

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from mazpulki_bench_desk import desk_fixture

CHILDREN = int(os.environ.get("BENCH_CHILDREN", 400))
RUNS = int(os.environ.get("BENCH_RUNS", 3))
PORT = int(os.environ.get("BENCH_PORT", 8075))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell

members, event, registrations, _desk = desk_fixture(
    env,
    CHILDREN,
    club_number="B-H",
    event_name="Veselības mērījumu nometne",
    member_name="Bērns %03d",
    age=lambda n: 8 + n % 10,
    registered=CHILDREN,
    desk_login="bench_health_desk",
    mazpulki_health_asked=True,
)
Users = env["res.users"].with_context(no_reset_password=True)
medic = Users.create(
    {"name": "Mērījumu mediķe", "login": "bench_medic", "groups_id": [(6, 0, [env.ref("base.group_user").id])]}
)
kitchen = Users.create(
    {"name": "Mērījumu virtuve", "login": "bench_kitchen", "groups_id": [(6, 0, [env.ref("base.group_user").id])]}
)
env["mazpulki.event.staff"].create(
    [
        {"event_id": event.id, "user_id": medic.id, "role": "medic"},
        {"event_id": event.id, "user_id": kitchen.id, "role": "kitchen"},
    ]
)
env["mazpulki.event.health"].sudo().create(
    [
        {
            "registration_id": registration.id,
            "event_id": event.id,
            "partner_id": registration.mazpulki_member_id.id,
            "allergies": "Zemesrieksti" if n % 5 == 0 else False,
            "diet": "Veģetārs" if n % 4 == 0 else False,
            "medication": "Ventolin" if n % 7 == 0 else False,
            "medication_times": "8:00 un 20:00" if n % 7 == 0 else False,
            "conditions": "Astma" if n % 7 == 0 else False,
            "contact1_name": f"Māte {n:03d}",
            "contact1_phone": f"+371 26{n:06d}",
            "contact1_relation": "māte",
            "contact2_name": f"Tēvs {n:03d}",
            "contact2_phone": f"+371 29{n:06d}",
            "contact2_relation": "tēvs",
            "state": "given",
        }
        for n, registration in enumerate(registrations)
    ]
)
server = None
if PORT:
    env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{PORT}")
    odoo_args = shlex.split(os.environ.get("BENCH_ODOO_ARGS", ""))
    server = subprocess.Popen(
        [sys.executable, sys.argv[0], "server", *odoo_args, "-d", env.cr.dbname, "--db-filter", f"^{env.cr.dbname}$",
         "--http-interface=127.0.0.1", f"--http-port={PORT}", "--workers=0", "--max-cron-threads=0",
         "--log-level=warn"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
env.cr.commit()
if server:
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=5)
            break
        except OSError:
            time.sleep(1)

Report = env["ir.actions.report"].with_user(medic).sudo()
times, queries = [], []
# the first print generates the report's asset bundles (once per deployment): timed apart
start = time.perf_counter()
pdf, _kind = Report._render_qweb_pdf("mazpulki_events.action_report_event_health_medic", event.ids)
cold = time.perf_counter() - start
for _run in range(RUNS):
    env.invalidate_all()
    count = env.cr.sql_log_count
    start = time.perf_counter()
    pdf, _kind = Report._render_qweb_pdf("mazpulki_events.action_report_event_health_medic", event.ids)
    times.append(time.perf_counter() - start)
    queries.append(env.cr.sql_log_count - count)
with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
    file.write(pdf)
    file.flush()
    info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=False).stdout
pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
print(f"medic's list, {CHILDREN} children, first print (makes the asset bundles): {cold:.2f} s")
attachments = env["ir.attachment"].search_count([("res_model", "=", "event.event"), ("res_id", "=", event.id)])
print(
    f"medic's list, {CHILDREN} children: median {statistics.median(times):.2f} s, worst {max(times):.2f} s "
    f"over {RUNS} runs; {statistics.median(queries):.0f} queries; {pages} pages; {len(pdf) // 1024} KiB; "
    f"attachments stored: {attachments}"
)

Health = env["mazpulki.event.health"].with_user(kitchen)
start = time.perf_counter()
data = Health._mazpulki_read_for_staff(event)
print(f"kitchen's screen data, {len(data['rows'])} children: {(time.perf_counter() - start) * 1000:.0f} ms")
logs = env["mazpulki.event.health.read.log"].search_count([("event_id", "=", event.id)])
print(f"read log rows written: {logs}")
env.cr.rollback()
if server:
    server.terminate()
    server.wait(timeout=30)
