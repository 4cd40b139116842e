import base64
import csv
import datetime
import io
import json
from unittest.mock import patch

import openpyxl
from stdnum.lv import pvn

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.bus.models.bus import channel_with_db, json_dump
from odoo.addons.mazpulki_members.models import mazpulki_register_import
from odoo.addons.mazpulki_members.models.mazpulki_register_import import COLUMNS, MazpulkiRegisterImport

from .common import MazpulkiCommon

JOB_LOGGER = "odoo.addons.mazpulki_members.models.mazpulki_register_import"


@tagged("post_install", "-at_install")
class TestRegisterImport(MazpulkiCommon):
    """The office's import of its spreadsheets: a dry run lists each problem by
    row and column and writes nothing; the import is queued and run by the
    scheduled action as the manager who queued it, a batch per transaction,
    with its progress; it creates or links, one guardian for siblings, and a
    second run changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager = new_test_user(
            cls.env, login="importer", name="Dace Importētāja", groups="mazpulki_members.group_mazpulki_manager"
        )
        # an office manager without an e-mail address: the job's notes and notifications need none
        cls.user_manager.write({"mazpulki_role": "manager", "email": False})
        cls.cron = cls.env.ref("mazpulki_members.ir_cron_register_import")
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

    def _run(self, rows, file=None, filename="registers.xlsx"):
        """A dry run of ``rows`` by the office manager."""
        record = (
            self.env["mazpulki.register.import"]
            .with_user(self.user_manager)
            .create({"file": file or self._xlsx(rows), "filename": filename})
        )
        record.action_dry_run()
        return record

    def _import(self, record):
        """Queue the import and run the scheduled action, as Odoo's cron worker would."""
        record.action_import()
        self.env["mazpulki.register.import"]._cron_import_registers()
        record.invalidate_recordset()
        return record

    def _notifications(self, user):
        self.env.cr.precommit.run()  # the bus sends at commit: make its rows now
        channel = json_dump(channel_with_db(self.env.cr.dbname, user.partner_id))
        return [json.loads(bus.message) for bus in self.env["bus.bus"].sudo().search([("channel", "=", channel)])]

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
        record = self._import(self._run(self.rows))
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
        again = self._import(self._run(self.rows))
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
        record = self._import(self._run(self.rows[:1]))
        self.assertEqual((record.created_count, record.linked_count), (0, 1))
        self.assertEqual(existing.email, "annija.importa@example.lv", "empty fields are filled in")
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Annija Importa")]), 1)

    def test_same_person_twice_in_one_file_is_created_once(self):
        record = self._import(self._run([self.rows[0], list(self.rows[0])]))
        self.assertEqual((record.created_count, record.linked_count), (1, 1))
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Annija Importa")]), 1)

    def test_import_needs_the_check_first(self):
        record = self.env["mazpulki.register.import"].create({"file": self._xlsx(self.rows[:1])})
        with self.assertRaisesRegex(UserError, "dry run"):
            record.action_import()

    # ------------------------------------------------------------------ the queued job

    def test_import_is_queued_and_the_cron_finishes_it(self):
        record = self._run(self.rows)
        partners_before = self.env["res.partner"].search_count([])
        record.action_import()
        self.assertEqual((record.state, record.user_id, record.progress), ("queued", self.user_manager, 0))
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "nothing imported in the request")
        trigger = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        self.assertTrue(trigger, "queuing wakes Odoo's cron up (ir.cron._trigger)")

        self.cron.method_direct_trigger()  # as Odoo's cron worker runs it: its user, its progress record
        self.assertEqual((record.state, record.progress), ("done", 100))
        self.assertEqual((record.created_count, record.linked_count, record.skipped_count), (4, 0, 2))
        self.assertTrue(record.date_done)
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", self.cron.id)], order="id desc", limit=1)
        self.assertEqual((progress.done, progress.remaining), (6, 0), "the cron's progress tells it is all done")
        created = self.env["res.partner"].search([("name", "=", "Annija Importa")])
        self.assertEqual(created.create_uid, self.user_manager, "the job runs as the manager who queued it")

        notifications = [n for n in self._notifications(self.user_manager) if n["type"] == "simple_notification"]
        self.assertEqual(len(notifications), 1, "the manager is told the import is done")
        self.assertEqual(notifications[0]["payload"]["type"], "success")
        self.assertIn("4 created, 0 linked to existing members, 2 skipped", notifications[0]["payload"]["message"])
        message = record.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(message.attachment_ids, record.summary_attachment_id, "the chatter keeps the summary")

    def test_the_cron_imports_a_batch_per_transaction_with_progress(self):
        record = self._run(self.rows)
        record.action_import()
        seen = []
        with (
            patch.object(mazpulki_register_import, "BATCH_SIZE", 2),
            patch.object(
                MazpulkiRegisterImport,
                "_job_commit",
                autospec=True,
                side_effect=lambda job: seen.append((job.state, job.rows_done, job.progress)),
            ),
        ):
            self.env["mazpulki.register.import"]._cron_import_registers()
        self.assertEqual(
            seen,
            [
                ("importing", 0, 0),
                ("importing", 2, 33),
                ("importing", 4, 66),
                ("importing", 6, 100),
                ("done", 6, 100),
            ],
            "a commit after each batch of 2 rows, the progress growing",
        )
        self.assertEqual((record.created_count, record.linked_count, record.skipped_count), (4, 0, 2))

    def test_an_interrupted_import_resumes_where_it_stopped(self):
        record = self._run(self.rows)
        record.action_import()
        Import = self.env["mazpulki.register.import"]
        with patch.object(mazpulki_register_import, "BATCH_SIZE", 2):
            Import._cron_import_registers(time_budget=0)  # past its time after the first batch
            self.assertEqual((record.state, record.rows_done, record.progress), ("importing", 2, 33))
            Import._cron_import_registers(time_budget=0)
            self.assertEqual((record.state, record.progress), ("importing", 66))
            Import._cron_import_registers(time_budget=0)
        self.assertEqual(record.state, "done")
        self.assertEqual((record.created_count, record.linked_count, record.skipped_count), (4, 0, 2))
        summary = list(csv.reader(io.StringIO(record.summary_attachment_id.raw.decode("utf-8-sig"))))
        self.assertEqual([row[0] for row in summary[1:]], ["2", "3", "4", "5", "6", "7"], "every row once, in order")
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Annija Importa")]), 1)

    def test_a_failing_job_ends_failed_with_the_error(self):
        record = self._run(self.rows)
        record.action_import()
        with (
            patch.object(MazpulkiRegisterImport, "_check_rows", autospec=True, side_effect=RuntimeError("disk lost")),
            mute_logger(JOB_LOGGER),
        ):
            self.env["mazpulki.register.import"]._cron_import_registers()
        self.assertEqual(record.state, "failed", "a failed job does not stay Importing")
        self.assertEqual(record.error_message, "disk lost")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Annija Importa")]))
        payloads = [n["payload"] for n in self._notifications(self.user_manager) if n["type"] == "simple_notification"]
        self.assertEqual([p["type"] for p in payloads], ["danger"], "the manager is told it failed")
        self.assertTrue(record.message_ids.filtered(lambda m: "disk lost" in str(m.body)), "the chatter tells why")
        # the office checks the file again and imports it
        record.action_dry_run()
        self.assertEqual(self._import(record).state, "done")
        self.assertEqual(record.created_count, 4)

    def test_only_managers_queue_and_run_imports(self):
        record = self._run(self.rows)
        with self.assertRaises(AccessError):
            record.with_user(self.user_officer).action_import()
        with self.assertRaises(AccessError):
            self.env["mazpulki.register.import"].with_user(self.user_officer).create({"file": self._xlsx(self.rows)})
        self.assertEqual(record.state, "checked")
        # queued by a manager who has lost the role since: the job refuses to run as them
        record.action_import()
        self.user_manager.mazpulki_role = "officer"
        with mute_logger(JOB_LOGGER):
            self.env["mazpulki.register.import"]._cron_import_registers()
        self.assertEqual(record.state, "failed")
        self.assertIn("Only the office's managers import registers", record.error_message)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Annija Importa")]), "nothing imported")

    def test_file_is_locked_while_importing_and_a_new_file_is_checked_again(self):
        record = self._run(self.rows)
        record.action_import()
        with self.assertRaisesRegex(UserError, "being imported"):
            record.file = self._xlsx(self.rows[:1])
        with self.assertRaisesRegex(UserError, "being imported"):
            record.action_dry_run()
        self.env["mazpulki.register.import"]._cron_import_registers()
        self.assertEqual(record.state, "done")
        record.file = self._xlsx(self.rows[:1])
        self.assertEqual(record.state, "draft", "a new file is checked before it is imported")

    def test_import_queries_do_not_grow_with_the_rows(self):
        """The import of a batch costs about the same number of queries for 5 rows as for 50 (no per-row query)."""
        Import = self.env["mazpulki.register.import"].with_user(self.user_manager)

        def queries_for(count, tag):
            rows = [
                {
                    **dict.fromkeys(key for key, _heading in COLUMNS),
                    "number": n + 2,
                    "first_name": "Skaits",
                    "last_name": f"{tag} {n}",
                    "birthdate": datetime.date(self.year - 10 - n % 5, 1, 1 + n % 28),
                    "club": "T-101",
                    "guardian_name": f"Vecāks {tag} {n // 2}",
                    "guardian_phone": f"+371 2600{n // 2:04d}",
                    "consent": "jā",
                    "member_last_year": "jā",
                    "member_this_year": "jā",
                }
                for n in range(count)
            ]
            checked = Import._check_rows(rows)
            self.assertFalse([row["problems"] for row in checked if row["problems"]])
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            Import._import_batch(checked, {})
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        few, many = queries_for(5, "A"), queries_for(50, "B")
        self.assertLessEqual(many - few, 10, f"{few} queries for 5 rows, {many} for 50: something is done per row")

    # ------------------------------------------------------------------ other formats (base_import)

    def _text_rows(self, rows):
        """The rows as text, the way a CSV or an ODS holds them."""
        return [
            [cell.strftime("%d.%m.%Y") if isinstance(cell, datetime.date) else (cell or "") for cell in row]
            for row in rows
        ]

    def test_csv_is_read_through_base_import(self):
        output = io.StringIO()
        writer = csv.writer(output, delimiter=";")
        writer.writerow([heading._translate("en_US") for _key, heading in COLUMNS])
        writer.writerows(self._text_rows(self.rows))
        file = base64.b64encode(output.getvalue().encode("utf-8-sig"))
        record = self._run(self.rows, file=file, filename="registers.csv")
        self.assertEqual((record.row_count, record.valid_count), (6, 4))
        self.assertIn("Row 5, Personal Code: 123456-12345 is not a valid Latvian personal code", record.problems)
        self._import(record)
        self.assertEqual((record.created_count, record.skipped_count), (4, 2))
        self.assertEqual(
            self.env["res.partner"].search([("name", "=", "Pēteris Importkalns")]).birthdate_date,
            self.rows[1][3],
            "Latvian letters and DD.MM.YYYY dates come through",
        )

    def test_ods_is_read_through_base_import(self):
        # odfpy (requirements.txt) is what base_import reads ODS with; imported here so the other tests run without it
        from odf.opendocument import OpenDocumentSpreadsheet  # noqa: PLC0415
        from odf.table import Table, TableCell, TableRow  # noqa: PLC0415
        from odf.text import P  # noqa: PLC0415

        document = OpenDocumentSpreadsheet()
        table = Table(name="Members")
        for values in [[heading._translate("en_US") for _key, heading in COLUMNS], *self._text_rows(self.rows)]:
            row = TableRow()
            for value in values:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
        output = io.BytesIO()
        document.write(output)
        record = self._run(self.rows, file=base64.b64encode(output.getvalue()), filename="registers.ods")
        self.assertEqual((record.row_count, record.valid_count), (6, 4))
        self.assertIn("Row 6, Consent to Data Processing (yes/no): below 13 a guardian gives", record.problems)

    def test_unreadable_file_is_a_clear_error(self):
        record = self.env["mazpulki.register.import"].create(
            {"file": base64.b64encode(b"\x00\x01 not a spreadsheet"), "filename": "registers.pdf"}
        )
        with self.assertRaisesRegex(UserError, "registers.pdf could not be read as a spreadsheet"):
            record.action_dry_run()
        self.assertEqual(record.state, "draft")

    def test_import_never_proves_a_new_guardian_of_a_member_on_file(self):
        """Issue 22: a register row is not proof of who an existing child's guardian is."""
        mother = self._create_guardian(self.member_b, "Dace Vītola")
        first, last = self.member_b.name.split()
        row = [first, last, None, self.member_b.birthdate_date, "V", "T-202", None, None, None,
               "Viktors Svešais", "+371 29000111", "viktors.svesais@example.lv", "jā", None, "nē", "jā"]  # fmt: skip
        born = datetime.date(self.year - 9, 6, 1)
        inga = ("Inga Importkalna", "+371 26000000", "inga.importkalna@example.lv")
        new_row = ["Pēteris", "Importkalns", None, born, "V", "T-202", None, None, None, *inga, "jā", None, "nē", "jā"]
        record = self._import(self._run([row, new_row]))
        self.assertEqual((record.created_count, record.linked_count, record.pending_guardian_count), (1, 1, 1))
        links = self.member_b.guardian_link_ids
        stranger_link = links.filtered(lambda link: link.guardian_id.name == "Viktors Svešais")
        self.assertEqual(stranger_link.state, "pending")
        self.assertEqual(self.member_b.guardian_ids.guardian_id, mother, "only the proved mother guards the child")
        self.assertFalse(
            self.env["mazpulki.consent"].search([("given_by_id", "=", stranger_link.guardian_id.id)]),
            "no consent in the name of an adult awaiting proof",
        )
        mail = self.env["mail.mail"].search([("model", "=", "mazpulki.guardian"), ("res_id", "=", stranger_link.id)])
        self.assertEqual(mail.email_to, mother.email_formatted, "the mother on file is asked, not the new adult")
        new_member = self.env["res.partner"].search([("name", "=", "Pēteris Importkalns")])
        self.assertEqual(new_member.guardian_ids.mapped("proof_method"), ["register"])
        summary = record.summary_attachment_id.raw.decode("utf-8-sig")
        self.assertIn("Viktors Svešais is not on file: awaits proof", summary)
