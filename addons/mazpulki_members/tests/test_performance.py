from odoo.tests import tagged, users, warmup

from .common import MazpulkiCommon


@tagged("post_install", "-at_install", "mazpulki_perf")
class TestPerformance(MazpulkiCommon):
    @users("officer")
    @warmup
    def test_resolve_code_query_count(self):
        Card = self.env["mazpulki.member.card"]
        code = self.member_a.sudo().mazpulki_card_id.code
        # One indexed query, however many members there are.
        with self.assertQueryCount(officer=1):
            member = Card.resolve_code(code)
        self.assertEqual(member.id, self.member_a.id)

        self.env["res.partner"].sudo().create(
            [
                {
                    "name": f"Biedrs {i}",
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": self.club_b.id,
                    "birthdate_date": self.member_b.sudo().birthdate_date,
                }
                for i in range(200)
            ]
        )
        with self.assertQueryCount(officer=1):
            member = Card.resolve_code(code)
        self.assertEqual(member.id, self.member_a.id)
