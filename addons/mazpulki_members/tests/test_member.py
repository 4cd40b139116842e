from datetime import date

from dateutil.relativedelta import relativedelta
from stdnum.lv import pvn

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import MazpulkiCommon


def personal_code(birthdate, serial="123"):
    """A valid old-format Latvian personal code for ``birthdate``."""
    century = (birthdate.year - 1800) // 100
    prefix = f"{birthdate:%d%m%y}{century}{serial}"
    return prefix + pvn.calc_check_digit_pers(prefix)


@tagged("post_install", "-at_install")
class TestMember(MazpulkiCommon):
    def test_new_member_gets_number_membership_and_card(self):
        member = self._create_member("Kārlis Zariņš", self.club_a, years=10)
        self.assertTrue(member.member_number.startswith("MP-"))
        self.assertEqual(member.mazpulki_age, 10)
        self.assertEqual(member.mazpulki_region_id, self.region_kurzeme)
        membership = member.mazpulki_membership_ids
        self.assertEqual(len(membership), 1)
        self.assertEqual((membership.year, membership.club_id, membership.state), (self.year, self.club_a, "active"))
        self.assertEqual(member.mazpulki_card_id.state, "active")

    def test_member_numbers_are_unique(self):
        other = self._create_member("Kārlis Zariņš", self.club_a, years=10)
        self.assertNotEqual(other.member_number, self.member_a.member_number)

    def test_member_needs_birth_date_and_club(self):
        with self.assertRaisesRegex(ValidationError, "birth date"):
            self.env["res.partner"].create(
                {"name": "Anna", "is_mazpulki_member": True, "mazpulki_club_id": self.club_a.id}
            )
        with self.assertRaisesRegex(ValidationError, "club"):
            self.env["res.partner"].create(
                {"name": "Anna", "is_mazpulki_member": True, "birthdate_date": self.today - relativedelta(years=9)}
            )

    def test_age_limits_in_membership_year(self):
        Partner = self.env["res.partner"]
        vals = {"name": "Pēteris Bērziņš", "is_mazpulki_member": True, "mazpulki_club_id": self.club_a.id}
        # Turns 5 this year, turns 25 this year: both welcome.
        youngest = Partner.create(dict(vals, birthdate_date=date(self.year - 5, 12, 31)))
        oldest = Partner.create(dict(vals, birthdate_date=date(self.year - 25, 1, 1)))
        self.assertEqual(youngest.mazpulki_membership_ids.age, 5)
        self.assertEqual(oldest.mazpulki_membership_ids.age, 25)
        with self.assertRaisesRegex(ValidationError, "turns 4"):
            Partner.create(dict(vals, birthdate_date=date(self.year - 4, 1, 1)))
        with self.assertRaisesRegex(ValidationError, "turns 26"):
            Partner.create(dict(vals, birthdate_date=date(self.year - 26, 12, 31)))

    def test_changing_birth_date_rechecks_membership_years(self):
        with self.assertRaisesRegex(ValidationError, "5 to 25"):
            self.member_a.birthdate_date = date(self.year - 30, 6, 1)

    def test_personal_code_valid_and_normalised(self):
        code = personal_code(self.member_a.birthdate_date)
        self.member_a.personal_code = code.replace("-", "")
        self.assertEqual(self.member_a.personal_code, f"{code[:6]}-{code[6:]}")

    def test_personal_code_modern_format(self):
        self.member_a.personal_code = "321234-56789"
        self.assertEqual(self.member_a.personal_code, "321234-56789")

    def test_personal_code_invalid(self):
        valid = personal_code(self.member_a.birthdate_date)
        wrong_check = valid[:-1] + str((int(valid[-1]) + 1) % 10)
        for bad in (wrong_check, "12345", "abcdefghijk", "400035-21600"):
            with self.subTest(code=bad), self.assertRaisesRegex(ValidationError, "not a valid Latvian personal code"):
                self.member_a.personal_code = bad

    def test_personal_code_must_match_birth_date(self):
        code = personal_code(self.member_a.birthdate_date - relativedelta(days=3))
        with self.assertRaisesRegex(ValidationError, "belongs to someone born on"):
            self.member_a.personal_code = code

    def test_personal_code_unique(self):
        twin = self._create_member("Marta Liepiņa", self.club_a, years=15)
        twin.birthdate_date = self.member_a.birthdate_date
        code = personal_code(self.member_a.birthdate_date)
        self.member_a.personal_code = code
        with self.assertRaisesRegex(ValidationError, "already registered for"):
            twin.personal_code = code

    def test_same_name_and_birth_date_warns_on_the_form(self):
        form = Form(
            self.env["res.partner"].with_context(default_is_mazpulki_member=True),
            view="mazpulki_members.res_partner_view_form_member",
        )
        form.name = "Madara Liepiņa"
        form.mazpulki_club_id = self.club_b
        self.assertFalse(form.mazpulki_duplicate_ids)
        form.birthdate_date = self.member_a.birthdate_date
        self.assertIn(self.member_a, form.mazpulki_duplicate_ids)
        # A warning, not a block: the member can still be saved.
        member = form.save()
        self.assertTrue(member.member_number)

    def test_bad_input_keeps_what_was_typed(self):
        form = Form(
            self.env["res.partner"].with_context(default_is_mazpulki_member=True),
            view="mazpulki_members.res_partner_view_form_member",
        )
        form.name = "Elza Kļaviņa"
        form.mazpulki_club_id = self.club_a
        form.birthdate_date = self.today - relativedelta(years=12)
        form.school_name = "Kalnciema pamatskola"
        form.personal_code = "999999-99999"
        with self.assertRaisesRegex(ValidationError, "not a valid Latvian personal code"):
            form.save()
        # Everything typed is still in the form; fixing one field is enough.
        self.assertEqual(form.name, "Elza Kļaviņa")
        self.assertEqual(form.school_name, "Kalnciema pamatskola")
        self.assertEqual(form.personal_code, "999999-99999")
        form.personal_code = personal_code(form.birthdate_date)
        member = form.save()
        self.assertEqual(member.school_name, "Kalnciema pamatskola")

    def test_club_found_by_number_for_import(self):
        self.assertEqual(self.env["mazpulki.club"].name_search("T-202")[0][0], self.club_b.id)
        result = self.env["res.partner"].load(
            ["name", "is_mazpulki_member", "birthdate_date", "mazpulki_club_id"],
            [
                ["Laura Krūmiņa", "1", (self.today - relativedelta(years=9)).isoformat(), "T-202"],
                ["Oskars Sproģis", "1", (self.today - relativedelta(years=14)).isoformat(), "Testa mazpulks Kurzemē"],
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        imported = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(imported.mazpulki_club_id, self.club_b | self.club_a)
        self.assertTrue(all(imported.mapped("mazpulki_card_id")))

    def test_guardian_cannot_be_self(self):
        with self.assertRaisesRegex(ValidationError, "own guardian"):
            self.env["mazpulki.guardian"].create(
                {"member_id": self.member_a.id, "guardian_id": self.member_a.id, "relation": "other"}
            )

    def test_leader_dates(self):
        with self.assertRaisesRegex(ValidationError, "before starting"):
            self.env["mazpulki.club.leader"].create(
                {
                    "club_id": self.club_a.id,
                    "partner_id": self.user_officer.partner_id.id,
                    "date_start": self.today,
                    "date_end": self.today - relativedelta(days=1),
                }
            )
        self.assertEqual(self.club_a.current_leader_ids, self.user_leader_a.partner_id)
