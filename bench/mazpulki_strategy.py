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
PROJECTS = int(os.environ.get("BENCH_PROJECTS", 20_000))
VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", 5_000))
VOLUNTEER_LINES = int(os.environ.get("BENCH_VOLUNTEER_LINES", 1_000_000))
EVENTS = int(os.environ.get("BENCH_EVENTS", 2_100))
REGISTRATIONS = int(os.environ.get("BENCH_REGISTRATIONS", 200_000))

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
member_query = SQL("SELECT id FROM res_partner WHERE member_number LIKE %s ORDER BY id", "BN%")
member_ids = [row[0] for row in env.execute_query(member_query)]
copy_rows(
    "mazpulki_membership",
    membership.id,
    MEMBERS,
    {
        "member_id": SQL("(%s::int[])[g]", member_ids),
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
# g → one posted move with its income journal item and that item's analytic line, all dated alike
day = SQL("make_date(2021 + mod(g, 7), 1 + mod(g, 12), 1 + mod(g, 28))")
amount = SQL("(50 + mod(g, 950))::numeric")
copy_rows("account_move", move.id, JOURNAL_ITEMS, {"name": SQL("'BN/' || g"), "date": day, "ref": SQL("'Bench ' || g")})
move_ids = [
    row[0] for row in env.execute_query(SQL("SELECT id FROM account_move WHERE name LIKE %s ORDER BY id", "BN/%"))
]
copy_rows(
    "account_move_line",
    income_line.id,
    JOURNAL_ITEMS,
    {
        "move_id": SQL("(%s::int[])[g]", move_ids),
        "date": day,
        "credit": amount,
        "balance": SQL("-%s", amount),
        "amount_currency": SQL("-%s", amount),
    },
)
line_ids = [
    row[0]
    for row in env.execute_query(
        SQL("SELECT id FROM account_move_line WHERE move_id = ANY(%s) ORDER BY move_id", move_ids)
    )
]
copy_rows(
    "account_analytic_line",
    analytic_line.id,
    JOURNAL_ITEMS,
    {
        "move_line_id": SQL("(%s::int[])[g]", line_ids),
        "date": day,
        "amount": amount,
        column: SQL("(%s::int[])[1 + mod(g, %s)]", sources.ids, len(sources)),
    },
)
elapsed = time.perf_counter() - t0
print(f"journal items: {JOURNAL_ITEMS} posted moves with an income item and its analytic line in {elapsed:.1f} s")

installed = set(env["ir.module.module"].search([("state", "=", "installed")]).mapped("name"))
club_region = [region_of[c] for c in club_ids]

# --- projects -------------------------------------------------------------------
if "mazpulki_projects" in installed:
    areas = [key for key, _label in env["mazpulki.project.theme"]._fields["priority_area"].selection]
    themes = env["mazpulki.project.theme"].create(
        [
            {
                "name": f"Tēma {year}-{n}",
                "year": year,
                "priority_area": areas[(year + n) % len(areas)],
                "rules": "<p>Nolikums</p>",
                "date_open": f"{year}-01-15",
                "date_close": f"{year}-03-31",
                "date_report_deadline": f"{year}-10-01",
                "criterion_ids": [Command.create({"name": "Kritērijs", "weight": 1})],
                "is_published": True,
            }
            for year in range(2021, 2028)
            for n in range(3)
        ]
    )
    project = env["mazpulki.project"].create(
        {"name": "Bench projekts", "theme_id": themes[0].id, "year": 2021, "club_id": clubs[0].id, "goal": "Mērķis"}
    )
    env.flush_all()
    t0 = time.perf_counter()
    # g → year 2021 + g mod 7; states: 6 of 11 completed (1 in 20 a local initiative), the rest on the way or stopped
    year = SQL("(2021 + mod(g, 7))")
    state = SQL(
        "(ARRAY['completed','completed','completed','completed','completed','completed','evaluated',"
        "'report_submitted','in_progress','abandoned','rejected'])[1 + mod(g, 11)]"
    )
    copy_rows(
        "mazpulki_project",
        project.id,
        PROJECTS,
        {
            "name": SQL("'Projekts ' || g"),
            "year": year,
            "theme_id": SQL("(%s::int[])[1 + 3 * mod(g, 7) + mod(g, 3)]", themes.ids),
            "kind": SQL("CASE WHEN mod(g, 20) = 0 THEN 'local_initiative' ELSE 'member' END"),
            "club_id": SQL("(%s::int[])[1 + mod(g, %s)]", club_ids, len(club_ids)),
            "region_id": SQL("(%s::int[])[1 + mod(g, %s)]", club_region, len(club_ids)),
            "state": state,
            "date_submitted": SQL("make_date(%s, 2, 1 + mod(g, 28))", year),
            "date_report_submitted": SQL("CASE WHEN mod(g, 11) < 8 THEN make_date(%s, 9, 1 + mod(g, 28)) END", year),
            "date_completed": SQL("CASE WHEN mod(g, 11) < 6 THEN make_date(%s, 10, 1 + mod(g, 28)) END", year),
        },
    )
    print(f"projects: {PROJECTS} inserted in {time.perf_counter() - t0:.1f} s")
else:
    print("note: mazpulki_projects is not installed: its targets show no data source")

# --- volunteer hours --------------------------------------------------------------
if "mazpulki_volunteer" in installed:
    teams = env["mazpulki.volunteer.team"].create(
        [{"name": f"Komanda {n:02d}", "region_id": regions[n % len(regions)].id} for n in range(20)]
    )
    volunteer = env["mazpulki.volunteer"].create(
        {"partner_id": env["res.partner"].create({"name": "Bench brīvprātīgais"}).id, "team_id": teams[0].id}
    )
    env.flush_all()
    t0 = time.perf_counter()
    copy_rows(
        "mazpulki_volunteer",
        volunteer.id,
        VOLUNTEERS,
        {
            "partner_id": SQL("(%s::int[])[g]", member_ids[:VOLUNTEERS]),
            "team_id": SQL("(%s::int[])[1 + mod(g, %s)]", teams.ids, len(teams)),
            "date_start": SQL("make_date(2021 + mod(g, 7), 1, 1)"),
        },
    )
    volunteering = env.ref("mazpulki_volunteer.analytic_account_volunteering")
    volunteer_column = volunteering.plan_id._column_name()
    # one line in three carries the funding source that paid for the volunteers' work (in-kind per source)
    cr.execute(
        SQL(
            """INSERT INTO account_analytic_line
                   (name, date, amount, unit_amount, company_id, currency_id, category, product_uom_id,
                    mazpulki_volunteer_id, mazpulki_team_id, partner_id, volunteer_state, mazpulki_is_duplicate,
                    %(column)s, %(funding)s, create_uid, write_uid, create_date, write_date)
               SELECT 'Volunteer work', make_date(2021 + mod(v.n, 7)::int, 1, 1) + mod(i::bigint * 7919, 365)::int, 0,
                      1 + mod(i, 8), %(company)s, %(currency)s, 'other', %(uom)s, v.id, v.team_id, v.partner_id,
                      CASE WHEN mod(i, 11) = 0 THEN 'submitted' ELSE 'approved' END, false, %(account)s,
                      CASE WHEN mod(i, 3) = 0 THEN (%(sources)s::int[])[1 + mod(i, %(n_sources)s)] END,
                      1, 1, now(), now()
                 FROM generate_series(0, %(lines)s - 1) AS i
                 JOIN (SELECT id, team_id, partner_id, row_number() OVER (ORDER BY id) - 1 AS n
                         FROM mazpulki_volunteer) AS v ON v.n = mod(i, %(volunteers)s)""",
            column=SQL.identifier(volunteer_column),
            funding=SQL.identifier(column),
            company=env.company.id,
            currency=env.company.currency_id.id,
            uom=env.ref("uom.product_uom_hour").id,
            account=volunteering.id,
            sources=sources.ids,
            n_sources=len(sources),
            lines=VOLUNTEER_LINES,
            volunteers=VOLUNTEERS + 1,
        )
    )
    cr.execute(
        SQL(
            """UPDATE mazpulki_volunteer v SET date_first_approved = f.first
                 FROM (SELECT mazpulki_volunteer_id, MIN(date) AS first FROM account_analytic_line
                        WHERE volunteer_state = 'approved' GROUP BY 1) AS f
                WHERE f.mazpulki_volunteer_id = v.id"""
        )
    )
    print(
        f"volunteer hours: {VOLUNTEERS} volunteers, {VOLUNTEER_LINES} hour lines inserted "
        f"in {time.perf_counter() - t0:.1f} s"
    )
else:
    print("note: mazpulki_volunteer is not installed: its targets show no data source")

# --- events and registrations -------------------------------------------------------
if "mazpulki_events" in installed:
    categories = [key for key, _label in env["event.event"]._fields["mazpulki_category"].selection]
    areas = [key for key, _label in env["event.event"]._fields["mazpulki_priority_area"].selection]
    leaders = env["res.partner"].create([{"name": f"Vadītājs {n:03d}"} for n in range(len(clubs))])
    env["mazpulki.club.leader"].create(
        [
            {"partner_id": leader.id, "club_id": club.id, "date_start": "2021-01-01"}
            for leader, club in zip(leaders, clubs, strict=True)
        ]
    )
    event = env["event.event"].create(
        {
            "name": "Bench pasākums",
            "mazpulki_category": "national",
            "date_begin": "2021-03-01 08:00:00",
            "date_end": "2021-03-01 16:00:00",
            "event_mail_ids": [Command.clear()],
        }
    )
    registration = env["event.registration"].create({"event_id": event.id, "partner_id": member_ids[0]})
    env.flush_all()
    t0 = time.perf_counter()
    # g → year 2021 + g mod 7, a category in turn; a training (pd_seminar) credits 4 qualification hours
    copy_rows(
        "event_event",
        event.id,
        EVENTS,
        {
            "name": SQL("jsonb_build_object('en_US', 'Pasākums ' || g)"),
            "mazpulki_category": SQL("(%s::varchar[])[1 + mod(g / 7, %s)]", categories, len(categories)),
            "mazpulki_priority_area": SQL("(%s::varchar[])[1 + mod(g, %s)]", areas, len(areas)),
            "mazpulki_region_id": SQL("(%s::int[])[1 + mod(g, %s)]", regions.ids, len(regions)),
            "mazpulki_qualification_hours": SQL(
                "CASE WHEN (%s::varchar[])[1 + mod(g / 7, %s)] = 'pd_seminar' THEN 4 ELSE 0 END",
                categories,
                len(categories),
            ),
            "date_begin": SQL("make_timestamp(2021 + mod(g, 7), 1 + mod(g, 12), 1 + mod(g, 28), 8, 0, 0)"),
            "date_end": SQL("make_timestamp(2021 + mod(g, 7), 1 + mod(g, 12), 1 + mod(g, 28), 16, 0, 0)"),
        },
    )
    event_ids = [
        row[0] for row in env.execute_query(SQL("SELECT id FROM event_event WHERE id > %s ORDER BY id", event.id))
    ]
    leader_share = REGISTRATIONS // 20
    copy_rows(
        "event_registration",
        registration.id,
        REGISTRATIONS,
        {
            "event_id": SQL("(%s::int[])[1 + mod(g, %s)]", event_ids, len(event_ids)),
            # one registration in 20 is a leader's, the rest members'
            "partner_id": SQL(
                "CASE WHEN mod(g, 20) = 0 THEN (%s::int[])[1 + mod(g, %s)] ELSE (%s::int[])[1 + mod(g, %s)] END",
                leaders.ids,
                len(leaders),
                member_ids,
                len(member_ids),
            ),
            "mazpulki_member_id": SQL(
                "CASE WHEN mod(g, 20) <> 0 THEN (%s::int[])[1 + mod(g, %s)] END", member_ids, len(member_ids)
            ),
            "mazpulki_club_id": SQL("(%s::int[])[1 + mod(g, %s)]", club_ids, len(club_ids)),
            "state": SQL("CASE WHEN mod(g, 5) = 0 THEN 'open' ELSE 'done' END"),
            "barcode": SQL("'BNR' || g"),
            "name": SQL("'Dalībnieks ' || g"),
        },
    )
    print(
        f"events: {EVENTS} events, {REGISTRATIONS} registrations ({leader_share} of leaders) inserted "
        f"in {time.perf_counter() - t0:.1f} s"
    )
else:
    print("note: mazpulki_events is not installed: its targets show no data source")
# kept: the database is the benchmark's own (bench/strategy drops it first), open to EXPLAIN afterwards
cr.commit()
# as autovacuum leaves a live database: statistics and visibility maps (index-only scans) up to date
cr._cnx.autocommit = True
cr.execute("VACUUM ANALYZE")
cr._cnx.autocommit = False
env.invalidate_all()

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
queries = cr.sql_log_count
Board.get_board_data(2021, 2027)
print(f"board queries: {cr.sql_log_count - queries}")
Measure = env["mazpulki.measure"]
slowest = []
for code in Measure._mazpulki_measures():
    env.invalidate_all()
    t0 = time.perf_counter()
    Measure.mazpulki_measure_values(code, 2020, 2027)
    slowest.append((time.perf_counter() - t0, code))
print("slowest measures (2020–2027): " + ", ".join(f"{code} {t * 1000:.0f} ms" for t, code in sorted(slowest)[-6:]))
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
