from datetime import timedelta
from functools import partial

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDeskRace(TransactionCase):
    """Two desks scan the same card at the same moment, in two real transactions.

    The second desk's transaction began before the first one committed, as
    happens when two requests overlap. The desk's request is retried by Odoo on
    a serialisation failure (``odoo.service.model.retrying``, as every RPC is);
    the test calls the desk the same way.
    """

    def setUp(self):
        super().setUp()
        now = fields.Datetime.now()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            region = env.ref("mazpulki_members.region_vidzeme")
            club = env["mazpulki.club"].create({"name": "Sacīkšu mazpulks", "number": "R-999", "region_id": region.id})
            member = env["res.partner"].create(
                {
                    "name": "Ērika Zvaigzne",
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": club.id,
                    "birthdate_date": fields.Date.today() - relativedelta(years=20),
                }
            )
            event = env["event.event"].create(
                {
                    "name": "Sacīkšu nometne",
                    "mazpulki_category": "camp",
                    "date_begin": now - timedelta(hours=2),
                    "date_end": now + timedelta(days=2),
                    "date_tz": "Europe/Riga",
                    "mazpulki_walkin_allowed": True,
                }
            )
            self.data = {
                "club_id": club.id,
                "member_id": member.id,
                "event_id": event.id,
                "code": member.mazpulki_card_id.code,
            }
            # both desks must see the fixture: real transactions, committed
            cr.commit()  # pylint: disable=invalid-commit
        self.envs = [api.Environment(self.env.registry.cursor(), SUPERUSER_ID, {}) for _i in range(3)]
        self.addCleanup(self._clean_up)

    def _clean_up(self):
        for env in self.envs:
            env.cr.rollback()
            env.cr.close()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            registrations = env["event.registration"].search([("event_id", "=", self.data["event_id"])])
            registrations.unlink()
            env["event.event"].browse(self.data["event_id"]).unlink()
            env["res.partner"].browse(self.data["member_id"]).unlink()
            env["mazpulki.club"].browse(self.data["club_id"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _scan(self, env):
        Registration = env["event.registration"]
        return retrying(partial(Registration.register_attendee, self.data["code"], self.data["event_id"]), env)

    def _race(self):
        env0, env1, env2 = self.envs
        # desk 1's transaction starts before desk 2 commits its scan
        env1.cr.execute("SELECT 1")
        first = self._scan(env2)
        env2.cr.commit()
        second = self._scan(env1)
        env1.cr.commit()
        registrations = env0["event.registration"].search([("event_id", "=", self.data["event_id"])])
        return first, second, registrations

    def test_two_desks_one_attendance(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["event.registration"].create({"event_id": self.data["event_id"], "partner_id": self.data["member_id"]})
            cr.commit()  # pylint: disable=invalid-commit
        first, second, registrations = self._race()
        self.assertEqual(first["status"], "confirmed_registration")
        self.assertEqual(second["status"], "already_registered")
        self.assertEqual(second["mazpulki_checked_in_at"], first["mazpulki_checked_in_at"])
        self.assertEqual(len(registrations), 1)
        self.assertEqual(registrations.state, "done")
        self.assertEqual(len(registrations.mazpulki_attendance_ids), 1)

    def test_two_desks_one_walkin(self):
        first, second, registrations = self._race()
        self.assertEqual(first["status"], "confirmed_registration")
        self.assertTrue(first["mazpulki_walkin"])
        self.assertEqual(second["status"], "already_registered")
        self.assertEqual(len(registrations), 1)
        self.assertEqual(len(registrations.mazpulki_attendance_ids), 1)
