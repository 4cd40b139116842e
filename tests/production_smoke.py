"""The production smoke test's checks, run by tests/production_smoke against
the nginx that bin/deploy started: prints one line per check, exits 1 on the
first that fails. Standard library, requests and PyPDF2 (Odoo's venv) and
poppler's pdftotext."""

import base64
import concurrent.futures
import io
import os
import re
import socket
import ssl
import subprocess
import sys
import time
import uuid

import requests
from PyPDF2 import PdfReader  # Odoo's own PDF library, in its venv

BASE = os.environ["SMOKE_BASE"]  # https://localhost:8443
CA = os.environ["SMOKE_CA"]  # the self-signed certificate bin/deploy made: verified, not ignored
LOG = os.environ["SMOKE_ODOO_LOG"]
HOST, PORT = re.match(r"https://([^:/]+):(\d+)", BASE).groups()


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        sys.exit(1)


# 1. /web/login over HTTPS through nginx, with the security headers
r = requests.get(f"{BASE}/web/login", verify=CA, timeout=30)
check(r.status_code == 200 and "csrf_token" in r.text, f"GET /web/login over HTTPS: {r.status_code}")
check(r.url.startswith("https://"), "stays on HTTPS")
for header in ("Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"):
    check(header in r.headers, f"security header {header}")
check("nginx/" not in r.headers.get("Server", ""), "nginx does not tell its version")

# 2. plain HTTP on the HTTPS port is not served
r2 = requests.get(BASE.replace("https://", "http://") + "/web/login", timeout=10)
check(r2.status_code == 400, f"plain HTTP on the TLS port refused: {r2.status_code}")

# 3. the database manager is refused
for path in ("/web/database/manager", "/web/database/selector", "/web/database/list"):
    r = requests.get(f"{BASE}{path}", verify=CA, timeout=30, allow_redirects=False)
    check(r.status_code in (403, 404), f"{path} refused: {r.status_code}")

# ... and by Odoo itself behind it (list_db = False), should the proxy be bypassed
odoo_url = os.environ["SMOKE_ODOO_URL"]
r = requests.get(f"{odoo_url}/web/database/manager", timeout=30, allow_redirects=False)
check("database manager has been disabled" in r.text, "Odoo's own /web/database/manager says it is disabled")
r = requests.post(f"{odoo_url}/web/database/list", json={"params": {}}, timeout=30)
check("error" in r.json(), "Odoo refuses to list the databases")

# 4. the websocket upgrades (101) through nginx to Odoo's gevent port
context = ssl.create_default_context(cafile=CA)
with (
    socket.create_connection((HOST, int(PORT)), timeout=20) as raw,
    context.wrap_socket(raw, server_hostname=HOST) as s,
):
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(
        (
            f"GET /websocket?version=18.0 HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: {BASE}\r\n\r\n"
        ).encode()
    )
    answer = s.recv(4096).decode(errors="replace")
status_line = answer.split("\r\n", 1)[0]
check(" 101 " in status_line + " ", f"websocket upgrade: {status_line}")

# 5. a portal member logs in and sees her membership
session = requests.Session()
session.verify = CA
session.trust_env = False  # no proxy or CA bundle from the environment: loopback, our certificate
page = session.get(f"{BASE}/web/login", timeout=30).text
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
r = session.post(
    f"{BASE}/web/login",
    data={"login": "liga", "password": "liga", "csrf_token": token, "redirect": "/my"},
    timeout=30,
)
check(r.status_code == 200 and "/web/login" not in r.url, f"portal login liga: {r.status_code} at {r.url}")
r = session.get(f"{BASE}/my/membership", timeout=30)
check(
    r.status_code == 200 and r.url.startswith(f"{BASE}/my/membership/"),
    f"portal: her membership page {r.status_code} at {r.url} (redirects stay on HTTPS: proxy_mode)",
)
info = session.post(f"{BASE}/web/session/get_session_info", json={}, timeout=30).json()["result"]
check(info.get("username") == "liga" and not info.get("is_internal_user", True), "the session is liga's, a portal user")

# 6. two workers answer concurrently: a burst of parallel requests, each
# tagged, is served by more than one worker process (the pid in Odoo's access log)
tag = uuid.uuid4().hex[:12]


def fetch(i):
    t0 = time.monotonic()
    resp = requests.get(f"{BASE}/web/login?smoke={tag}&n={i}", verify=CA, timeout=60)
    return resp.status_code, t0, time.monotonic()


with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
    results = list(pool.map(fetch, range(24)))
