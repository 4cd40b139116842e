"""Benchmark of the registration desk (run by bench/events inside `odoo-bin shell`).

One event of BENCH_ATTENDEES registered members. Every member's card is
scanned through ``event.registration.register_attendee`` (the desk's one call
per scan), then the same registrations, reset, are scanned with Odoo's own
registration barcodes. For both: median and 95th percentile per scan and
queries per scan, and their ratio. Then the member scans again from
BENCH_DESKS concurrent desks against a server this script starts on
127.0.0.1: each desk logs in once (its own session, as a browser tab at the
desk does) and sends each scan as the web client does, a JSON-RPC call to
/web/dataset/call_kw. Each scan is its own transaction, as at the desk. Not a
test: it prints figures and asserts nothing.
"""

import http.cookiejar
import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

from mazpulki_bench_desk import desk_fixture

ATTENDEES = int(os.environ.get("BENCH_ATTENDEES", 300))
DESKS = int(os.environ.get("BENCH_DESKS", 3))
PORT = int(os.environ.get("BENCH_PORT", 8074))
# 0: Odoo's threaded server (development); N: N prefork workers, as a production server runs.
WORKERS = int(os.environ.get("BENCH_WORKERS", 0))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell

members, event, registrations, desk = desk_fixture(
    env,
    ATTENDEES,
    club_number="B-1",
    event_name="Mērījumu nometne",
    member_name="Dalībnieks %03d",
    age=lambda n: 10 + n % 10,
    registered=ATTENDEES,
    desk_login="bench_desk",
)
codes = [member.mazpulki_card_id.code for member in members]
barcodes = registrations.mapped("barcode")
env.cr.commit()


def reset():
    env.cr.execute("DELETE FROM mazpulki_event_attendance WHERE event_id = %s", [event.id])
    env.cr.execute("UPDATE event_registration SET state = 'open', date_closed = NULL WHERE event_id = %s", [event.id])
    env.cr.commit()
    env.invalidate_all()


def scan_all(values):
    Registration = env["event.registration"].with_user(desk)
    times, queries, statuses = [], [], {}
    for value in values:
        env.invalidate_all()
        count_before = env.cr.sql_log_count
        t = time.perf_counter()
        result = Registration.register_attendee(value, event.id)
        env.cr.flush()
        times.append(time.perf_counter() - t)
        queries.append(env.cr.sql_log_count - count_before)
        env.cr.commit()
        statuses[result.get("status")] = statuses.get(result.get("status"), 0) + 1
    return times, queries, statuses


def p95(values):
    return sorted(values)[max(int(len(values) * 0.95) - 1, 0)]


def describe(label, times, queries, statuses):
    print(
        f"{label}: median {statistics.median(times) * 1000:.2f} ms, p95 {p95(times) * 1000:.2f} ms, "
        f"queries per scan: median {statistics.median(queries):.0f}, max {max(queries)}; {statuses}"
    )


reset()
member_scan = scan_all(codes)
reset()
odoo_scan = scan_all(barcodes)
reset()

print("=== Mazpulki registration desk benchmark ===")
print(f"one event, {ATTENDEES} registered members, one transaction per scan, as the desk user")
describe("member cards ", *member_scan)
describe("Odoo barcodes", *odoo_scan)
ratio = statistics.median(member_scan[0]) / statistics.median(odoo_scan[0])
print(f"ratio member/Odoo (median): {ratio:.2f}; p95: {p95(member_scan[0]) / p95(odoo_scan[0]):.2f}")

# --- over HTTP: DESKS concurrent JSON-RPC clients ---------------------------------
odoo_args = shlex.split(os.environ.get("BENCH_ODOO_ARGS", ""))
server = subprocess.Popen(
    [sys.executable, sys.argv[0], "server", *odoo_args, "-d", env.cr.dbname, "--db-filter", f"^{env.cr.dbname}$",
     "--http-interface=127.0.0.1", f"--http-port={PORT}", f"--workers={WORKERS}", "--max-cron-threads=0",
     "--log-level=warn"],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)  # fmt: skip
base_url = f"http://127.0.0.1:{PORT}"


class Desk:
    """One registration desk: a browser tab with its own session, calling what the desk's client action calls."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "params": params}
        request = urllib.request.Request(
            base_url + path, json.dumps(payload).encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=30) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    def login(self):
        self.post(
            "/web/session/authenticate", {"db": env.cr.dbname, "login": "bench_desk", "password": "bench_desk_pw"}
        )

    def scan(self, code):
        # the desk's one call per scan (event's barcode client action, through the web client's ORM service)
        return self.post(
            "/web/dataset/call_kw/event.registration/register_attendee",
            {"model": "event.registration", "method": "register_attendee", "args": [code, event.id], "kwargs": {}},
        )


try:
    desks = [Desk() for _desk in range(DESKS)]
    for _attempt in range(120):
        try:
            desks[0].login()
            break
        except OSError:
            time.sleep(0.5)
    else:
        raise RuntimeError("the server did not start")
    for desk_client in desks[1:]:
        desk_client.login()
    # warm the server's caches with one scan per desk, then reset
    for desk_client, code in zip(desks, codes, strict=False):
        desk_client.scan(code)
    reset()
    latencies, statuses, lock = [], {}, threading.Lock()

    def run_desk(desk_client, chunk):
        for code in chunk:
            t = time.perf_counter()
            result = desk_client.scan(code)
            elapsed = time.perf_counter() - t
            with lock:
                latencies.append(elapsed)
                statuses[result.get("status")] = statuses.get(result.get("status"), 0) + 1

    threads = [threading.Thread(target=run_desk, args=(desks[i], codes[i::DESKS])) for i in range(DESKS)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - t0
    print(
        f"{DESKS} desks over JSON-RPC, each with its own session "
        f"({f'{WORKERS} workers' if WORKERS else 'threaded server'}): "
        f"median {statistics.median(latencies) * 1000:.1f} ms, "
        f"p95 {p95(latencies) * 1000:.1f} ms per scan, {len(latencies) / wall:.0f} scans/s; {statuses}"
    )
finally:
    server.terminate()
    server.wait(timeout=30)
