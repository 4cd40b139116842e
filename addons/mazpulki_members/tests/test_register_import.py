import base64
import csv
import datetime
import io

import openpyxl
from stdnum.lv import pvn

from odoo.tests import tagged

from odoo.addons.mazpulki_members.models.mazpulki_register_import import COLUMNS

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestRegisterImport(MazpulkiCommon):
    """The office's import of its spreadsheets: a dry run lists each problem by
    row and column and writes nothing; the import creates or links, one
    guardian for siblings, and a second run changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        year = cls.year
        code_date = datetime.date(year - 14, 5, 15)
        first = code_date.strftime("%d%m%y") + "2" + "123"
        cls.valid_code = f"{first[:6]}-{first[6:]}{pvn.calc_check_digit_pers(first)}"
        cls.rows = [
            # first, last, code, birth, gender, club, phone, email, school,
            # guardian name, phone, email, consent, consent date, last year, this year
            ["Annija", "Importa", None, datetime.date(year - 16, 3, 4), "S", "T-101", "+371 29123456",
             "annija.importa@example.lv", "Talsu vidusskola", None, None, None, "jā", None, "jā", "jā"],
            ["Pēteris", "Importkalns", None, datetime.date(year - 9, 6, 1), "V", "Testa mazpulks Latgalē", None,
             None, None, "Inga Importkalna", "+371 26000000", "inga.importkalna@example.lv", "jā", f"01.09.{year}",
             "nē", "jā"],
            ["Marta", "Importkalna", None, datetime.date(year - 11, 2, 2), "S", "T-202", None, None, None,
             "Inga Importkalna", "+371 26000000", "inga.importkalna@example.lv", "jā", None, "nē", "jā"],
            ["Kļūda", "Rinda", "123456-12345", datetime.date(year - 30, 1, 1), "", "Nav tāda", "abc", "x@",
             None, None, None, None, "varbūt", None, "nē", "jā"],
            ["Mazais", "Bez Vecāka", None, datetime.date(year - 8, 1, 1), "", "T-101", None, None, None,
             None, None, None, "jā", None, "nē", "jā"],
            ["Roberts", "Importozols", cls.valid_code, None, "V", "T-101", None, None, None, None, None, None,
             "jā", None, "nē", "jā"],
        ]  # fmt: skip

    def _xlsx(self, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append([heading._translate("en_US") for _key, heading in COLUMNS])
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        book.save(output)
        return base64.b64encode(output.getvalue())

    def _run(self, rows):
        record = self.env["mazpulki.register.import"].create({"file": self._xlsx(rows), "filename": "registers.xlsx"})
        record.action_dry_run()
        return record

    def test_template_has_the_columns(self):
        record = self.env["mazpulki.register.import"].create({})
        action = record.action_download_template()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        self.assertEqual([cell.value for cell in sheet[1]], [heading._translate("en_US") for _key, heading in COLUMNS])

    def test_dry_run_lists_problems_and_writes_nothing(self):
        partners_before = self.env["res.partner"].search_count([])
        record = self._run(self.rows)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "a dry run writes nothing")
        self.assertEqual(record.state, "checked")
        self.assertEqual((record.row_count, record.valid_count), (6, 4))
        problems = record.problems
        self.assertIn("Row 5, Personal Code: 123456-12345 is not a valid Latvian personal code", problems)
        self.assertIn("Row 5, Birth Date: turns 30", problems)
        self.assertIn("Row 5, Club (name or number): no club is called or numbered Nav tāda", problems)
        self.assertIn("Row 5, Phone: abc is not a phone number", problems)
        self.assertIn("Row 5, Email: x@ is not an e-mail address", problems)
        self.assertIn("Row 5, Consent to Data Processing (yes/no): answer yes or no", problems)
        self.assertIn("Row 6, Consent to Data Processing (yes/no): below 13 a guardian gives the consent", problems)
        self.assertNotIn("Row 2,", problems)
        self.assertNotIn("Row 7,", problems)

    def test_import_links_siblings_and_is_idempotent(self):
        record = self._run(self.rows)
        record.action_import()
        self.assertEqual(record.state, "done")
        self.assertEqual((record.created_count, record.linked_count, record.skipped_count), (4, 0, 2))
        summary = list(csv.reader(io.StringIO(record.summary_attachment_id.raw.decode("utf-8-sig"))))
        self.assertEqual(len(summary), 7)
        self.assertEqual(record.summary_attachment_id.res_id, record.id)

        Partner = self.env["res.partner"]
        anna = Partner.search([("name", "=", "Annija Importa")])
        self.assertTrue(anna.is_mazpulki_member)
        self.assertEqual(anna.mazpulki_club_id, self.club_a)
        self.assertEqual(anna.mazpulki_gender, "female")
        self.assertEqual(sorted(anna.mazpulki_membership_ids.mapped("year")), [self.year - 1, self.year])
        self.assertEqual(anna.consent_ids.given_by_id, anna, "at 16 she consents herself")

        children = Partner.search([("name", "in", ["Pēteris Importkalns", "Marta Importkalna"])])
        self.assertEqual(len(children), 2)
        guardian = children.guardian_ids.guardian_id
        self.assertEqual(len(guardian), 1, "two children of one guardian give one guardian contact")
        self.assertEqual(guardian.email, "inga.importkalna@example.lv")
        self.assertEqual(children.consent_ids.given_by_id, guardian, "under 13 the guardian consents")

        roberts = Partner.search([("name", "=", "Roberts Importozols")])
        self.assertEqual(roberts.birthdate_date, datetime.date(self.year - 14, 5, 15), "birth date from the code")

        counts = {
            model: self.env[model].search_count([])
            for model in ("res.partner", "mazpulki.guardian", "mazpulki.consent", "mazpulki.membership")
        }
        again = self._run(self.rows)
        again.action_import()
        self.assertEqual((again.created_count, again.linked_count), (0, 4), "a second run links, never twins")
        self.assertEqual(
            {model: self.env[model].search_count([]) for model in counts}, counts, "a second run changes nothing"
        )

    def test_existing_member_matched_by_name_and_birth_date(self):
        existing = self.env["res.partner"].create(
            {
                "name": "Annija Importa",
                "is_mazpulki_member": True,
                "mazpulki_club_id": self.club_a.id,
                "birthdate_date": self.rows[0][3],
            }
        )
        record = self._run(self.rows[:1])
        record.action_import()
        self.assertEqual((record.created_count, record.linked_count), (0, 1))
        self.assertEqual(existing.email, "annija.importa@example.lv", "empty fields are filled in")
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Annija Importa")]), 1)

    def test_same_person_twice_in_one_file_is_created_once(self):
        record = self._run([self.rows[0], list(self.rows[0])])
        record.action_import()
        self.assertEqual((record.created_count, record.linked_count), (1, 1))
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Annija Importa")]), 1)

    def test_import_needs_the_check_first(self):
        record = self.env["mazpulki.register.import"].create({"file": self._xlsx(self.rows[:1])})
        with self.assertRaisesRegex(Exception, "dry run"):
            record.action_import()
