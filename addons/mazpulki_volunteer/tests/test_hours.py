from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerHours(MazpulkiVolunteerCommon):
    def test_line_lands_on_the_volunteering_plan(self):
        line = self._line(self.volunteer_madara, 3)
        account = self.env.ref("mazpulki_volunteer.analytic_account_volunteering")
        self.assertEqual(line[account.plan_id._column_name()], account)
        self.assertEqual(line.partner_id, self.member_a)
        self.assertEqual(line.volunteer_state, "submitted")
        self.assertEqual(line.name, self.activity_talka.name)
        self.assertEqual(line.product_uom_id, self.env.ref("uom.product_uom_hour"))

    def test_zero_or_negative_hours_refused(self):
        for hours in (0, -2):
            with self.assertRaisesMessage(ValidationError, "more than zero"):
                self._line(self.volunteer_madara, hours)

    def test_more_than_24_hours_a_day_across_lines_refused(self):
        self._line(self.volunteer_madara, 10)
        self._line(self.volunteer_madara, 10, activity=self.activity_office)
        with self.assertRaisesMessage(ValidationError, "24 hours"):
            self._line(self.volunteer_madara, 5, activity=self.activity_event)
        # Another person's hours of the same day do not count.
        self._line(self.volunteer_peteris, 20)
        # Nor do rejected lines: after a rejection the day has room again.
        line = self._line(self.volunteer_madara, 4, activity=self.activity_event)
        line.with_user(self.user_coordinator_riga)._mazpulki_reject("Double entry")
        self._line(self.volunteer_madara, 4, activity=self.activity_event, name="Fixed")

    def test_editing_a_line_over_24_hours_refused(self):
        line = self._line(self.volunteer_madara, 20)
        self._line(self.volunteer_madara, 3, activity=self.activity_office)
        with self.assertRaisesMessage(ValidationError, "24 hours"):
            line.unit_amount = 22

    def test_future_date_refused(self):
        with self.assertRaisesMessage(ValidationError, "future"):
            self._line(self.volunteer_madara, 2, day=self.today.replace(year=self.year + 1))

    def test_date_before_volunteer_start_refused(self):
        with self.assertRaisesMessage(ValidationError, "volunteer since"):
            self._line(self.volunteer_madara, 2, day=self.start.replace(year=1999))

    def test_contact_without_profile_refused(self):
        stranger = self.env["res.partner"].create({"name": "Nav Brīvprātīgais"})
        with self.assertRaisesMessage(ValidationError, "no volunteer profile"):
            self.env["account.analytic.line"].create(
                {"partner_id": stranger.id, "mazpulki_activity_id": self.activity_talka.id, "unit_amount": 2}
            )
        with self.assertRaisesMessage(ValidationError, "volunteer"):
            self.env["account.analytic.line"].create(
                {"name": "x", "mazpulki_activity_id": self.activity_talka.id, "unit_amount": 2}
            )

    def test_contact_with_profile_is_resolved(self):
        line = self.env["account.analytic.line"].create(
            {"partner_id": self.partner_peteris.id, "mazpulki_activity_id": self.activity_talka.id, "unit_amount": 2}
        )
        self.assertEqual(line.mazpulki_volunteer_id, self.volunteer_peteris)

    def test_likely_duplicate_flagged_not_blocked(self):
        first = self._line(self.volunteer_madara, 4)
        self.assertFalse(first.mazpulki_is_duplicate)
        second = self._line(self.volunteer_madara, 4)
        self.assertTrue(second.mazpulki_is_duplicate)
        other_hours = self._line(self.volunteer_madara, 3)
        self.assertFalse(other_hours.mazpulki_is_duplicate)

    def test_non_volunteer_analytic_lines_untouched(self):
        account = self.env.ref("mazpulki_volunteer.analytic_account_volunteering")
        line = self.env["account.analytic.line"].create(
            {"name": "Office rent", "amount": -100, account.plan_id._column_name(): account.id}
        )
        self.assertFalse(line.volunteer_state)
        line.amount = -120
        line.unlink()

    def test_approval_workflow_and_locking(self):
        line = self._line(self.volunteer_madara, 4)
        line.with_user(self.user_coordinator_riga).action_volunteer_approve()
        self.assertEqual(line.volunteer_state, "approved")
        self.assertEqual(line.mazpulki_approver_id, self.user_coordinator_riga)
        self.assertEqual(self.volunteer_madara.date_first_approved, self.yesterday)
        with self.assertRaisesMessage(UserError, "locked"):
            line.with_user(self.user_coordinator_riga).unit_amount = 5
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            line.with_user(self.user_coordinator_riga).unlink()
        with self.assertRaisesMessage(UserError, "manager"):
            line.with_user(self.user_coordinator_riga).action_volunteer_unlock()
        line.with_user(self.user_manager).action_volunteer_unlock()
        self.assertEqual(line.volunteer_state, "submitted")
        self.assertFalse(self.volunteer_madara.date_first_approved)
        line.with_user(self.user_coordinator_riga).unit_amount = 5

    def test_reject_needs_a_reason(self):
        line = self._line(self.volunteer_madara, 4)
        wizard_action = line.with_user(self.user_coordinator_riga).action_volunteer_reject()
        wizard = (
            self.env["mazpulki.volunteer.reject"]
            .with_user(self.user_coordinator_riga)
            .with_context(**wizard_action["context"])
            .create({"reason": " "})
        )
        with self.assertRaisesMessage(UserError, "why"):
            wizard.action_reject()
        wizard.reason = "Talka was cancelled that day."
        wizard.action_reject()
        self.assertEqual(line.volunteer_state, "rejected")
        self.assertEqual(line.mazpulki_reject_reason, "Talka was cancelled that day.")
        line.action_volunteer_submit()
        self.assertEqual(line.volunteer_state, "submitted")
        self.assertFalse(line.mazpulki_reject_reason)

    def test_only_coordinators_approve_and_not_their_own(self):
        line = self._line(self.volunteer_madara, 4)
        with self.assertRaisesMessage(UserError, "coordinator"):
            line.with_user(self.user_leader_a).action_volunteer_approve()
        own_profile = self.env["mazpulki.volunteer"].create(
            {
                "partner_id": self.user_coordinator_riga.partner_id.id,
                "team_id": self.team_riga.id,
                "date_start": self.start,
            }
        )
        own = self._line(own_profile, 2)
        with self.assertRaisesMessage(UserError, "another coordinator"):
            own.with_user(self.user_coordinator_riga).action_volunteer_approve()
        with self.assertRaisesMessage(UserError, "another coordinator"):
            own.with_user(self.user_coordinator_riga).write({"volunteer_state": "approved"})

    def test_group_entry_fifteen_volunteers(self):
        partners = self.env["res.partner"].create([{"name": f"Talcinieks {n}"} for n in range(15)])
        volunteers = self.env["mazpulki.volunteer"].create(
            [{"partner_id": p.id, "team_id": self.team_riga.id, "date_start": self.start} for p in partners]
        )
        wizard = (
            self.env["mazpulki.volunteer.group.entry"]
            .with_user(self.user_coordinator_riga)
            .create(
                {
                    "date": self.yesterday,
                    "activity_id": self.activity_talka.id,
                    "hours": 4,
                    "name": "Talka Mežaparkā",
                    "volunteer_ids": [(6, 0, volunteers.ids)],
                    "approve": True,
                }
            )
        )
        action = wizard.action_confirm()
        lines = self.env["account.analytic.line"].search(action["domain"])
        self.assertEqual(len(lines), 15)
        self.assertEqual(sum(lines.mapped("unit_amount")), 60)
        self.assertEqual(set(lines.mapped("volunteer_state")), {"approved"})
        self.assertEqual(lines.mazpulki_volunteer_id, volunteers)
