from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ProjectsCommon


@tagged("post_install", "-at_install")
class TestTheme(ProjectsCommon):
    def test_published_only_with_rules_and_criteria(self):
        theme = self.theme.copy({"name": "Bez nolikuma", "rules": False})
        with self.assertRaisesRegex(ValidationError, "without its rules"):
            theme.action_publish()
        theme.rules = "<p>Nolikums</p>"
        theme.criterion_ids.unlink()
        with self.assertRaisesRegex(ValidationError, "without evaluation criteria"):
            theme.action_publish()

    def test_open_while_published_and_in_window(self):
        Theme = self.env["mazpulki.project.theme"]
        closed = self.theme.copy({"name": "Slēgta", "is_published": True})
        closed.write(
            {"date_open": self.today - relativedelta(days=60), "date_close": self.today - relativedelta(days=1)}
        )
        unpublished = self.theme.copy({"name": "Nepublicēta"})
        self.assertTrue(self.theme.is_open)
        self.assertFalse(closed.is_open)
        self.assertFalse(unpublished.is_open)
        open_ids = Theme.search([("is_open", "=", True)]).ids
        self.assertIn(self.theme.id, open_ids)
        self.assertNotIn(closed.id, open_ids)
        self.assertNotIn(unpublished.id, open_ids)
        self.assertIn(closed, Theme.search([("is_open", "=", False)]))

    def test_dates_hold_together(self):
        other = self.theme.copy({"name": "Otra tēma"})
        with self.assertRaisesRegex(ValidationError, "cannot close before they open"):
            self.theme.date_close = self.theme.date_open - relativedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "report deadline cannot come before"):
            other.date_report_deadline = other.date_close - relativedelta(days=1)

    def test_only_the_office_edits_themes(self):
        with self.assertRaises(AccessError):
            self.theme.with_user(self.user_leader_a).name = "Cits"
        self.theme.with_user(self.user_officer).name = "Mans dārzs 2"
        self.assertEqual(self.theme.with_user(self.user_leader_a).name, "Mans dārzs 2")
