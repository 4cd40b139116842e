from datetime import date

from lxml import etree
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

    def test_gender_counts_in_the_membership_year(self):
        """The membership carries the member's gender, so the yearly statistics group by it in SQL."""
        membership = self.member_a.mazpulki_membership_ids.filtered(lambda m: m.year == self.year)
        self.assertFalse(membership.gender)
        self.member_a.mazpulki_gender = "female"
        self.assertEqual(membership.gender, "female")
        counts = dict(
            self.env["mazpulki.membership"]._read_group(
                [("member_id", "in", (self.member_a | self.member_b).ids), ("year", "=", self.year)],
                ["gender"],
                ["__count"],
            )
        )
        self.assertEqual(counts, {"female": 1, False: 1})

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

    def test_leader_sees_true_counts_of_every_club(self):
        """The club directory shows another club's count to a leader, never a false zero."""
        clubs = (self.club_a | self.club_b).with_user(self.user_leader_a)
        clubs.invalidate_recordset()
        self.assertEqual(clubs.mapped("member_count_active"), [1, 1])
        self.assertEqual(clubs.mapped("member_count_year"), [1, 1])

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


@tagged("post_install", "-at_install")
class TestMembershipDisplay(MazpulkiCommon):
    def test_years_are_shown_without_thousands_separator(self):
        """A year reads "2026", not "2 026": the integer widget's formatting is off on every year column."""
        views = [
            ("mazpulki.membership", "mazpulki_members.mazpulki_membership_view_list"),
            ("mazpulki.membership", "mazpulki_members.mazpulki_membership_view_form"),
            ("res.partner", "mazpulki_members.res_partner_view_form_member"),
        ]
        for model, xmlid in views:
            with self.subTest(view=xmlid):
                arch = self.env[model].get_view(self.env.ref(xmlid).id)["arch"]
                year_fields = etree.fromstring(arch).xpath("//field[@name='year']")
                self.assertTrue(year_fields)
                for node in year_fields:
                    self.assertIn("'enable_formatting': false", node.get("options", ""))

    def test_member_since_is_the_first_joining(self):
        """A member who joined three years ago and goes on this year is a member since then, not since today."""
        first_join = date(self.year - 3, 9, 12)
        self.env["mazpulki.membership"].create(
            {"member_id": self.member_a.id, "club_id": self.club_a.id, "year": self.year - 2, "date_join": first_join}
        )
        self.assertEqual(self.member_a.mazpulki_date_first_join, first_join)
        self.assertEqual(self.member_b.mazpulki_date_first_join, self.today)

    def test_a_continuing_member_does_not_join_again(self):
        """This year's record of a member active last year starts on 1 January."""
        member = self._create_member("Ieva Kalna", self.club_a, years=14)
        member.mazpulki_membership_ids.unlink()
        self.env["mazpulki.membership"].create(
            {
                "member_id": member.id,
                "club_id": self.club_a.id,
                "year": self.year - 1,
                "date_join": date(self.year - 1, 3, 1),
            }
        )
        member.mazpulki_club_id = self.club_b
        this_year = member.mazpulki_membership_ids.filtered(lambda m: m.year == self.year)
        self.assertEqual(this_year.date_join, date(self.year, 1, 1))
        self.assertEqual(member.mazpulki_date_first_join, date(self.year - 1, 3, 1))


@tagged("post_install", "-at_install")
class TestMembershipRenewal(MazpulkiCommon):
    def test_renewal_carries_active_members_into_next_year(self):
        Membership = self.env["mazpulki.membership"]
        next_year = self.year + 1
        # Roberts left this year; Edgars outgrows the age limit; Zane's record is archived.
        current_b = self.member_b.mazpulki_membership_ids.filtered(lambda m: m.year == self.year)
        current_b.write({"state": "left", "date_leave": self.today, "leave_reason": "moved"})
        too_old = self._create_member("Edgars Kalējs", self.club_a, years=25, birthdate_date=date(self.year - 25, 6, 1))
        archived = self._create_member("Zane Krūze", self.club_a, years=12)
        archived.action_archive()
        moved = self._create_member("Alise Celma", self.club_a, years=9)
        moved.mazpulki_club_id = self.club_b

        renewed = Membership._renew_memberships(next_year)

        ours = renewed.filtered(lambda m: m.member_id in self.member_a | self.member_b | too_old | archived | moved)
        self.assertEqual(ours.member_id, self.member_a | moved)
        self.assertEqual(ours.mapped("date_join"), [date(next_year, 1, 1)] * 2)
        self.assertEqual(ours.filtered(lambda m: m.member_id == moved).club_id, self.club_b)
        self.assertEqual(set(ours.mapped("state")), {"active"})
        self.assertFalse(Membership._renew_memberships(next_year), "a second run renews nobody twice")

    def test_cron_works_in_batches(self):
        Membership = self.env["mazpulki.membership"]
        members = self.member_a | self.member_b
        # Last year's records, and this year's not opened yet: as on the morning of 1 January.
        Membership.create(
            [
                {
                    "member_id": m.id,
                    "club_id": m.mazpulki_club_id.id,
                    "year": self.year - 1,
                    "date_join": date(self.year - 1, 9, 1),
                }
                for m in members
            ]
        )
        members.mazpulki_membership_ids.filtered(lambda m: m.year == self.year).unlink()

        batches = []
        while renewed := Membership._cron_renew_memberships(batch_size=1):
            batches.append(renewed)
            self.assertLessEqual(len(batches), 1000, "the renewal never ends")
        self.assertEqual([len(batch) for batch in batches], [1] * len(batches))
        current = members.mazpulki_membership_ids.filtered(lambda m: m.year == self.year)
        self.assertEqual(current.member_id, members)
        self.assertEqual(current.mapped("date_join"), [date(self.year, 1, 1)] * 2)
