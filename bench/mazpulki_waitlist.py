"""Benchmark of the events' waiting list (run by bench/waitlist inside `odoo-bin shell`).

1. The waiting-list step after a cancellation: a full camp of BENCH_SEATS seats with
   BENCH_WAITING families on its list; a registration is cancelled and the freed seat is
   offered to the next family (the event locked, the entry offered, the offer mail queued).
   Each step in its own transaction, rolled back so that the camp stays full; median, p95
   and queries per step.
2. BENCH_PARALLEL parallel website registrations for the last BENCH_LAST seats of an
   event: a server is started on 127.0.0.1:BENCH_PORT; each visitor opens the event's page
   (its own session), then all post Odoo's registration form at the same moment. Counts the
   registrations confirmed in the database and the answers the visitors got.

Not a test: it prints figures and asserts nothing.
"""

import http.cookiejar
import os
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields

SEATS = int(os.environ.get("BENCH_SEATS", 400))
WAITING = int(os.environ.get("BENCH_WAITING", 50))
STEPS = int(os.environ.get("BENCH_STEPS", 20))
PARALLEL = int(os.environ.get("BENCH_PARALLEL", 50))
LAST = int(os.environ.get("BENCH_LAST", 10))
PORT = int(os.environ.get("BENCH_PORT", 8075))
# 0: Odoo's threaded server (development); N: N prefork workers, as a production server runs.
WORKERS = int(os.environ.get("BENCH_WORKERS", 0))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell


def p95(values):
    return sorted(values)[max(int(len(values) * 0.95) - 1, 0)]


now = fields.Datetime.now()
today = fields.Date.today()
club = env["mazpulki.club"].create(
    {"name": "Mērījumu mazpulks", "number": "B-24", "region_id": env.ref("mazpulki_members.region_vidzeme").id}
)
members = env["res.partner"].create(
    [
        {
            "name": f"Rindas dalībnieks {index:03d}",
            "is_mazpulki_member": True,
            "mazpulki_club_id": club.id,
            "birthdate_date": today - relativedelta(years=18 + index % 7, days=30),
            "email": f"rinda{index}@example.lv",
        }
        for index in range(WAITING)
    ]
)
camp = env["event.event"].create(
    {
        "name": "Pilnā nometne",
        "mazpulki_category": "camp",
        "date_begin": now + timedelta(days=30),
        "date_end": now + timedelta(days=33),
        "date_tz": "Europe/Riga",
        "seats_limited": True,
        "seats_max": SEATS,
        "website_published": True,
    }
)
camp.event_mail_ids.unlink()  # no confirmation mails with PDF badges: the seats are measured
Registration = env["event.registration"].with_context(mail_create_nolog=True, tracking_disable=True)
registrations = Registration.create([{"event_id": camp.id, "name": f"Dalībnieks {i}"} for i in range(SEATS)])
Waitlist = env["mazpulki.event.waitlist"]
for member in members:
    Waitlist._mazpulki_join(camp, env["event.event.ticket"], member, member)
env.cr.commit()

# --- 1. the waiting-list step after a cancellation ---------------------------------
times, queries = [], []
registrations[STEPS].action_cancel()  # warm-up: the mail template compiled, the caches filled
env.cr.rollback()
for registration in registrations[:STEPS]:
    env.invalidate_all()
    count_before = env.cr.sql_log_count
    t = time.perf_counter()
    registration.action_cancel()
    env.flush_all()
    times.append(time.perf_counter() - t)
    queries.append(env.cr.sql_log_count - count_before)
    offered = Waitlist.search_count([("event_id", "=", camp.id), ("state", "=", "offered")])
    assert offered == 1, offered
    env.cr.rollback()
env.invalidate_all()

print("=== Mazpulki waiting list benchmark ===")
print(f"a full camp of {SEATS} seats, {WAITING} families waiting, one transaction per cancellation")
print(
    f"cancellation + offer to the next family: median {statistics.median(times) * 1000:.1f} ms, "
    f"p95 {p95(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
    f"queries median {statistics.median(queries):.0f}, max {max(queries)} (target < 200 ms)"
)

