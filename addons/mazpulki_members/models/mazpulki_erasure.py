"""The erasure of former members (GDPR Art. 5(1)(e) storage limitation, Art. 17 right to erasure).

``mazpulki.erasure.log`` records, without any personal data, which partner was anonymised, when, why and in
which batch. Because a restore of an older backup would not contain the newer log rows, every committed batch
is also appended to a file outside the database, ``<data_dir>/erasure-log/<dbname>.jsonl`` (one JSON object a
line: ``db_uuid``, ``partner_id``, ``date``, ``cause``, ``batch``, ``user_id``); ``bin/restore`` re-applies it
(:meth:`MazpulkiErasure._reapply_log_files`) before the restored database is used.
"""

import datetime
import glob
import json
import logging
import os
import threading
import time
import uuid

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config

_logger = logging.getLogger(__name__)

RETENTION_YEARS_PARAM = "mazpulki_members.retention_years"
DEFAULT_RETENTION_YEARS = 3
BATCH_SIZE = 500  # people a transaction
# Seconds a call of the scheduled action anonymises before it hands back to Odoo's cron (as the register import)
JOB_TIME_BUDGET = 60
LOG_DIR = "erasure-log"


class MazpulkiErasureLog(models.Model):
    _name = "mazpulki.erasure.log"
    _description = "Erasure Log"
    _order = "id desc"
    _rec_name = "partner_ref"

    partner_ref = fields.Integer(
        string="Partner ID",
        required=True,
        readonly=True,
        index=True,
        aggregator=False,
        help="The database id of the anonymised contact; the log holds no name or other personal data.",
    )
    date = fields.Datetime(string="Erased On", required=True, readonly=True, default=fields.Datetime.now)
    cause = fields.Selection(
        [("retention", "Retention period ended"), ("request", "Erasure request (Art. 17)")],
        required=True,
        readonly=True,
    )
    batch = fields.Char(readonly=True, help="The run that anonymised this contact with others.")
    user_ref = fields.Integer(
        string="User ID", readonly=True, aggregator=False, help="The database id of the user who ran it."
    )

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The erasure log cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The erasure log cannot be deleted."))


