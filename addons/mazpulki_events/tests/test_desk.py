from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDesk(MazpulkiEventsCommon):
    def test_member_card_checks_in(self):
        result = self.scan(self.code_a)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(result["id"], self.registration_a.id)
        self.assertEqual(result["name"], "Madara Liepiņa")
        self.assertEqual(result["mazpulki_club"], "Testa mazpulks Kurzemē")
        self.assertEqual(result["mazpulki_age_group"], "13–17 years")
        self.assertEqual(self.registration_a.state, "done")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 1)
        self.assertEqual(self.registration_a.mazpulki_attendance_ids.user_id, self.env.user)

    def test_second_scan_same_day_tells_the_time(self):
        self.scan(self.code_a)
        result = self.scan(self.code_a)
        self.assertEqual(result["status"], "already_registered")
        self.assertRegex(result["mazpulki_checked_in_at"], r"^\d\d:\d\d$")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 1)

    def test_second_day_of_the_camp(self):
        self.scan(self.code_a)
        self.assertEqual(self.registration_a.state, "done")
        with freeze_time(self.now + timedelta(days=1)):
            result = self.scan(self.code_a)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(len(self.registration_a.mazpulki_attendance_ids), 2)
        self.assertEqual(len(set(self.registration_a.mazpulki_attendance_ids.mapped("day"))), 2)

    def test_walkin(self):
        self.camp.mazpulki_walkin_allowed = True
        result = self.scan(self.code_adult)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertTrue(result["mazpulki_walkin"])
        registration = self.env["event.registration"].browse(result["id"])
        self.assertEqual(registration.partner_id, self.member_adult)
        self.assertEqual(registration.state, "done")
        self.assertEqual(len(registration.mazpulki_attendance_ids), 1)

    def test_walkin_respects_seats(self):
        self.camp.write({"mazpulki_walkin_allowed": True, "seats_limited": True, "seats_max": 1})
        result = self.scan(self.code_adult)
        self.assertEqual(result["status"], "mazpulki_no_seats")
        self.assertTrue(result["mazpulki_message"])

    def test_not_registered_without_walkins(self):
        result = self.scan(self.code_adult)
        self.assertEqual(result["status"], "mazpulki_not_registered")
        self.assertIn("Kārlis Bērziņš", result["mazpulki_message"])
        self.assertFalse(self.env["event.registration"].search([("partner_id", "=", self.member_adult.id)]))

    def test_unknown_card(self):
        result = self.scan("NoSuchCardCode00")
        self.assertEqual(result["status"], "mazpulki_unknown_card")
        self.assertIn("NoSuchCardCode00", result["mazpulki_message"])

    def test_revoked_card(self):
        old_code = self.code_a
        self.member_a.mazpulki_card_id._revoke("lost")
        result = self.scan(old_code)
        self.assertEqual(result["status"], "mazpulki_revoked_card")
        self.assertEqual(self.registration_a.state, "open")

    def test_cancelled_registration(self):
        self.registration_a.action_cancel()
        result = self.scan(self.code_a)
        self.assertEqual(result["status"], "canceled_registration")
        self.assertFalse(self.registration_a.mazpulki_attendance_ids)

    def test_no_membership_this_year(self):
        membership = self.member_a.mazpulki_membership_ids.filtered(lambda m: m.year == self.year)
        membership.write({"state": "left", "date_leave": self.today, "leave_reason": "moved"})
        result = self.scan(self.code_a)
        self.assertEqual(result["status"], "mazpulki_no_membership")
        self.assertEqual(self.registration_a.state, "open")

    def test_guardian_approval_missing(self):
        self.camp.mazpulki_guardian_approval = True
        registration = self.env["event.registration"].create({"event_id": self.camp.id, "partner_id": self.member_b.id})
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        self.assertEqual(registration.state, "draft")
        result = self.scan(self.code_b)
        self.assertEqual(result["status"], "mazpulki_approval_missing")
        registration.action_mazpulki_approve()
        self.assertEqual(registration.state, "open")
        self.assertEqual(self.scan(self.code_b)["status"], "confirmed_registration")

    def test_minor_walkin_needs_approval(self):
        self.camp.write({"mazpulki_walkin_allowed": True, "mazpulki_guardian_approval": True})
        result = self.scan(self.code_b)
        self.assertEqual(result["status"], "mazpulki_approval_missing")

    def test_finished_event(self):
        with freeze_time(self.now + timedelta(days=5)):
            result = self.scan(self.code_a)
        self.assertEqual(result["status"], "not_ongoing_event")

    def test_member_card_needs_the_event(self):
        result = self.env["event.registration"].register_attendee(self.code_a, False)
        self.assertEqual(result["status"], "mazpulki_no_event")

    def test_odoo_barcode_keeps_working(self):
        guest = self.env["event.registration"].create({"event_id": self.camp.id, "name": "Viesis Pēteris"})
        result = self.scan(guest.barcode)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(guest.state, "done")
        self.assertEqual(self.scan(guest.barcode)["status"], "already_registered")
        self.assertEqual(self.scan("12345")["error"], "invalid_ticket")
        with freeze_time(self.now + timedelta(days=1)):
            self.assertEqual(self.scan(guest.barcode)["status"], "confirmed_registration")
        self.assertEqual(len(guest.mazpulki_attendance_ids), 2)

    def test_odoo_barcode_of_a_member_shows_club(self):
        result = self.scan(self.registration_a.barcode)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(result["mazpulki_club"], "Testa mazpulks Kurzemē")

    def test_desk_user_scans(self):
        desk = self._desk_user()
        result = self.scan(self.code_a, user=desk)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(self.registration_a.mazpulki_attendance_ids.user_id, desk)

    def test_member_scan_query_count(self):
        desk = self._desk_user()
        others = [self._create_member(f"Dalībnieks {i}", self.club_b, years=20) for i in range(3)]
        self.env["event.registration"].create([{"event_id": self.camp.id, "partner_id": m.id} for m in others])
        self.scan(others[0].mazpulki_card_id.code, user=desk)  # warm the caches
        self.env.invalidate_all()
        codes = [member.mazpulki_card_id.code for member in others]
        with self.assertQueryCount(4):
            result = self.scan(codes[1], user=desk)
        self.assertEqual(result["status"], "confirmed_registration")
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            self.scan(codes[2], user=desk)

    def _desk_user(self):
        from odoo.tests import new_test_user

        return new_test_user(
            self.env, login="desk_user", name="Reģistrācijas galds", groups="mazpulki_events.group_mazpulki_event_desk"
        )
