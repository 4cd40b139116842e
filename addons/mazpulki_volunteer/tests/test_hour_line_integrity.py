from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestHourLineState(MazpulkiVolunteerCommon):
    """Every way a volunteer line is made gives it an approval state (issue 14, item 7)."""

    def test_new_in_the_hours_list_awaits_approval(self):
        # "New" in the hours list opens the hours form, which sends every field, the empty state too.
        Line = self.env["account.analytic.line"].with_user(self.user_coordinator_riga)
        form = Form(Line, view="mazpulki_volunteer.account_analytic_line_view_form_volunteer")
        form.mazpulki_volunteer_id = self.volunteer_peteris
        form.mazpulki_activity_id = self.activity_talka
        form.date = self.yesterday
        form.unit_amount = 3
        form.name = "Talka Mežaparkā"
        line = form.save()
        self.assertEqual(line.volunteer_state, "submitted")
        awaiting = Line.search([("volunteer_state", "=", "submitted"), ("mazpulki_volunteer_id", "!=", False)])
        self.assertIn(line, awaiting)

    def test_state_given_empty_awaits_approval(self):
        line = self._line(self.volunteer_peteris, 2, volunteer_state=False)
        self.assertEqual(line.volunteer_state, "submitted")

    def test_import_without_a_state_awaits_approval(self):
        result = (
            self.env["account.analytic.line"]
            .with_user(self.user_coordinator_riga)
            .load(
                ["mazpulki_volunteer_id/.id", "mazpulki_activity_id/.id", "date", "unit_amount", "volunteer_state"],
                [
                    [str(self.volunteer_peteris.id), str(self.activity_talka.id), str(self.yesterday), "2", ""],
                    [str(self.volunteer_madara.id), str(self.activity_office.id), str(self.yesterday), "1.5", ""],
                ],
            )
        )
        self.assertFalse(result["messages"], result["messages"])
        lines = self.env["account.analytic.line"].browse(result["ids"])
        self.assertEqual(lines.mapped("volunteer_state"), ["submitted", "submitted"])

    def test_group_entry_without_approval_awaits_approval(self):
        wizard = (
            self.env["mazpulki.volunteer.group.entry"]
            .with_user(self.user_coordinator_riga)
            .create(
                {
                    "date": self.yesterday,
                    "activity_id": self.activity_talka.id,
                    "hours": 3,
                    "volunteer_ids": [Command.set((self.volunteer_madara | self.volunteer_peteris).ids)],
                }
            )
        )
        lines = self.env["account.analytic.line"].search(wizard.action_confirm()["domain"])
        self.assertEqual(set(lines.mapped("volunteer_state")), {"submitted"})

    def test_a_line_given_a_volunteer_later_gets_a_state(self):
        account = self.env.ref("mazpulki_volunteer.analytic_account_volunteering")
        line = self.env["account.analytic.line"].create(
            {"name": "Talka", "unit_amount": 2, "date": self.yesterday, account.plan_id._column_name(): account.id}
        )
        self.assertFalse(line.volunteer_state)
        line.mazpulki_volunteer_id = self.volunteer_peteris
        self.assertEqual(line.volunteer_state, "submitted")
        with self.assertRaisesMessage(ValidationError, "always have an approval state"):
            line.volunteer_state = False


@tagged("post_install", "-at_install")
class TestHourLineNoMoney(MazpulkiVolunteerCommon):
    """Money never comes from a volunteer: an hour line has no amount, journal item, product or other account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls._line(cls.volunteer_madara, 2)
        cls.Line = cls.env["account.analytic.line"]

    def _assert_refused_for_everyone(self, vals, message, users_refused_first=None):
        """Refused for a coordinator, a manager and the superuser; ``users_refused_first``: another
        exception a user may meet before this check (the strategy's guard of journal items)."""
        for user in (self.user_coordinator_riga, self.user_manager, None):
            Line = self.Line.with_user(user) if user else self.Line  # None: the superuser
            # both are UserErrors; Odoo's assertRaises takes one class
            expected = UserError if user and users_refused_first else ValidationError
            allowed = (ValidationError, users_refused_first or ValidationError)
            with self.subTest(user=user and user.login, vals=vals):
                with self.assertRaises(expected) as catcher:
                    Line.create(
                        {
                            "mazpulki_volunteer_id": self.volunteer_peteris.id,
                            "mazpulki_activity_id": self.activity_talka.id,
                            "unit_amount": 1,
                            "date": self.yesterday,
                            **vals,
                        }
                    )
                self.assertIsInstance(catcher.exception, allowed)
                if isinstance(catcher.exception, ValidationError):
                    self.assertIn(message, str(catcher.exception))
                with self.assertRaises(expected) as catcher:
                    self.line.with_env(Line.env).write(vals)
                self.assertIsInstance(catcher.exception, allowed)
                if isinstance(catcher.exception, ValidationError):
                    self.assertIn(message, str(catcher.exception))

    def test_no_amount(self):
        self._assert_refused_for_everyone({"amount": 1000000}, "no money")
        self._assert_refused_for_everyone({"amount": -5}, "no money")

    def test_no_journal_item_financial_account_or_product(self):
        if "move_line_id" not in self.Line._fields:
            self.skipTest("Accounting is not installed.")
        income = self.env["account.account"].create({"name": "Ziedojumi", "code": "T6108", "account_type": "income"})
        self._assert_refused_for_everyone({"general_account_id": income.id}, "not accounting entries")
        product = self.env["product.product"].create({"name": "Stunda"})
        self._assert_refused_for_everyone({"product_id": product.id}, "not accounting entries")
        journal = self.env["account.journal"].create({"name": "Testa žurnāls", "code": "TVOL", "type": "general"})
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "line_ids": [
                    Command.create({"account_id": income.id, "credit": 10}),
                    Command.create({"account_id": income.id, "debit": 10}),
                ],
            }
        )
        self._assert_refused_for_everyone(
            {"move_line_id": move.line_ids[0].id}, "not accounting entries", users_refused_first=AccessError
        )

    def test_only_the_volunteering_accounts(self):
        plan = self.env["account.analytic.plan"].create({"name": "Testa projekti"})
        project = self.env["account.analytic.account"].create({"name": "Cits projekts", "plan_id": plan.id})
        self._assert_refused_for_everyone({plan._column_name(): project.id}, "count only on the account")
        volunteering = self.env.ref("mazpulki_volunteer.analytic_account_volunteering")
        other = self.env["account.analytic.account"].create(
            {"name": "Cits brīvprātīgo konts", "plan_id": volunteering.plan_id.id}
        )
        self._assert_refused_for_everyone({volunteering.plan_id._column_name(): other.id}, "count only on the account")
        # the volunteering account and the hours stay as they were
        self.assertEqual(self.line[volunteering.plan_id._column_name()], volunteering)
        self.assertFalse(self.line.amount)

    def test_the_volunteering_flow_still_logs_hours(self):
        # what the flow sets itself is accepted: hours, the activity, a funding source when one is set up
        self.line.write({"unit_amount": 3, "name": "Talka pie skolas"})
        self.assertEqual(self.line.unit_amount, 3)
        self.assertFalse(self.line.amount)
