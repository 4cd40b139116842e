"""Benchmark of the strategy board (run by bench/mazpulki_strategy inside `odoo-bin shell`).

Fills the database by bulk SQL (each bulk row is a copy of one row made through
the ORM, so every required column holds a valid value): BENCH_MEMBERS members
with a membership year each over 2021–2027 and BENCH_JOURNAL_ITEMS posted
income journal items with a funding source and their analytic lines. The
projects', volunteers' and events' data are filled only when those add-ons are
installed (not yet: a note says so). Prints the time to compute the whole board
for 2021–2027 and to export it as XLSX and PDF. Not a test: asserts nothing.
"""

import os
import time

from odoo import Command
from odoo.tools import SQL

MEMBERS = int(os.environ.get("BENCH_MEMBERS", 100_000))
JOURNAL_ITEMS = int(os.environ.get("BENCH_JOURNAL_ITEMS", 100_000))

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
cr = env.cr


def columns(table, skip):
    rows = env.execute_query(
        SQL(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name NOT IN %s",
            table,
            tuple(skip),
        )
    )
    return [row[0] for row in rows]


def copy_rows(table, template_id, count, overrides):
    """Insert ``count`` copies of a row of ``table``; ``overrides``: a column → an SQL expression of g."""
    kept = columns(table, ["id", *overrides])
    names = SQL(", ").join(SQL.identifier(name) for name in [*kept, *overrides])
    values = SQL(", ").join([*(SQL.identifier("t", name) for name in kept), *overrides.values()])
    cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s AS t, generate_series(1, %s) AS g WHERE t.id = %s",
            SQL.identifier(table),
            names,
            values,
            SQL.identifier(table),
            count,
            template_id,
        )
    )


# --- members ------------------------------------------------------------------
regions = env["mazpulki.region"].search([])
clubs = env["mazpulki.club"].create(
    [
        {"name": f"Mazpulks {n:03d}", "number": f"BS{n:03d}", "region_id": regions[n % len(regions)].id}
        for n in range(300)
    ]
)
template = env["res.partner"].create(
    {
        "name": "Bench Biedrs",
        "is_mazpulki_member": True,
        "mazpulki_club_id": clubs[0].id,
        "birthdate_date": "2012-05-01",
    }
)
env.flush_all()
membership = env["mazpulki.membership"].search([("member_id", "=", template.id)], limit=1)
t0 = time.perf_counter()
copy_rows("res_partner", template.id, MEMBERS, {"name": SQL("'Biedrs ' || g"), "member_number": SQL("'BN' || g")})
club_ids = clubs.ids
region_of = {club.id: club.region_id.id for club in clubs}
copy_rows(
    "mazpulki_membership",
    membership.id,
    MEMBERS,
    {
        "member_id": SQL("(SELECT p.id FROM res_partner AS p WHERE p.member_number = 'BN' || g)"),
        "year": SQL("2021 + mod(g, 7)"),
        "club_id": SQL("(%s::int[])[1 + mod(g, %s)]", club_ids, len(club_ids)),
        "region_id": SQL("(%s::int[])[1 + mod(g, %s)]", [region_of[c] for c in club_ids], len(club_ids)),
        "age": SQL("5 + mod(g, 21)"),
    },
)
print(f"members: {MEMBERS} inserted in {time.perf_counter() - t0:.1f} s")

# --- journal items with a funding source ----------------------------------------
income = env["account.account"].create({"name": "Bench ieņēmumi", "code": "BN6100", "account_type": "income"})
bank = env["account.account"].create({"name": "Bench banka", "code": "BN2620", "account_type": "asset_current"})
journal = env["account.journal"].create({"name": "Bench", "code": "BNCH", "type": "general"})
sources = env["account.analytic.account"].search(
    [("plan_id", "=", env.ref("mazpulki_strategy.analytic_plan_funding_source").id)]
)
move = env["account.move"].create(
    {
        "move_type": "entry",
        "journal_id": journal.id,
        "date": "2021-01-15",
        "line_ids": [
            Command.create(
                {"account_id": income.id, "credit": 100, "analytic_distribution": {str(sources[0].id): 100}}
            ),
            Command.create({"account_id": bank.id, "debit": 100}),
        ],
    }
)
move.action_post()
env.flush_all()
income_line = move.line_ids.filtered(lambda line: line.account_id == income)
analytic_line = income_line.analytic_line_ids[:1]
column = env.ref("mazpulki_strategy.analytic_plan_funding_source")._column_name()
t0 = time.perf_counter()
copy_rows(
    "account_analytic_line",
    analytic_line.id,
    JOURNAL_ITEMS,
    {
        "date": SQL("make_date(2021 + mod(g, 7), 1 + mod(g, 12), 1 + mod(g, 28))"),
        "amount": SQL("(50 + mod(g, 950))::numeric"),
        column: SQL("(%s::int[])[1 + mod(g, %s)]", sources.ids, len(sources)),
    },
)
print(f"journal items: {JOURNAL_ITEMS} analytic lines of posted income inserted in {time.perf_counter() - t0:.1f} s")
cr.execute("ANALYZE")
env.invalidate_all()

installed = set(env["ir.module.module"].search([("state", "=", "installed")]).mapped("name"))
for module, what in (
    ("mazpulki_projects", "20,000 projects"),
    ("mazpulki_volunteer", "1,000,000 volunteer-hour lines"),
    ("mazpulki_events", "200,000 event registrations"),
):
    if module in installed:
        print(f"note: {module} is installed but this script does not fill its {what} yet")
    else:
        print(f"note: {module} is not installed: its {what} are skipped, its targets show no data source")

# --- the board -------------------------------------------------------------------
Board = env["mazpulki.strategy.board"]
Export = env["mazpulki.strategy.export"]
timings = []
for _run in range(5):
    env.invalidate_all()
    t0 = time.perf_counter()
    data = Board.get_board_data(2021, 2027)
    timings.append(time.perf_counter() - t0)
computed = sum(1 for row in data["rows"] if row["has_data_source"])
print(f"board 2021–2027: {len(data['rows'])} targets ({computed} with data) × 7 years")
print(f"board compute: best {min(timings) * 1000:.0f} ms, first {timings[0] * 1000:.0f} ms")
regional = env["mazpulki.region"].search([], limit=1).ids
t0 = time.perf_counter()
Board.get_board_data(2021, 2027, None, regional)
print(f"board for one region: {(time.perf_counter() - t0) * 1000:.0f} ms")
t0 = time.perf_counter()
content = Export._board_xlsx(2021, 2027)
print(f"board XLSX export: {(time.perf_counter() - t0) * 1000:.0f} ms ({len(content)} bytes)")
t0 = time.perf_counter()
content = Export._statistics_xlsx(2025)
print(f"statistics XLSX 2025: {(time.perf_counter() - t0) * 1000:.0f} ms ({len(content)} bytes)")
t0 = time.perf_counter()
pdf, __ = env["ir.actions.report"]._render_qweb_pdf(
    "mazpulki_strategy.action_report_board", [], data={"year_from": 2021, "year_to": 2027}
)
print(f"board PDF: {(time.perf_counter() - t0) * 1000:.0f} ms ({len(pdf)} bytes)")
cr.rollback()
