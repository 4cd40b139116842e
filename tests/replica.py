"""The read replica test's HTTP part, run by tests/replica: logs in, calls the
board and its funding table the way the web client does, and checks where
their queries ran (the clusters' statement logs). Exits 1 on the first
failure."""

import os
import re
import sys
import time

import requests

BASE = os.environ["REPLICA_BASE"]
PRIMARY_LOG, REPLICA_LOG, ODOO_LOG = (os.environ[k] for k in ("PRIMARY_LOG", "REPLICA_LOG", "ODOO_LOG"))
STEP = sys.argv[1]
MARK = re.compile(r'FROM "mazpulki_strategy_target"')


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        sys.exit(1)


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def lines_since(path, offset):
    with open(path, "rb") as log:
        log.seek(offset)
        return log.read().decode(errors="replace").splitlines()


session = requests.Session()
page = session.get(f"{BASE}/web/login", timeout=60).text
token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
r = session.post(f"{BASE}/web/login", data={"login": "admin", "password": "admin", "csrf_token": token}, timeout=60)
check(r.status_code == 200 and "/web/login" not in r.url, "admin logs in")


def call(method, args):
    response = session.post(
        f"{BASE}/web/dataset/call_kw/mazpulki.strategy.board/{method}",
        json={"params": {"model": "mazpulki.strategy.board", "method": method, "args": args, "kwargs": {}}},
        timeout=300,
    )
    body = response.json()
    check(
        response.status_code == 200 and "result" in body,
        f"{method}: {body.get('error', {}).get('message', 'answered')}",
    )
    return body["result"]


offsets = (size(PRIMARY_LOG), size(REPLICA_LOG), size(ODOO_LOG))
board = call("get_board_data", [2021, 2025])
call("get_funding_data", [2021, 2025])
check(len(board["rows"]) > 10, f"the board has {len(board['rows'])} rows")
time.sleep(1)  # the servers' log writers, not the code under test
primary = [line for line in lines_since(PRIMARY_LOG, offsets[0]) if MARK.search(line)]
replica = [line for line in lines_since(REPLICA_LOG, offsets[1]) if MARK.search(line)] if STEP != "down" else []
odoo = lines_since(ODOO_LOG, offsets[2])

if STEP in ("up", "lagging"):
    check(
        bool(replica), f"the board's queries ran on the replica ({len(replica)} statements on mazpulki_strategy_target)"
    )
    check(not primary, f"none ran on the primary ({len(primary)})")
    check(not any("retrying with a read/write cursor" in line for line in odoo), "no retry on the primary")
elif STEP == "down":
    check(bool(primary), f"with the replica down the board ran on the primary ({len(primary)} statements)")
print(f"replica step '{STEP}': OK")
