from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestMembership(MazpulkiCommon):
    def test_one_record_per_member_and_year(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mazpulki.membership"].create(
                {"member_id": self.member_a.id, "club_id": self.club_a.id, "year": self.year}
            )

    def test_past_year_respects_age(self):
        # Madara is 15: two years ago she was 13 or 14, fine; 11 years ago too young.
        past = self.env["mazpulki.membership"].create(
            {
                "member_id": self.member_a.id,
                "club_id": self.club_b.id,
                "year": self.year - 2,
                "date_join": date(self.year - 2, 9, 1),
            }
        )
        self.assertEqual(past.age, self.year - 2 - self.member_a.birthdate_date.year)
        with self.assertRaisesRegex(ValidationError, "5 to 25"):
            self.env["mazpulki.membership"].create(
                {
                    "member_id": self.member_a.id,
                    "club_id": self.club_a.id,
                    "year": self.year - 11,
                    "date_join": date(self.year - 11, 9, 1),
                }
            )

    def test_moving_club_moves_this_years_record(self):
        self.member_a.mazpulki_club_id = self.club_b
        membership = self.member_a.mazpulki_membership_ids
        self.assertEqual(len(membership), 1)
        self.assertEqual(membership.club_id, self.club_b)

    def test_leaving_needs_date_and_reason(self):
        membership = self.member_a.mazpulki_membership_ids
        with self.assertRaisesRegex(ValidationError, "enter the date and the reason"):
            membership.state = "left"
        with self.assertRaisesRegex(ValidationError, "before the join date"):
            membership.write({"state": "left", "date_leave": date(self.year - 1, 1, 1), "leave_reason": "moved"})
        membership.write({"state": "left", "date_leave": membership.date_join, "leave_reason": "moved"})
        self.assertEqual(membership.state, "left")

    def test_join_date_after_year_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "lies after the membership year"):
            self.env["mazpulki.membership"].create(
                {
                    "member_id": self.member_b.id,
                    "club_id": self.club_b.id,
                    "year": self.year - 1,
                    "date_join": date(self.year, 1, 2),
                }
            )

    def test_club_counts(self):
        self._create_member("Kārlis Zariņš", self.club_a, years=10)
        self.env.invalidate_all()
        self.assertEqual((self.club_a.member_count_active, self.club_a.member_count_year), (2, 2))
        self.member_a.mazpulki_membership_ids.write(
            {"state": "left", "date_leave": self.member_a.mazpulki_membership_ids.date_join, "leave_reason": "time"}
        )
        self.env.invalidate_all()
        self.assertEqual((self.club_a.member_count_active, self.club_a.member_count_year), (1, 2))
        self.assertEqual((self.club_b.member_count_active, self.club_b.member_count_year), (1, 1))

    def test_members_per_region_and_year(self):
        groups = self.env["mazpulki.membership"]._read_group(
            [("club_id", "in", (self.club_a | self.club_b).ids)],
            groupby=["region_id", "year"],
            aggregates=["__count"],
        )
        self.assertEqual(
            sorted((region.code, year, count) for region, year, count in groups),
            [("KUR", self.year, 1), ("LAT", self.year, 1)],
        )

    def test_club_closing_before_founding(self):
        with self.assertRaisesRegex(ValidationError, "cannot close"):
            self.club_a.write({"date_founded": date(2020, 1, 1), "date_closed": date(2019, 1, 1)})
