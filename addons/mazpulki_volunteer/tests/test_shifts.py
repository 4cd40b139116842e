from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerShifts(MazpulkiVolunteerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls.env["event.event"].create(
            {
                "name": "Testa salidojums",
                "date_begin": datetime.now() - timedelta(days=1, hours=5),
                "date_end": datetime.now() + timedelta(days=1),
            }
        )
        cls.shift = cls.env["mazpulki.volunteer.shift"].create(
            {
                "name": "Reģistrācijas galds",
                "event_id": cls.event.id,
                "team_id": cls.team_riga.id,
                "activity_id": cls.activity_event.id,
                "date_begin": datetime.now() + timedelta(days=3),
                "date_end": datetime.now() + timedelta(days=3, hours=4),
                "seats_max": 2,
                "is_published": True,
            }
        )

    def test_sign_up_until_full_then_cancel_frees_a_place(self):
        reg_madara = self.shift._mazpulki_sign_up(self.volunteer_madara)
        self.assertEqual(reg_madara.state, "registered")
        # Signing up twice keeps one place.
        self.assertEqual(self.shift._mazpulki_sign_up(self.volunteer_madara), reg_madara)
        self.shift._mazpulki_sign_up(self.volunteer_peteris)
        self.assertEqual(self.shift.seats_available, 0)
        with self.assertRaisesMessage(UserError, "full"):
            self.shift._mazpulki_sign_up(self.volunteer_roberts)
        # the volunteer cancels on the portal (/my/volunteering), never through the ORM
        with self.assertRaises(AccessError):
            reg_madara.with_user(self.user_portal_madara).action_cancel()
        reg_madara.action_cancel()
        self.assertEqual(reg_madara.state, "cancelled")
        self.shift.invalidate_recordset(["seats_taken", "seats_available"])
        self.assertEqual(self.shift.seats_available, 1)
        self.shift._mazpulki_sign_up(self.volunteer_roberts)

    def test_unpublished_or_started_shift_refuses(self):
        self.shift.action_unpublish()
        with self.assertRaisesMessage(UserError, "not open"):
            self.shift._mazpulki_sign_up(self.volunteer_madara)
        self.shift.write(
            {
                "is_published": True,
                "date_begin": datetime.now() - timedelta(hours=1),
                "date_end": datetime.now() + timedelta(hours=1),
            }
        )
        with self.assertRaisesMessage(UserError, "already started"):
            self.shift._mazpulki_sign_up(self.volunteer_madara)

    def test_attended_shift_becomes_hours_awaiting_approval(self):
        registrations = self.env["mazpulki.volunteer.shift.registration"].create(
            [
                {"shift_id": self.shift.id, "volunteer_id": self.volunteer_madara.id},
                {"shift_id": self.shift.id, "volunteer_id": self.volunteer_peteris.id},
            ]
        )
        with self.assertRaisesMessage(UserError, "not started"):
            registrations.with_user(self.user_coordinator_riga).action_mark_attended()
        self.shift.write(
            {"date_begin": datetime.now() - timedelta(days=1, hours=4), "date_end": datetime.now() - timedelta(days=1)}
        )
        registrations[0].with_user(self.user_coordinator_riga).action_mark_attended()
        registrations[1].with_user(self.user_coordinator_riga).action_mark_absent()
        line = registrations[0].line_id
        self.assertEqual(registrations.mapped("state"), ["attended", "absent"])
        self.assertEqual(line.volunteer_state, "submitted")
        self.assertEqual(line.unit_amount, 4)
        self.assertEqual(line.event_id, self.event)
        self.assertEqual(line.mazpulki_activity_id, self.activity_event)
        self.assertEqual(line.mazpulki_volunteer_id, self.volunteer_madara)
        self.assertFalse(registrations[1].line_id)