check(all(code == 200 for code, *_ in results), "24 parallel requests answered 200")
pids = set()
for _attempt in range(20):
    with open(LOG, encoding="utf-8", errors="replace") as log:
        pids = {line.split()[2] for line in log if f"smoke={tag}" in line}
    if pids:
        break
    time.sleep(0.5)
check(len(pids) >= 2, f"served by {len(pids)} worker processes ({', '.join(sorted(pids))})")
spans = sorted((t0, t1) for _code, t0, t1 in results)
overlaps = sum(1 for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1])
check(overlaps > 0, f"requests in flight at the same time: {overlaps} overlaps")

# 7. printing through nginx: a leader prints her club's member cards (the
# office's button, then the report's URL as the web client asks for it).
# wkhtmltopdf fetches the report's styles from report.url, Odoo on loopback:
# with them the cards sit ten to an A4 sheet, without them one a page or so.
leader = requests.Session()
leader.verify = CA
leader.trust_env = False
page = leader.get(f"{BASE}/web/login", timeout=30).text
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
r = leader.post(f"{BASE}/web/login", data={"login": "ilze", "password": "ilze", "csrf_token": token}, timeout=30)
check(r.status_code == 200 and "/web/login" not in r.url, f"leader login ilze: {r.status_code}")


def call_kw(session, model, method, args, kwargs=None):
    answer = session.post(
        f"{BASE}/web/dataset/call_kw/{model}/{method}",
        json={"params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}},
        timeout=120,
    ).json()
    if "error" in answer:
        check(False, f"{model}.{method}: {answer['error']['data']['message']}")
    return answer["result"]


clubs = call_kw(leader, "mazpulki.club", "search_read", [[("name", "=", "Kalnciema mazpulks")]], {"fields": ["id"]})
check(len(clubs) == 1, "the leader's club, Kalnciema mazpulks")
action = call_kw(leader, "mazpulki.club", "action_print_cards", [[clubs[0]["id"]]])
member_ids = action["context"]["active_ids"]
check(len(member_ids) == 31, f"Kalnciema mazpulks prints {len(member_ids)} cards (31 in the demo)")
ids = ",".join(map(str, member_ids))
started = time.monotonic()
r = leader.get(f"{BASE}/report/pdf/{action['report_name']}/{ids}", timeout=240)
elapsed = time.monotonic() - started
check(
    r.status_code == 200 and r.headers.get("Content-Type") == "application/pdf",
    f"the card sheet through nginx: {r.status_code} {r.headers.get('Content-Type')} in {elapsed:.1f} s",
)
pdf = PdfReader(io.BytesIO(r.content))
check(len(pdf.pages) == 4, f"31 cards on {len(pdf.pages)} pages (ten a sheet: 4)")
box = pdf.pages[0].mediabox
check(
    abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3,
    f"A4 portrait: {float(box.width):.0f} x {float(box.height):.0f} pt",
)
# The styles applied: the cards' green band (#2e7d32) is painted on every sheet.
green = re.compile(rb"0\.18\d* 0\.49\d* 0\.19\d* (rg|sc|scn)")
painted = sum(1 for sheet in pdf.pages if green.search(sheet.get_contents().get_data()))
check(painted == 4, f"the cards' green band painted on {painted} of 4 sheets (card_report.scss applied)")
text = subprocess.run(  # poppler's pdftotext (bin/lib.sh installs it)
    ["pdftotext", "-enc", "UTF-8", "-", "-"], input=r.content, capture_output=True, check=True
).stdout.decode()
check(text.count("Kalnciema mazpulks") == 31, f"the club's name on {text.count('Kalnciema mazpulks')} of 31 cards")

# 8. e-mailed links: Odoo's public address is nginx's, port included, and an
# administrator's login through the proxy leaves it as bin/deploy set it.
office = requests.Session()
office.verify = CA
office.trust_env = False
page = office.get(f"{BASE}/web/login", timeout=30).text
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
r = office.post(f"{BASE}/web/login", data={"login": "admin", "password": "admin", "csrf_token": token}, timeout=30)
check(r.status_code == 200 and "/web/login" not in r.url, f"office login admin: {r.status_code}")
base_url = call_kw(office, "ir.config_parameter", "get_param", ["web.base.url"])
check(base_url == BASE, f"web.base.url is {base_url} (the public address, port included)")
report_url = call_kw(office, "ir.config_parameter", "get_param", ["report.url"])
check(report_url == odoo_url, f"report.url is {report_url} (Odoo on loopback)")
check(call_kw(office, "ir.config_parameter", "get_param", ["web.base.url.freeze"]) == "True", "web.base.url frozen")
print("production smoke: OK")