class MazpulkiErasure(models.AbstractModel):
    """The anonymisation engine: who is due, the batched scheduled action, the log and its file.

    Every method is private (``_``): nothing here is callable through RPC. The office reaches it through
    ``mazpulki.erasure.wizard`` (Hold, Forget now), which checks the caller's group first.
    """

    _name = "mazpulki.erasure"
    _description = "Anonymisation of Former Members"

    @api.model
    def _retention_years(self):
        """N: the whole calendar years without a membership after which a former member is anonymised
        (the office's setting, default 3; never below 1)."""
        value = self.env["ir.config_parameter"].sudo().get_param(RETENTION_YEARS_PARAM)
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return DEFAULT_RETENTION_YEARS

    @api.model
    def _last_year_due(self, day):
        """The last membership year whose members are due by ``day``: a member last in year Y is anonymised on
        1 January of Y + N + 1 (after N whole years without a membership)."""
        return day.year - self._retention_years() - 1

    @api.model
    def _due_domain(self, day=None):
        """res.partner domain of the former members due for anonymisation by ``day`` (default today), held or
        not: no membership since ``_last_year_due``, not yet anonymised, no alumni-register consent, no
        internal user (staff are not anonymised by the schedule). Search with ``active_test=False``."""
        day = day or fields.Date.context_today(self)
        return [
            ("mazpulki_last_member_year", "!=", False),
            ("mazpulki_last_member_year", "<=", self._last_year_due(day)),
            ("mazpulki_date_anonymised", "=", False),
            ("consent_ids", "not any", [("consent_type", "=", "alumni"), ("state", "=", "given")]),
            ("user_ids", "not any", [("share", "=", False)]),
        ]

    @api.model
    def _due_partners(self, day=None, limit=None):
        """The former members the scheduled action anonymises now: due and not on hold."""
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        return Partner.search(self._due_domain(day) + [("mazpulki_hold_reason", "=", False)], limit=limit, order="id")

    @api.model
    def _anonymise(self, members, cause, batch=None):
        """Anonymise ``members`` (res.partner) and their guardians who guard no other child, log each person.

        ``cause``: ``retention`` or ``request``. Runs as superuser: callers check the user first. The queries
        do not depend on the number of people (see the hooks ``res.partner._mazpulki_erase_personal_data``).
        Returns the anonymised partners (members and guardians)."""
        members = members.sudo().with_context(active_test=False).filtered(lambda p: not p.mazpulki_date_anonymised)
        if not members:
            return members
        people = members | members._mazpulki_erasure_lonely_guardians()
        people._mazpulki_erase_personal_data()
        self._log(people, cause, batch or str(uuid.uuid4()))
        return people

    @api.model
    def _log(self, partners, cause, batch, write_file=True):
        """One log row a person; the file's lines are appended once the transaction commits."""
        user_id = self.env.uid
        now = fields.Datetime.now()
        self.env["mazpulki.erasure.log"].sudo().create(
            [
                {"partner_ref": pid, "cause": cause, "batch": batch, "user_ref": user_id, "date": now}
                for pid in partners.ids
            ]
        )
        if not write_file:
            return
        db_uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        lines = [
            json.dumps(
                {
                    "db_uuid": db_uuid,
                    "partner_id": pid,
                    "date": fields.Datetime.to_string(now),
                    "cause": cause,
                    "batch": batch,
                    "user_id": user_id,
                }
            )
            for pid in partners.ids
        ]
        path = self._log_file_path()
        # only what the database keeps: the lines are written when (and if) this transaction commits
        self.env.cr.postcommit.add(lambda: self._append_lines(path, lines))

    @api.model
    def _log_dir(self):
        return os.path.join(config["data_dir"], LOG_DIR)

    @api.model
    def _log_file_path(self):
        return os.path.join(self._log_dir(), f"{self.env.cr.dbname}.jsonl")

    @staticmethod
    def _append_lines(path, lines):
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "a", encoding="utf-8") as log_file:
            log_file.write("".join(line + "\n" for line in lines))
            log_file.flush()
            os.fsync(log_file.fileno())

    @api.model
    def _reapply_log_files(self, directory=None):
        """After a restore: anonymise again every person the erasure-log files name for this database (its
        ``database.uuid``, read before the restore neutralises it) who is not anonymised here; their log rows
        are recreated. Returns the number of people anonymised again."""
        db_uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        entries = {}
        for path in sorted(glob.glob(os.path.join(directory or self._log_dir(), "*.jsonl"))):
            with open(path, encoding="utf-8") as log_file:
                for line in log_file:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue  # a line cut by a crash while writing: the rest stays readable
                    if entry.get("db_uuid") == db_uuid and isinstance(entry.get("partner_id"), int):
                        entries.setdefault(entry["partner_id"], entry)
        if not entries:
            return 0
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        people = Partner.search([("id", "in", list(entries)), ("mazpulki_date_anonymised", "=", False)])
        if people:
            people._mazpulki_erase_personal_data()
        logged = set(
            self.env["mazpulki.erasure.log"].sudo().search([("partner_ref", "in", list(entries))]).mapped("partner_ref")
        )
        missing = [entries[pid] for pid in entries if pid not in logged]
        self.env["mazpulki.erasure.log"].sudo().create(
            [
                {
                    "partner_ref": entry["partner_id"],
                    "cause": entry.get("cause") if entry.get("cause") in ("retention", "request") else "retention",
                    "batch": entry.get("batch"),
                    "user_ref": entry.get("user_id"),
                    "date": entry.get("date") or fields.Datetime.now(),
                }
                for entry in missing
            ]
        )
        _logger.info(
            "Erasure log re-applied: %s people anonymised again, %s log rows restored", len(people), len(missing)
        )
        return len(people)

    # ------------------------------------------------------------------ the scheduled action

    @api.model
    def _cron_anonymise(self, batch_size=BATCH_SIZE, time_budget=JOB_TIME_BUDGET):
        """Daily: anonymise the former members due, ``batch_size`` a transaction, committing each batch (and
        then its log file lines) as the register import does; stops after ``time_budget`` seconds having told
        Odoo's cron what remains, so the cron calls again."""
        deadline = time.monotonic() + time_budget
        done = 0
        while True:
            members = self._due_partners(limit=batch_size)
            if members:
                self._anonymise(members, "retention")
                done += len(members)
            remaining = len(self._due_partners(limit=batch_size)) if len(members) == batch_size else 0
            self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
            self._commit()
            if not remaining or time.monotonic() > deadline:
                return done

    @api.model
    def _auto_commit(self):
        return not getattr(threading.current_thread(), "testing", False)

    @api.model
    def _commit(self):
        if self._auto_commit():
            # a batch per transaction, as Odoo's own batched crons do: a long run keeps what it has done
            self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------ the office's list

    @api.model
    def action_open_due(self):
        """The office's list: the former members due by the end of next month (including those the scheduled
        action has not reached yet), with the held ones (filter "On hold")."""
        self._check_officer()
        today = fields.Date.context_today(self)
        end_next_month = today + relativedelta(months=2, day=1) - datetime.timedelta(days=1)
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.res_partner_action_erasure_due")
        action["domain"] = self._due_domain(end_next_month)
        return action

    @api.model
    def _check_officer(self):
        if not self.env.su and not self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            raise AccessError(self.env._("Only the office decides about anonymising former members."))
