from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoShifts(TransactionCase):
    def test_the_spring_clean_up_is_in_spring(self):
        shifts = self.env["mazpulki.volunteer.shift"].search([("name", "=like", "Pavasara talka%")])
        self.assertTrue(shifts)
        for shift in shifts:
            self.assertIn(shift.date_begin.month, (3, 4, 5), shift.date_begin)
