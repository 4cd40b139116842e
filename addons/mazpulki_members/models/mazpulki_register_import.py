import base64
import csv
import datetime
import functools
import io
import logging
import re
import threading
import time

import openpyxl
import xlsxwriter
from dateutil.relativedelta import relativedelta
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.lv import pvn

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, email_normalize, format_date
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.translate import LazyTranslate

from .mazpulki_consent import DIGITAL_CONSENT_AGE
from .mazpulki_membership import MAX_AGE, MIN_AGE
from .res_partner import MODERN_PERSONAL_CODE

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

# The template's columns, in order: (key, heading). Headings are translated
# when the template is made; a file is read by column position.
COLUMNS = [
    ("first_name", _lt("First Name")),
    ("last_name", _lt("Last Name")),
    ("personal_code", _lt("Personal Code")),
    ("birthdate", _lt("Birth Date")),
    ("gender", _lt("Gender")),
    ("club", _lt("Club (name or number)")),
    ("phone", _lt("Phone")),
    ("email", _lt("Email")),
    ("school", _lt("School")),
    ("guardian_name", _lt("Guardian's Name")),
    ("guardian_phone", _lt("Guardian's Phone")),
    ("guardian_email", _lt("Guardian's Email")),
    ("consent", _lt("Consent to Data Processing (yes/no)")),
    ("consent_date", _lt("Consent Date")),
    ("member_last_year", _lt("Member Last Year (yes/no)")),
    ("member_this_year", _lt("Member This Year (yes/no)")),
]
YES = {"jā", "ja", "yes", "y", "1", "true", "x", "+"}
NO = {"nē", "ne", "no", "n", "0", "false", "-", ""}
PHONE = re.compile(r"^\+?[\d\s()-]{8,20}$")
BATCH_SIZE = 500  # rows a transaction
# Seconds a call of the scheduled action imports before it hands back to Odoo's cron, which calls it again (up to
# 10 times in a row, then as soon as the other jobs have run): ten calls stay well within a production cron
# worker's limits (config/odoo.production.conf: limit_time_cpu 120 s, limit_time_real_cron 600 s).
JOB_TIME_BUDGET = 10
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESULTS = {"created": _lt("created"), "linked": _lt("linked"), "skipped": _lt("skipped")}
GENDERS = {"s": "female", "sieviete": "female", "f": "female", "female": "female"}
GENDERS.update({"v": "male", "vīrietis": "male", "m": "male", "male": "male"})