# --- 2. parallel website registrations for the last seats ------------------------------
seminar = env["event.event"].create(
    {
        "name": "Pēdējās vietas",
        "mazpulki_category": "pd_seminar",
        "date_begin": now + timedelta(days=20),
        "date_end": now + timedelta(days=20, hours=6),
        "date_tz": "Europe/Riga",
        "seats_limited": True,
        "seats_max": SEATS,
        "website_published": True,
    }
)
seminar.event_mail_ids.unlink()
Registration.create([{"event_id": seminar.id, "name": f"Dalībnieks {i}"} for i in range(SEATS - LAST)])
questions = {question.question_type: question.id for question in seminar.question_ids}
page_path = f"/event/{seminar.id}/register"
confirm_path = f"/event/{seminar.id}/registration/confirm"
env.cr.commit()

odoo_args = shlex.split(os.environ.get("BENCH_ODOO_ARGS", ""))
server = subprocess.Popen(
    [sys.executable, sys.argv[0], "server", *odoo_args, "-d", env.cr.dbname, "--db-filter", f"^{env.cr.dbname}$",
     "--http-interface=127.0.0.1", f"--http-port={PORT}", f"--workers={WORKERS}", "--max-cron-threads=0",
     "--log-level=warn"],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)  # fmt: skip
base_url = f"http://127.0.0.1:{PORT}"


class Visitor:
    """An anonymous visitor of the website: her own session, Odoo's registration form."""

    def __init__(self, index):
        self.index = index
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None

    def open_page(self):
        with self.opener.open(base_url + page_path, timeout=60) as response:
            html = response.read().decode()
        self.csrf = re.search(r'csrf_token: "([^"]+)"', html).group(1)

    def register(self):
        data = {
            "csrf_token": self.csrf,
            "1-event_ticket_id": "0",
            f"1-name-{questions['name']}": f"Ātrā Dalībniece {self.index}",
            f"1-email-{questions['email']}": f"atra{self.index}@example.lv",
        }
        request = urllib.request.Request(base_url + confirm_path, urllib.parse.urlencode(data).encode())
        try:
            with self.opener.open(request, timeout=120) as response:
                url = response.geturl()
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"
        if "/registration/success" in url:
            return "confirmed"
        if "insufficient_seats" in url:
            return "no seats left"
        return url


try:
    visitors = [Visitor(index) for index in range(PARALLEL)]
    for _attempt in range(240):
        try:
            visitors[0].open_page()
            break
        except OSError:
            time.sleep(0.5)
    else:
        raise RuntimeError("the server did not start")
    for visitor in visitors[1:]:
        visitor.open_page()
    answers, latencies, lock = {}, [], threading.Lock()
    barrier = threading.Barrier(PARALLEL)

    def run(visitor):
        barrier.wait()
        t = time.perf_counter()
        answer = visitor.register()
        elapsed = time.perf_counter() - t
        with lock:
            answers[answer] = answers.get(answer, 0) + 1
            latencies.append(elapsed)

    threads = [threading.Thread(target=run, args=(visitor,)) for visitor in visitors]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - t0
    env.cr.rollback()
    env.invalidate_all()
    confirmed = env["event.registration"].search_count(
        [("event_id", "=", seminar.id), ("state", "in", ("open", "done")), ("name", "like", "Ātrā Dalībniece")]
    )
    seminar.invalidate_recordset()
    print(
        f"{PARALLEL} parallel website registrations for the last {LAST} of {SEATS} seats "
        f"({f'{WORKERS} workers' if WORKERS else 'threaded server'}): {confirmed} confirmed "
        f"(target exactly {LAST}); seats taken {seminar.seats_taken} of {seminar.seats_max}; "
        f"answers {answers}; median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms per request, {wall:.1f} s in all"
    )
finally:
    server.terminate()
    server.wait(timeout=30)
