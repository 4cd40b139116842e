"""Benchmark of the anonymisation of former members (run by bench/retention inside `odoo-bin shell`).

Fills the database in SQL (the filling is not what is measured): members with this year's membership, and
former members whose last membership was six years ago, each with a guardian who guards no other child,
an e-mail, a phone and a card. Then runs the scheduled action one batch a call (``time_budget=0``: each call
anonymises one batch, commits it and hands back, as when Odoo's cron calls it again) and prints the time and
the queries of each batch. Not a test: it prints figures and asserts nothing.
"""

import logging
import os
import statistics
import time
from datetime import date

from odoo.tools import SQL

_logger = logging.getLogger("mazpulki.bench")

MEMBERS = int(os.environ.get("BENCH_RETENTION_MEMBERS", 100_000))
FORMER = int(os.environ.get("BENCH_RETENTION_FORMER", 10_000))
CLUBS = 300
BATCH = 500

env = env  # noqa: F821,PLW0127 - provided by odoo-bin shell
cr = env.cr
year = date.today().year
regions = env["mazpulki.region"].search([])
clubs = env["mazpulki.club"].create(
    [
        {"name": f"Mazpulks {n:03d}", "number": f"R{n:03d}", "region_id": regions[n % len(regions)].id}
        for n in range(CLUBS)
    ]
)
env.flush_all()
t0 = time.perf_counter()
cr.execute(
    SQL(
        """
        INSERT INTO res_partner (name, complete_name, active, type, is_company, lang, is_mazpulki_member,
                                 mazpulki_club_id, mazpulki_region_id, birthdate_date, mazpulki_gender, email,
                                 email_normalized, phone, school_name, member_number)
        SELECT 'Biedrs ' || n, 'Biedrs ' || n, TRUE, 'contact', FALSE, 'en_US', TRUE, c.id, c.region_id,
               make_date(%(year)s - 8 - mod(n, 10), 1 + mod(n, 12), 1 + mod(n, 28)),
               CASE WHEN mod(n, 2) = 0 THEN 'female' ELSE 'male' END,
               'biedrs' || n || '@example.lv', 'biedrs' || n || '@example.lv', '+371 2' || lpad(n::text, 7, '0'),
               'Skola ' || mod(n, 500), 'B' || lpad(n::text, 7, '0')
          FROM generate_series(1, %(members)s) n
          JOIN mazpulki_club c ON c.id = (%(club_ids)s)[1 + mod(n, %(clubs)s)]
        """,
        year=year,
        members=MEMBERS,
        club_ids=clubs.ids,
        clubs=CLUBS,
    )
)
cr.execute(SQL("SELECT id FROM res_partner WHERE is_mazpulki_member ORDER BY id"))
member_ids = [row[0] for row in cr.fetchall()]
former_ids = member_ids[:FORMER]
# memberships: this year for the current members; six and seven years ago for the former ones
cr.execute(
    SQL(
        """
        INSERT INTO mazpulki_membership (member_id, club_id, region_id, year, state, date_join, gender, age,
                                         age_band)
        SELECT p.id, p.mazpulki_club_id, p.mazpulki_region_id, y, 'active', make_date(y, 1, 1),
               p.mazpulki_gender, y - extract(year FROM p.birthdate_date)::int, NULL
          FROM res_partner p
          CROSS JOIN LATERAL (SELECT unnest(CASE WHEN p.id = ANY(%(former)s)
                                                 THEN ARRAY[%(year)s - 7, %(year)s - 6]
                                                 ELSE ARRAY[%(year)s] END) AS y) years
         WHERE p.is_mazpulki_member
        """,
        former=former_ids,
        year=year,
    )
)
cr.execute(
    SQL(
        """
        UPDATE res_partner p SET mazpulki_last_member_year = m.last
          FROM (SELECT member_id, max(year) AS last FROM mazpulki_membership GROUP BY member_id) m
         WHERE m.member_id = p.id
        """
    )
)
cr.execute(
    SQL(
        """
        INSERT INTO mazpulki_member_card (member_id, code, state, date_issued)
        SELECT id, md5(random()::text || id), 'active', now() at time zone 'UTC' FROM res_partner
         WHERE is_mazpulki_member
        """
    )
)
# a guardian of their own for every former member, with a consent they gave
cr.execute(
    SQL(
        """
        WITH guardians AS (
            INSERT INTO res_partner (name, complete_name, active, type, is_company, lang, email, email_normalized,
                                     phone, comment)
            SELECT 'Aizbildnis ' || id, 'Aizbildnis ' || id, TRUE, 'contact', FALSE, 'en_US',
                   'aizbildnis' || id || '@example.lv', 'aizbildnis' || id || '@example.lv', '+371 29000000',
                   'ward ' || id
              FROM res_partner WHERE id = ANY(%(former)s)
            RETURNING id, comment
        )
        INSERT INTO mazpulki_guardian (member_id, guardian_id, relation, sequence, state, active, proof_method)
        SELECT substr(comment, 6)::int, id, 'mother', 10, 'confirmed', TRUE, 'legacy' FROM guardians
        """,
        former=former_ids,
    )
)
cr.execute(
    SQL(
        """
        INSERT INTO mazpulki_consent (member_id, given_by_id, consent_type, date_given, state, note)
        SELECT g.member_id, g.guardian_id, 'data_processing', make_date(%(year)s - 7, 1, 1), 'given', 'paper form'
          FROM mazpulki_guardian g WHERE g.member_id = ANY(%(former)s)
        """,
        former=former_ids,
        year=year,
    )
)
cr.execute(SQL("UPDATE res_partner SET comment = NULL WHERE left(comment, 5) = 'ward '"))
cr.execute(SQL("ANALYZE"))
env.cr.commit()
env.invalidate_all()
print(f"filled: {MEMBERS} members, {FORMER} former members with a guardian each, in {time.perf_counter() - t0:.0f} s")

Erasure = env["mazpulki.erasure"]
due = len(Erasure._due_partners())
print(f"due for anonymisation: {due}")
times, queries, people = [], [], 0
start = time.perf_counter()
while True:
    env.invalidate_all()
    t = time.perf_counter()
    count = cr.sql_log_count
    done = Erasure._cron_anonymise(batch_size=BATCH, time_budget=0)
    if not done:
        break
    times.append(time.perf_counter() - t)
    queries.append(cr.sql_log_count - count)
    people += done
total = time.perf_counter() - start
cr.execute(SQL("SELECT count(*) FROM res_partner WHERE mazpulki_date_anonymised IS NOT NULL"))
anonymised = cr.fetchone()[0]
cr.execute(SQL("SELECT count(*) FROM mazpulki_erasure_log"))
logged = cr.fetchone()[0]
print(
    f"anonymised {people} former members (+ their guardians: {anonymised} contacts, {logged} log rows) "
    f"of {MEMBERS} in {total:.1f} s, {len(times)} batches of {BATCH}"
)
print(
    f"per batch: median {statistics.median(times):.2f} s (max {max(times):.2f} s); queries per batch: "
    f"min {min(queries[:-1] or queries)}, max {max(queries[:-1] or queries)} (last, partial batch: {queries[-1]})"
)
_logger.info("bench done")