class MazpulkiRegisterImport(models.Model):
    _name = "mazpulki.register.import"
    _description = "Register Import"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(
        required=True,
        default=lambda self: self.env._("Import of %s", format_date(self.env, fields.Date.context_today(self))),
    )
    file = fields.Binary(
        string="Spreadsheet",
        attachment=True,
        help="The filled-in template: XLSX, or the same columns as an XLS, ODS or CSV file.",
    )
    filename = fields.Char()
    state = fields.Selection(
        [
            ("draft", "New"),
            ("checked", "Checked"),
            ("queued", "Queued"),
            ("importing", "Importing"),
            ("done", "Imported"),
            ("failed", "Failed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid Rows", readonly=True)
    problem_count = fields.Integer(string="Number of Problems", readonly=True)
    problems = fields.Text(readonly=True, help="Each problem of the dry run: row, column and what is wrong.")
    created_count = fields.Integer(string="Created", readonly=True, copy=False)
    linked_count = fields.Integer(string="Linked to Existing", readonly=True, copy=False)
    skipped_count = fields.Integer(string="Skipped", readonly=True, copy=False)
    pending_guardian_count = fields.Integer(
        string="Guardians Awaiting Proof",
        readonly=True,
        copy=False,
        help="Rows of members already in the registry whose guardian is not on file: the guardian is not linked "
        "until a guardian on file confirms by e-mail or the office verifies a document.",
    )
    summary_attachment_id = fields.Many2one("ir.attachment", string="Summary", readonly=True, copy=False)
    # the queued job (ir_cron_register_import)
    progress = fields.Integer(readonly=True, copy=False, help="The share of the rows imported so far, in percent.")
    user_id = fields.Many2one(
        "res.users",
        string="Started By",
        readonly=True,
        copy=False,
        help="The import runs in the background with this user's rights; they are told when it is done.",
    )
    date_queued = fields.Datetime(string="Queued On", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False)
    rows_done = fields.Integer(readonly=True, copy=False, help="Rows of the file handled so far (a job resumes here).")
    job_results = fields.Json(readonly=True, copy=False, help="[row, result, details] of each row handled so far.")
    error_message = fields.Text(string="Error", readonly=True, copy=False)

    def write(self, vals):
        if "file" in vals:
            if any(record.state in ("queued", "importing") for record in self):
                raise UserError(self.env._("The file cannot be changed while it is being imported."))
            vals = {**vals, "state": "draft"}  # a new file is checked again before it is imported
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def _check_import_rights(self):
        """Only the office's managers import registers (the model's access rights say the same)."""
        if not (self.env.su or self.env.user.has_group("mazpulki_members.group_mazpulki_manager")):
            raise AccessError(self.env._("Only the office's managers import registers."))

    def action_download_template(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("register-template.xlsx"),
                "raw": self._template_xlsx(),
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true", "target": "self"}

    def action_dry_run(self):
        """Check every row with the forms' rules; write nothing but the findings."""
        self.ensure_one()
        if self.state in ("queued", "importing"):
            raise UserError(self.env._("This file is being imported; wait until the import is done."))
        rows = self._read_rows()
        checked = self._check_rows(rows)
        problems = [problem for row in checked for problem in row["problems"]]
        self.write(
            {
                "state": "checked",
                "row_count": len(checked),
                "valid_count": sum(1 for row in checked if not row["problems"]),
                "problem_count": len(problems),
                "problems": "\n".join(problems) or self.env._("No problems found."),
                "error_message": False,
            }
        )
        return True

    def action_import(self):
        """Queue the import of the valid rows: the scheduled action imports them in the background, a batch per
        transaction, and tells the user when it is done."""
        self.ensure_one()
        self._check_import_rights()
        if self.state != "checked":
            raise UserError(self.env._("Run the check (dry run) first and read its findings."))
        self.write(
            {
                "state": "queued",
                "user_id": self.env.uid,
                "date_queued": fields.Datetime.now(),
                "date_done": False,
                "progress": 0,
                "rows_done": 0,
                "job_results": [],
                "error_message": False,
                "created_count": 0,
                "pending_guardian_count": 0,
                "linked_count": 0,
                "skipped_count": 0,
                "summary_attachment_id": False,
            }
        )
        self.env.ref("mazpulki_members.ir_cron_register_import")._trigger()
        return True

    # ------------------------------------------------------------------ the queued job

    @api.model
    def _cron_import_registers(self, time_budget=JOB_TIME_BUDGET):
        """The scheduled action: import the queued files, oldest first, a batch per transaction.

        Each file is imported as the user who queued it, with their rights and language. A call stops after
        ``time_budget`` seconds, having committed its batches and told Odoo's cron what remains: the cron calls
        again, and an import interrupted (a worker stopped) resumes at its first row not yet handled."""
        deadline = time.monotonic() + time_budget
        # sudo: the scheduled action's user finds every queued file; each is then run as its own user
        jobs = self.sudo().search([("state", "in", ("queued", "importing"))], order="id")
        done = remaining = 0
        for index, job in enumerate(jobs):
            if index and time.monotonic() > deadline:  # the first always gets a batch done
                remaining += len(jobs) - index  # not started: Odoo's cron calls again at once
                break
            handled, left = job._job_run_as_starter(deadline, waiting=len(jobs) - index - 1)
            done += handled
            remaining += left
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _job_run_as_starter(self, deadline, waiting):
        """Run this queued import as the user who queued it; (rows handled, rows left).
        A failure ends it as Failed, with the error."""
        self.ensure_one()
        # nobody left to run it as (the user was deleted): the public user, whom the rights check refuses
        user = self.user_id or self.env.ref("base.public_user")
        job = self.with_user(user).with_context(lang=user.lang, tz=user.tz)
        try:
            return job._job_run(deadline, waiting)
        except Exception as error:  # noqa: BLE001 - whatever went wrong, the job ends as Failed and says why
            if isinstance(error, UserError):
                _logger.warning("Register import %s failed: %s", self.id, error)
            else:
                _logger.exception("Register import %s failed", self.id)
            if self._job_auto_commit():
                self.env.cr.rollback()
            # sudo: the job must end whatever the user's rights (e.g. they lost the manager role meanwhile)
            job.sudo()._job_fail(error)
            job._job_commit()
            return 0, 0

    def _job_run(self, deadline, waiting=0):
        """Import the rows not yet handled, a batch per transaction, until done or past ``deadline``;
        returns (rows handled, rows left)."""
        self._check_import_rights()
        if self.state == "queued":
            self.write({"state": "importing"})
            self._job_commit()
        checked = self._check_rows(self._read_rows())
        results = list(self.job_results or [])
        guardians = {}  # one guardian contact for siblings: key -> partner
        start = handled = self.rows_done
        while start < len(checked):
            batch = checked[start : start + BATCH_SIZE]
            results += self._import_rows(batch, guardians)
            start += len(batch)
            self.write({"rows_done": start, "job_results": results, "progress": 100 * start // len(checked)})
            self.env["ir.cron"]._notify_progress(done=start - handled, remaining=len(checked) - start + waiting)
            self._job_commit()
            if start < len(checked) and time.monotonic() > deadline:
                return start - handled, len(checked) - start
        self._job_finish(results)
        self._job_commit()
        return start - handled, 0

    def _import_rows(self, batch, guardians):
        """[row, result, details] of each row of ``batch``; its valid rows imported in one savepoint."""
        results = [[row["number"], "skipped", "; ".join(row["problems"])] for row in batch if row["problems"]]
        valid = [row for row in batch if not row["problems"]]
        try:
            with self.env.cr.savepoint():
                results += [list(result) for result in self._import_batch(valid, guardians)]
        except Exception as error:  # noqa: BLE001 - a failed batch is reported, not fatal for the others
            _logger.warning("Register import %s: batch from row %s failed: %s", self.id, batch[0]["number"], error)
            guardians.clear()
            results += [[row["number"], "skipped", str(error)] for row in valid]
        return sorted(results)

    def _job_finish(self, results):
        counts = {key: sum(1 for row in results if row[1] == key) for key in RESULTS}
        pending = sum(1 for row in results if len(row) > 3 and row[3])
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([self.env._("Row"), self.env._("Result"), self.env._("Details")])
        writer.writerows(
            [number, RESULTS[result]._translate(self.env.lang), details]
            for number, result, details, *_pending in sorted(results)
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("import-summary-%s.csv", self.id),
                "raw": output.getvalue().encode("utf-8-sig"),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.write(
            {
                "state": "done",
                "progress": 100,
                "date_done": fields.Datetime.now(),
                "created_count": counts["created"],
                "linked_count": counts["linked"],
                "skipped_count": counts["skipped"],
                "pending_guardian_count": pending,
                "summary_attachment_id": attachment.id,
            }
        )
        message = self.env._(
            "%(name)s: %(created)s created, %(linked)s linked to existing members, %(skipped)s skipped.",
            name=self.name,
            created=counts["created"],
            linked=counts["linked"],
            skipped=counts["skipped"],
        )
        if pending:
            message += " " + self.env._(
                "%s guardians not on file await proof (the guardians on file were asked to confirm).", pending
            )
        # a log note: it needs no e-mail address of the user, as message_post would, and notifies no one
        self._message_log(body=message, attachment_ids=attachment.ids)
        self._job_notify(self.env._("The register import is done"), message, "success")

    def _job_fail(self, error):
        message = str(error.args[0] if isinstance(error, UserError) and error.args else error)
        self.write({"state": "failed", "date_done": fields.Datetime.now(), "error_message": message})
        body = self.env._("%(name)s failed: %(error)s", name=self.name, error=message)
        self._message_log(body=body)
        self._job_notify(self.env._("The register import failed"), body, "danger")

    def _job_notify(self, title, message, kind):
        """Tell the user who queued the import, wherever they are in Odoo (a sticky notification)."""
        if self.user_id:
            self.user_id._bus_send(
                "simple_notification", {"type": kind, "title": title, "message": message, "sticky": True}
            )

    @api.model
    def _job_auto_commit(self):
        return not getattr(threading.current_thread(), "testing", False)

    def _job_commit(self):
        """Commit what the job has done so far (not in tests, which roll back)."""
        if self._job_auto_commit():
            # a batch per transaction, as Odoo's own batched crons do: a long import keeps what it has done
            self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------ files

    @api.model
    def _template_xlsx(self):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Members"))
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        for index, (_key, heading) in enumerate(COLUMNS):
            sheet.write(0, index, heading._translate(self.env.lang), bold)
            sheet.set_column(index, index, 18)
        sheet.freeze_panes(1, 0)
        book.close()
        return output.getvalue()

    def _read_rows(self):
        """The rows of the file after its heading, as dicts by column key with their row number.

        XLSX (the template) is streamed with openpyxl, so a problem's row number is the sheet's own even where
        rows are left empty; XLS, ODS and CSV are read by Odoo's import (base_import), which skips empty rows."""
        if not self.file:
            raise UserError(self.env._("Upload the filled-in template first."))
        content = base64.b64decode(self.file)
        try:
            if guess_mimetype(content) == XLSX_MIMETYPE:
                numbered = self._read_xlsx_rows(content)
            else:
                numbered = self._read_other_rows(content)
        except Exception as error:  # noqa: BLE001 - the readers raise many kinds of errors (base_import's in English)
            _logger.info("Register import %s: %s could not be read: %s", self.id, self.filename, error)
            raise UserError(
                self.env._(
                    "%s could not be read as a spreadsheet. Upload the filled-in template (XLSX), "
                    "or the same columns as an XLS, ODS or CSV file.",
                    self.filename or self.env._("The file"),
                )
            ) from None
        rows = []
        for number, values in numbered:
            if not any(value not in (None, "") for value in values):
                continue
            values = list(values)[: len(COLUMNS)] + [None] * (len(COLUMNS) - len(values))
            rows.append({"number": number, **{key: values[i] for i, (key, _heading) in enumerate(COLUMNS)}})
        return rows

    @api.model
    def _read_xlsx_rows(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            return list(enumerate(book.worksheets[0].iter_rows(min_row=2, values_only=True), start=2))
        finally:
            book.close()

    def _read_other_rows(self, content):
        """XLS, ODS or CSV through Odoo's own import reader (file type by content, then by name; the CSV's
        encoding and separator guessed); cells come as text, dates as YYYY-MM-DD."""
        reader = self.env["base_import.import"].new(
            {
                "file": content,
                "file_name": self.filename or "",
            }
        )
        _length, data = reader._read_file({"quoting": '"', "separator": "", "encoding": "", "sheet": ""})
        return list(enumerate(data[1:], start=2))

    # ------------------------------------------------------------------ checks

    def _check_rows(self, rows):
        """Each row with its parsed values and its problems ("Row 5, Club: ...")."""
        clubs = self.env["mazpulki.club"].search_fetch([], ["name", "number"])
        context = {"clubs": {}, "codes": {}, "today": fields.Date.context_today(self)}
        for club in clubs:
            context["clubs"][club.name.strip().lower()] = club
            if club.number:
                context["clubs"][str(club.number).strip().lower()] = club
        for row in rows:
            row["problems"] = []
            problem = functools.partial(self._add_problem, row)
            self._check_row_person(row, problem, context)
            self._check_row_membership(row, problem, context)
            self._check_row_contacts(row, problem, context)
        return rows

    def _add_problem(self, row, column, message):
        heading = dict(COLUMNS)[column]._translate(self.env.lang)
        row["problems"].append(
            self.env._("Row %(row)s, %(column)s: %(message)s", row=row["number"], column=heading, message=message)
        )

    def _check_row_person(self, row, problem, context):
        Partner = self.env["res.partner"].sudo()  # personal codes are an officer field; the import is the office's
        row["name"] = " ".join(str(row[key] or "").strip() for key in ("first_name", "last_name")).strip()
        if not row["first_name"] or not row["last_name"]:
            problem("first_name" if not row["first_name"] else "last_name", self.env._("the name is missing."))
        row["birthdate_date"] = self._parse_date(row["birthdate"])
        if row["birthdate"] and not row["birthdate_date"]:
            problem("birthdate", self.env._("%s is not a date (DD.MM.YYYY).", row["birthdate"]))
        code = str(row["personal_code"] or "").strip()
        row["code"] = Partner._normalize_personal_code(code) if code else False
        if code:
            message, code_date = self._personal_code_problem(code)
            if message:
                problem("personal_code", message)
            elif code_date and row["birthdate_date"] and code_date != row["birthdate_date"]:
                problem(
                    "personal_code",
                    self.env._("it belongs to someone born on %s, not on the birth date given.", code_date),
                )
            elif code_date and not row["birthdate_date"]:
                row["birthdate_date"] = code_date
            if row["code"] in context["codes"]:
                problem("personal_code", self.env._("the same code as row %s.", context["codes"][row["code"]]))
            context["codes"].setdefault(row["code"], row["number"])
        if not row["birthdate_date"] and not row["birthdate"]:
            problem("birthdate", self.env._("the birth date is missing."))

    def _check_row_membership(self, row, problem, context):
        today = context["today"]
        for column in ("consent", "member_last_year", "member_this_year"):
            if str(row[column] or "").strip().lower() not in YES | NO:
                problem(column, self.env._("answer yes or no, not %s.", row[column]))
        if not self._yes(row["member_this_year"]):
            problem("member_this_year", self.env._("only this year's members are imported."))
        years = [today.year] + ([today.year - 1] if self._yes(row["member_last_year"]) else [])
        for year in years if row["birthdate_date"] else []:
            age = year - row["birthdate_date"].year
            if not MIN_AGE <= age <= MAX_AGE:
                problem(
                    "birthdate",
                    self.env._(
                        "turns %(age)s in %(year)s; members must be %(min)s to %(max)s years old.",
                        age=age,
                        year=year,
                        min=MIN_AGE,
                        max=MAX_AGE,
                    ),
                )
                break
        club_key = str(row["club"] or "").strip().lower()
        if club_key.endswith(".0"):
            club_key = club_key[:-2]  # a number typed into a spreadsheet cell
        row["club_record"] = context["clubs"].get(club_key)
        if not club_key:
            problem("club", self.env._("the club is missing."))
        elif not row["club_record"]:
            problem("club", self.env._("no club is called or numbered %s.", row["club"]))

    def _check_row_contacts(self, row, problem, context):
        for column in ("phone", "guardian_phone"):
            if row[column] and not PHONE.match(str(row[column]).strip()):
                problem(column, self.env._("%s is not a phone number.", row[column]))
        for column in ("email", "guardian_email"):
            if row[column] and not email_normalize(str(row[column])):
                problem(column, self.env._("%s is not an e-mail address.", row[column]))
        row["consent_date_value"] = self._parse_date(row["consent_date"]) or context["today"]
        if row["consent_date"] and not self._parse_date(row["consent_date"]):
            problem("consent_date", self.env._("%s is not a date (DD.MM.YYYY).", row["consent_date"]))
        if self._yes(row["consent"]) and row["birthdate_date"] and not row["guardian_name"]:
            if relativedelta(row["consent_date_value"], row["birthdate_date"]).years < DIGITAL_CONSENT_AGE:
                problem("consent", self.env._("below 13 a guardian gives the consent: fill in the guardian."))
        if (row["guardian_phone"] or row["guardian_email"]) and not row["guardian_name"]:
            problem("guardian_name", self.env._("the guardian's name is missing."))

    @api.model
    def _personal_code_problem(self, code):
        """(problem, birth date) of a personal code, with the member form's rules (``_check_personal_code``)."""
        compact = pvn.compact(code)
        if MODERN_PERSONAL_CODE.match(compact):
            return None, None
        try:
            if compact[:1] > "3":
                raise pvn.InvalidComponent()
            pvn.validate(compact)
        except StdnumValidationError:
            return self.env._("%s is not a valid Latvian personal code (DDMMYY-NNNNN, or 32NNNN-NNNNN).", code), None
        return None, pvn.get_birth_date(compact)

    @api.model
    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        # DD.MM.YYYY as typed; YYYY-MM-DD (HH:MM:SS) as Odoo's import reads an XLS date; DD.MM.YY as an ODS shows one
        for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%Y.", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d.%m.%y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        return None

    @api.model
    def _yes(self, value):
        return str(value or "").strip().lower() in YES

    # ------------------------------------------------------------------ import

    def _import_batch(self, rows, guardians):
        """Create or link the members of ``rows`` with a few queries per batch; [(row number, result, details)]."""
        # sudo: the office's import reaches members past the record rules and sets the officer-only personal code;
        # no chatter message or tracking per imported contact (the summary tells)
        Partner = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False, tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        )
        codes = [row["code"] for row in rows if row["code"]]
        by_code = {partner.personal_code: partner for partner in Partner.search([("personal_code", "in", codes)])}
        names = list({row["name"].lower() for row in rows})
        self.env["res.partner"].flush_model(["name", "is_mazpulki_member"])
        self.env.cr.execute(SQL("SELECT id FROM res_partner WHERE is_mazpulki_member AND lower(name) = ANY(%s)", names))
        by_name = {
            (partner.name.lower(), partner.birthdate_date): partner
            for partner in Partner.browse([row_id for (row_id,) in self.env.cr.fetchall()])
        }
        results, members, to_create = {}, {}, {}
        for row in rows:
            member = by_code.get(row["code"]) or by_name.get((row["name"].lower(), row["birthdate_date"]))
            key = row["code"] or (row["name"].lower(), row["birthdate_date"])
            if member:
                self._link_member(member, row)
                members[row["number"]] = member
                results[row["number"]] = ("linked", member.member_number or "")
            else:
                to_create.setdefault(key, []).append(row)
        if to_create:
            defaults = self._partner_defaults(Partner)
            created = Partner.create([{**defaults, **self._member_values(same[0])} for same in to_create.values()])
            for same, member in zip(to_create.values(), created, strict=True):
                for index, row in enumerate(same):  # the same person twice in one file: created once
                    members[row["number"]] = member
                    results[row["number"]] = ("linked" if index else "created", member.member_number)
        rows_members = [(row, members[row["number"]]) for row in rows]
        created_ids = {member.id for number, member in members.items() if results[number][0] == "created"}
        row_guardians, pending_rows = self._import_guardians(rows_members, guardians, created_ids)
        self._import_last_year(rows_members)
        self._import_consents(rows_members, row_guardians)
        out = []
        for row in rows:
            result, details = results[row["number"]]
            if row["number"] in pending_rows:
                details = self.env._(
                    "%(number)s; the guardian %(guardian)s is not on file: awaits proof",
                    number=details,
                    guardian=pending_rows[row["number"]].name,
                )
            out.append((row["number"], result, details, row["number"] in pending_rows))
        return out

    @api.model
    def _partner_defaults(self, Partner):
        """The contacts' default values, evaluated once for a batch: create() would evaluate each default again for
        every new contact (some cost a query each, e.g. Accounting's invoice template default)."""
        return Partner.default_get([name for name, field in Partner._fields.items() if field.store or field.default])

    def _member_values(self, row):
        return {
            "name": row["name"],
            "is_mazpulki_member": True,
            "mazpulki_club_id": row["club_record"].id,
            "birthdate_date": row["birthdate_date"],
            "personal_code": row["code"],
            "mazpulki_gender": GENDERS.get(str(row["gender"] or "").strip().lower()),
            "phone": row["phone"] and str(row["phone"]).strip(),
            "email": row["email"] and str(row["email"]).strip(),
            "school_name": row["school"] or False,
        }

    def _link_member(self, member, row):
        """An existing member: fill in what is empty, overwrite nothing."""
        values = self._member_values(row)
        updates = {
            key: values[key]
            for key in ("phone", "email", "personal_code", "mazpulki_gender", "school_name")
            if values[key] and not member[key]
        }
        if not member.is_mazpulki_member:
            updates.update({"is_mazpulki_member": True, "mazpulki_club_id": row["club_record"].id})
        if updates:
            member.write(updates)

    def _import_guardians(self, rows_members, guardians, created_ids=()):
        """The proved guardian of each row ({row number: partner}) and the rows whose guardian awaits proof
        ({row number: partner}); one contact for all siblings, found by e-mail, else by name and phone.

        A member created by this import gets the row's guardian as proved (``register``); a member already in
        the registry whose row names a guardian not on file gets a link awaiting proof (the guardians on file
        are asked to confirm), never a proved one: a register file is not proof of who a child's guardian is."""
        Partner = self.env["res.partner"].sudo().with_context(tracking_disable=True, mail_create_nolog=True)
        wanted = {}
        for row, _member in rows_members:
            if not row["guardian_name"]:
                continue
            name = str(row["guardian_name"]).strip()
            email = email_normalize(str(row["guardian_email"] or "")) or False
            phone = str(row["guardian_phone"] or "").strip() or False
            wanted[row["number"]] = (email or (name.lower(), phone), name, email, phone)
        missing = {key for key, *_rest in wanted.values() if key not in guardians}
        emails = [key for key in missing if isinstance(key, str)]
        for partner in Partner.search([("email_normalized", "in", emails), ("is_mazpulki_member", "=", False)]):
            guardians.setdefault(partner.email_normalized, partner)
        pairs = [key for key in missing if not isinstance(key, str) and key not in guardians]
        if pairs:  # those without an e-mail: by name and phone, all in one query
            self.env["res.partner"].flush_model(["name", "phone", "is_mazpulki_member", "active"])
            self.env.cr.execute(
                SQL(
                    "SELECT id, lower(name), COALESCE(phone, '') FROM res_partner "
                    "WHERE active AND NOT COALESCE(is_mazpulki_member, false) AND lower(name) = ANY(%s) "
                    "AND COALESCE(phone, '') = ANY(%s) ORDER BY id",
                    list({name for name, _phone in pairs}),
                    list({phone or "" for _name, phone in pairs}),
                )
            )
            wanted_pairs = {(name, phone or ""): (name, phone) for name, phone in pairs}
            for partner_id, name, phone in self.env.cr.fetchall():
                if (name, phone) in wanted_pairs:
                    guardians.setdefault(wanted_pairs[name, phone], Partner.browse(partner_id))
        new = {}
        for key, name, email, phone in wanted.values():
            if key not in guardians:
                new.setdefault(key, {"name": name, "email": email, "phone": phone})
        if new:
            defaults = self._partner_defaults(Partner)
            created = Partner.create([{**defaults, **values} for values in new.values()])
            for key, partner in zip(new, created, strict=True):
                guardians[key] = partner
        row_guardians = {number: guardians[key] for number, (key, *_rest) in wanted.items()}
        member_ids = list({member.id for _row, member in rows_members})
        # sudo: the office's import (checked in _job_run); every state counts, a removed guardian stays removed
        Link = self.env["mazpulki.guardian"].sudo().with_context(active_test=False)
        linked = {
            (link.member_id.id, link.guardian_id.id): link.state
            for link in Link.search([("member_id", "in", member_ids)])
        }
        to_link, to_propose, pending_rows = [], [], {}
        now = fields.Datetime.now()
        for row, member in rows_members:
            guardian = row_guardians.get(row["number"])
            if not guardian:
                continue
            state = linked.get((member.id, guardian.id))
            if state is None:
                if member.id in created_ids:
                    state = "confirmed"
                    to_link.append(
                        {
                            "member_id": member.id,
                            "guardian_id": guardian.id,
                            "state": "confirmed",
                            "proof_method": "register",
                            "date_proved": now,
                            "proved_by_id": self.env.uid,
                        }
                    )
                else:
                    state = "pending"
                    to_propose.append({"member_id": member.id, "guardian_id": guardian.id})
                linked[member.id, guardian.id] = state
            if state != "confirmed":
                pending_rows[row["number"]] = guardian
                del row_guardians[row["number"]]
        Link.create(to_link)
        Link.create(to_propose)  # awaiting proof: the guardians on file are e-mailed
        return row_guardians, pending_rows

    def _import_last_year(self, rows_members):
        year = fields.Date.context_today(self).year - 1
        Membership = self.env["mazpulki.membership"].sudo().with_context(mail_create_nolog=True, tracking_disable=True)
        members = [(row, member) for row, member in rows_members if self._yes(row["member_last_year"])]
        have = set(
            Membership.search([("member_id", "in", [m.id for _r, m in members]), ("year", "=", year)]).member_id.ids
        )
        values = []
        for row, member in members:
            if member.id not in have:
                have.add(member.id)
                values.append(
                    {
                        "member_id": member.id,
                        "club_id": row["club_record"].id,
                        "year": year,
                        "date_join": datetime.date(year, 1, 1),
                    }
                )
        Membership.create(values)

    def _import_consents(self, rows_members, row_guardians):
        Consent = self.env["mazpulki.consent"].sudo().with_context(mail_create_nolog=True, tracking_disable=True)
        members = [(row, member) for row, member in rows_members if self._yes(row["consent"])]
        have = set(
            Consent.search(
                [
                    ("member_id", "in", [m.id for _r, m in members]),
                    ("consent_type", "=", "data_processing"),
                    ("state", "=", "given"),
                ]
            ).member_id.ids
        )
        values = []
        for row, member in members:
            if member.id in have:
                continue
            have.add(member.id)
            guardian = row_guardians.get(row["number"])
            young = relativedelta(row["consent_date_value"], member.birthdate_date).years < DIGITAL_CONSENT_AGE
            if young and not guardian:
                continue  # the row's guardian awaits proof: no consent is recorded in their name
            values.append(
                {
                    "member_id": member.id,
                    "consent_type": "data_processing",
                    "given_by_id": (guardian if guardian and young else member).id,
                    "date_given": row["consent_date_value"],
                }
            )
        Consent.create(values)
