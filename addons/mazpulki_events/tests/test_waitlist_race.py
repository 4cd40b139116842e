import threading
from datetime import timedelta
from functools import partial

from dateutil.relativedelta import relativedelta
from psycopg2 import errors

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

MAX_TRIES = 50


@tagged("post_install", "-at_install")
class TestWaitlistRace(TransactionCase):
    """Seats taken and freed in real, overlapping transactions (as parallel requests are).

    Each transaction runs the way Odoo runs a request: retried on a serialisation failure
    (``odoo.service.model.retrying``), then committed. The fixture is committed so that the
    transactions see it, and removed afterwards.
    """

    SEATS = 3
    PEOPLE = 8

    def setUp(self):
        super().setUp()
        now = fields.Datetime.now()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            region = env.ref("mazpulki_members.region_vidzeme")
            club = env["mazpulki.club"].create({"name": "Rindas mazpulks", "number": "R-998", "region_id": region.id})
            people = env["res.partner"].create(
                [
                    {
                        "name": f"Rindas dalībnieks {index}",
                        "is_mazpulki_member": True,
                        "mazpulki_club_id": club.id,
                        "birthdate_date": fields.Date.today() - relativedelta(years=18 + index % 7, days=30),
                    }
                    for index in range(self.PEOPLE)
                ]
            )
            event = env["event.event"].create(
                {
                    "name": "Rindas nometne",
                    "mazpulki_category": "camp",
                    "date_begin": now + timedelta(days=5),
                    "date_end": now + timedelta(days=7),
                    "date_tz": "Europe/Riga",
                    "seats_limited": True,
                    "seats_max": self.SEATS,
                }
            )
            self.data = {"club_id": club.id, "people": people.ids, "event_id": event.id}
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["mazpulki.event.waitlist"].search([("event_id", "=", self.data["event_id"])]).unlink()
            env["event.registration"].search([("event_id", "=", self.data["event_id"])]).unlink()
            env["event.event"].browse(self.data["event_id"]).unlink()
            env["mail.mail"].search([("model", "=", "mazpulki.event.waitlist")]).unlink()
            env["res.partner"].browse(self.data["people"]).unlink()
            env["mazpulki.club"].browse(self.data["club_id"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _in_parallel(self, functions):
        """Run each ``function(env)`` in its own thread and transaction, all started together; their results.

        The cursors and environments are made here: a thread cannot open the registry while the test
        runner holds its lock.
        """
        envs = [api.Environment(self.env.registry.cursor(), SUPERUSER_ID, {}) for _function in functions]
        results = [None] * len(functions)
        barrier = threading.Barrier(len(functions), timeout=60)

        def run(index, function, env):
            env.cr.execute("SELECT 1")  # each snapshot begins before the others commit
            barrier.wait()
            for _try in range(MAX_TRIES):
                try:
                    results[index] = function(env)
                    env.cr.flush()
                    env.cr.commit()
                    return
                except ValidationError as error:
                    env.cr.rollback()
                    results[index] = error
                    return
                except errors.SerializationFailure:
                    # as Odoo retries a request (odoo.service.model.retrying), without reloading the
                    # registry, which the test runner holds
                    env.cr.rollback()
                    env.transaction.clear()

        threads = [
            threading.Thread(target=run, args=(index, function, env))
            for index, (function, env) in enumerate(zip(functions, envs, strict=True))
        ]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        finally:
            for env in envs:
                env.cr.rollback()
                env.cr.close()
        return results

    def _register(self, person_id, env):
        return env["event.registration"].create({"event_id": self.data["event_id"], "partner_id": person_id}).id

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_parallel_registrations_never_oversell(self):
        results = self._in_parallel([partial(self._register, person) for person in self.data["people"]])
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            event = env["event.event"].browse(self.data["event_id"])
            confirmed = event.registration_ids.filtered(lambda r: r.state == "open")
            self.assertEqual(len(confirmed), self.SEATS)
            self.assertEqual(event.seats_available, 0)
        self.assertEqual(len([r for r in results if isinstance(r, int)]), self.SEATS)
        self.assertEqual(len([r for r in results if isinstance(r, ValidationError)]), self.PEOPLE - self.SEATS)

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_two_seats_freed_at_once_offer_two_families(self):
        people = self.data["people"]
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            event = env["event.event"].browse(self.data["event_id"])
            Registration = env["event.registration"]
            registrations = Registration.create(
                [{"event_id": event.id, "partner_id": person} for person in people[: self.SEATS]]
            )
            Waitlist = env["mazpulki.event.waitlist"]
            for person in people[self.SEATS : self.SEATS + 3]:
                member = env["res.partner"].browse(person)
                Waitlist._mazpulki_join(event, env["event.event.ticket"], member, member)
            reg_ids = registrations.ids
            cr.commit()  # pylint: disable=invalid-commit

        def cancel(registration_id, env):
            env["event.registration"].browse(registration_id).action_cancel()

        self._in_parallel([partial(cancel, reg_ids[0]), partial(cancel, reg_ids[1])])
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            entries = env["mazpulki.event.waitlist"].search([("event_id", "=", self.data["event_id"])])
            self.assertEqual(entries.mapped("state"), ["offered", "offered", "waiting"])
            mails = env["mail.mail"].search([("model", "=", entries._name), ("res_id", "in", entries.ids)])
            self.assertEqual(sorted(mails.mapped("res_id")), sorted(entries[:2].ids))
            self.assertEqual(env["event.event"].browse(self.data["event_id"]).seats_available, 0)
