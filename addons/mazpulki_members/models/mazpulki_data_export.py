"""The family's copy of their data (GDPR Art. 15 and 20): a ZIP with a PDF to read and JSON to re-use.

Each add-on adds what it holds about a member by extending
``mazpulki.data.export._mazpulki_export_sections`` (the dependency arrows go one
way: members offers the hook, projects, volunteer, events and the bridges fill
it). Everything here is private (``_``): only the portal route calls it, after
its own check of who may download whose data.
"""

import io
import json
import re
import zipfile

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_date, format_datetime, html2plaintext

from .mazpulki_consent import DIGITAL_CONSENT_AGE
from .mazpulki_member_application import APPLICATION_FORM_FIELDS

# The JSON's dates and times (fields.Date/Datetime.to_string), shown in the reader's format in the PDF
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")

# A guardian downloads a child's data until the child is of age; from 13 a member downloads their own.
AGE_OF_MAJORITY = 18


class MazpulkiDataExport(models.AbstractModel):
    _name = "mazpulki.data.export"
    _description = "Family's Data Export"

    # --- who may ----------------------------------------------------------

    @api.model
    def _mazpulki_may_export(self, member, requester):
        """May the partner ``requester`` download ``member``'s data? (bool)

        The member themself from 13 (Latvia's age of digital consent), a guardian
        for a child under 18. ``member`` must already be one of the portal's members
        of the requester (``_mazpulki_portal_members``, which knows the proved
        guardians); this only adds the age rule.
        """
        age = member._mazpulki_age_on(fields.Date.context_today(self))
        if member == requester:
            return age is not None and age >= DIGITAL_CONSENT_AGE
        return age is None or age < AGE_OF_MAJORITY

    # --- the export -------------------------------------------------------

    @api.model
    def _mazpulki_export(self, member, requester_user, lang=None):
        """The ZIP of everything the suite holds about ``member`` (res.partner), logged.

        Returns ``(zip_bytes, filename)``. The caller checked that ``requester_user``
        (res.users) may have it; this runs as superuser (``AccessError`` otherwise) in
        ``lang`` (the page's language on the portal), by default the requester's.
        The ZIP holds ``mani-dati.pdf`` (to read),
        ``mani-dati.json`` (the same, machine-readable) and ``faili/...`` (evidence files).
        """
        if not self.env.su:
            raise AccessError(self.env._("Only the portal's download route makes a family's data export."))
        member.ensure_one()
        export = self.with_context(
            lang=lang or requester_user.lang or self.env.lang, tz=requester_user.tz or self.env.context.get("tz")
        )
        member = member.with_env(export.env)
        sections = export._mazpulki_export_sections(member)
        data = {
            "member": member.member_number or str(member.id),
            "date": fields.Datetime.to_string(fields.Datetime.now()),
            "sections": {section["key"]: section["rows"] for section in sections},
        }
        pdf, _type = export.env["ir.actions.report"]._render_qweb_pdf(
            "mazpulki_members.action_report_data_export",
            member.ids,
            data={"mazpulki_sections": export._mazpulki_export_pdf_sections(sections)},
        )
        buffer = io.BytesIO()
        file_count = 0
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("mani-dati.pdf", pdf)
            archive.writestr("mani-dati.json", json.dumps(data, ensure_ascii=False, indent=2))
            for section in sections:
                for path, raw in section.get("files", []):
                    archive.writestr(f"faili/{path}", raw)
                    file_count += 1
        content = buffer.getvalue()
        export.env["mazpulki.data.export.log"].create(
            {
                "user_id": requester_user.id,
                "member_id": member.id,
                "size": len(content),
                "file_count": file_count,
            }
        )
        filename = f"Mazpulki-dati-{member.member_number or member.id}.zip"
        return content, filename

    @api.model
    def _mazpulki_export_sections(self, member):
        """The sections of ``member``'s export: a list of dicts, in the order the PDF shows them.

        Each section: ``key`` (the JSON key), ``title`` (translated), ``models``
        (the model names whose records it holds: the model-coverage test reads
        them), ``columns`` (list of ``(key, label)``), ``rows`` (list of dicts of
        JSON values: str, int, float, bool, None) and optionally ``files`` (list of
        ``(path, bytes)``). A row never names another person: the family's names
        only (``_mazpulki_export_person``). Add-ons extend this and append theirs.
        """
        sections = [
            self._mazpulki_export_registry(member),
            self._mazpulki_export_records(
                "guardians",
                self.env._("Guardians"),
                member.guardian_ids,
                [("guardian", self.env._("Guardian"), lambda g: g.guardian_id.name), "relation"],
            ),
            self._mazpulki_export_records(
                "consents",
                self.env._("Consents"),
                member.consent_ids,
                [
                    "consent_type",
                    "state",
                    "date_given",
                    ("given_by", self.env._("Given By"), lambda c: self._mazpulki_export_person(member, c.given_by_id)),
                    "date_withdrawn",
                    (
                        "withdrawn_by",
                        self.env._("Withdrawn By"),
                        lambda c: self._mazpulki_export_person(member, c.withdrawn_by_id) if c.date_withdrawn else None,
                    ),
                    "note",
                ],
            ),
            self._mazpulki_export_records(
                "memberships",
                self.env._("Membership Years"),
                member.mazpulki_membership_ids.sorted("year"),
                [
                    "year",
                    "club_id",
                    "region_id",
                    "state",
                    "date_join",
                    "date_leave",
                    "leave_reason",
                    "leave_note",
                    "date_reenrolled",
                    (
                        "reenrolled_by",
                        self.env._("Re-enrolled By"),
                        lambda m: self._mazpulki_export_person(member, m.reenrolled_by_id),
                    ),
                ],
            ),
            self._mazpulki_export_records(
                "cards",
                self.env._("Membership Cards"),
                member.mazpulki_card_ids,
                ["state", "date_issued", "date_revoked", "revoke_reason"],
            ),
            self._mazpulki_export_records(
                "applications",
                self.env._("Applications"),
                self.env["mazpulki.member.application"].search(
                    ["|", ("member_id", "=", member.id), ("match_member_id", "=", member.id)]
                ),
                [
                    "date_submitted",
                    "club_id",
                    "state",
                    *APPLICATION_FORM_FIELDS,  # what the family typed on the form
                    "date_decided",
                    "decline_reason",
                ],
            ),
            self._mazpulki_export_messages(member),
            self._mazpulki_export_records(
                "downloads",
                self.env._("Earlier Downloads of This Data"),
                self.env["mazpulki.data.export.log"].search([("member_id", "=", member.id)]),
                [
                    "create_date",
                    (
                        "by",
                        self.env._("Downloaded By"),
                        lambda log: self._mazpulki_export_person(member, log.user_id.partner_id),
                    ),
                    "size",
                ],
            ),
        ]
        return sections

    # --- the members' own sections ----------------------------------------

    def _mazpulki_export_registry(self, member):
        # personal_code is the office's field (groups): the export runs as superuser, and it is the member's own
        section = self._mazpulki_export_records(
            "registry",
            self.env._("Registry Data"),
            member,
            [
                # a person's name, never Odoo's "Name" (Nosaukums, a thing's name)
                ("name", self.env._("Name and Surname"), lambda partner: partner.name),
                "member_number",
                "personal_code",
                "birthdate_date",
                "mazpulki_gender",
                "email",
                "phone",
                "street",
                "street2",
                "zip",
                "city",
                "school_name",
                "school_grade",
                "mazpulki_club_id",
                "mazpulki_region_id",
                "mazpulki_date_first_join",
                "lang",
            ],
        )
        section["models"] = ["res.partner"]
        return section

    def _mazpulki_export_messages(self, member):
        """Messages to the member, and those on the member's own records (not internal notes)."""
        Message = self.env["mail.message"]
        own_records = [
            ("res.partner", member.ids),
            ("mazpulki.consent", member.consent_ids.ids),
            ("mazpulki.membership", member.mazpulki_membership_ids.ids),
            (
                "mazpulki.member.application",
                self.env["mazpulki.member.application"].search([("member_id", "=", member.id)]).ids,
            ),
        ]
        domain = [("partner_ids", "in", member.ids)]
        for model, ids in own_records:
            if ids:
                domain = ["|", "&", ("model", "=", model), ("res_id", "in", ids), *domain]
        messages = Message.search(domain, order="date, id")
        mails = self.env["mail.mail"].search([("recipient_ids", "in", member.ids)])
        messages |= mails.mail_message_id
        # Internal notes stay out unless written to the member: they are the staff's, about others too.
        messages = messages.filtered(
            lambda m: (m.partner_ids & member)
            or (
                m.message_type in ("email", "comment", "email_outgoing")
                and not m.is_internal
                and not m.subtype_id.internal
            )
        )
        section = self._mazpulki_export_records(
            "messages",
            self.env._("Messages"),
            messages.sorted(lambda m: (m.date, m.id)),
            [
                "date",
                "subject",
                ("author", self.env._("From"), lambda m: self._mazpulki_export_person(member, m.author_id)),
                ("body", self.env._("Text"), lambda m: html2plaintext(m.body or "").strip()),
            ],
        )
        section["models"] = ["mail.message", "mail.mail"]
        return section

    # --- helpers for every section ------------------------------------------

    @api.model
    def _mazpulki_export_family(self, member):
        """The people whose names a member's export may show: the member and their guardians (res.partner)."""
        # active_test: a guardian link removed by the office still names who acted then
        return member | member.with_context(active_test=False).guardian_ids.guardian_id

    @api.model
    def _mazpulki_export_person(self, member, partner):
        """A person as the export shows them: the name for the family, otherwise only "Mazpulki"."""
        if not partner:
            return None
        if partner in self._mazpulki_export_family(member):
            return partner.name
        return self.env._("Mazpulki (club leader or office)")

    @api.model
    def _mazpulki_export_records(self, key, title, records, columns):
        """A section of ``records`` with ``columns``: field names, or ``(key, label, function(record))``."""
        spec = []
        for column in columns:
            if isinstance(column, str):
                field = records._fields[column]
                spec.append((column, field._description_string(self.env), self._mazpulki_export_getter(field)))
            else:
                spec.append(column)
        rows = [{ckey: getter(record) for ckey, _label, getter in spec} for record in records]
        return {
            "key": key,
            "title": title,
            "models": [records._name],
            "columns": [(ckey, label) for ckey, label, _getter in spec],
            "rows": rows,
        }

    @api.model
    def _mazpulki_export_getter(self, field):
        """A function giving a record's value of ``field`` as JSON: names, labels, ISO dates."""
        name = field.name
        if field.type == "many2one":
            return lambda r: r[name].display_name or None
        if field.type == "many2many":
            return lambda r: ", ".join(r[name].mapped("display_name")) or None
        if field.type == "selection":

            def selection(record):
                labels = dict(record._fields[name]._description_selection(record.env))
                return labels.get(record[name]) if record[name] else None

            return selection
        if field.type in ("date", "datetime"):
            return lambda r: r[name] and field.to_string(r[name]) or None
        if field.type == "html":
            return lambda r: html2plaintext(r[name] or "").strip() or None
        if field.type == "boolean":
            return lambda r: bool(r[name])
        if field.type == "float":
            return lambda r: round(r[name] or 0.0, 2)
        return lambda r: r[name] if r[name] not in (False, "") else None

    @api.model
    def _mazpulki_export_pdf_sections(self, sections):
        """The sections as the PDF shows them: texts only (yes/no, empty for none).

        Dates and times (ISO strings in the JSON, times in UTC) read as the reader's
        language writes them, times in the reader's time zone (context ``tz``).
        """
        yes, no = self.env._("Yes"), self.env._("No")
        tz = self.env.context.get("tz") or "Europe/Riga"

        def text(value):
            if value is None:
                return ""
            if isinstance(value, bool):
                return yes if value else no
            if isinstance(value, str) and ISO_DATE.fullmatch(value):
                return format_date(self.env, value)
            if isinstance(value, str) and ISO_DATETIME.fullmatch(value):
                return format_datetime(self.env, value, tz=tz, dt_format=False)
            return str(value)

        return [
            {
                "title": section["title"],
                "columns": [label for _key, label in section["columns"]],
                "rows": [[text(row.get(key)) for key, _label in section["columns"]] for row in section["rows"]],
                "files": [path for path, _raw in section.get("files", [])],
            }
            for section in sections
        ]

    @api.model
    def _mazpulki_export_filename(self, name):
        """A file name safe inside a ZIP: no folders, no control characters."""
        return re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", name or "fails").strip(". ") or "fails"


class MazpulkiDataExportLog(models.Model):
    """One download of a family's data: who, when, about whom, how big. Holds no personal content."""

    _name = "mazpulki.data.export.log"
    _description = "Download of a Family's Data"
    _order = "create_date desc, id desc"
    _rec_name = "member_id"

    user_id = fields.Many2one("res.users", string="Downloaded By", required=True, readonly=True, ondelete="cascade")
    member_id = fields.Many2one(
        "res.partner", string="About", required=True, readonly=True, ondelete="cascade", index=True
    )
    size = fields.Integer(string="Size (bytes)", readonly=True)
    file_count = fields.Integer(string="Evidence Files", readonly=True)


class ReportDataExport(models.AbstractModel):
    _name = "report.mazpulki_members.report_data_export"
    _description = "Family's Data Export (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        # The sections are built by _mazpulki_export after the route's check; nobody renders them by URL.
        if not self.env.su or not data or "mazpulki_sections" not in data:
            raise AccessError(self.env._("The data export is downloaded from the membership page."))
        members = self.env["res.partner"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": members,
            "sections": data["mazpulki_sections"],
            "date_export": format_datetime(
                self.env, fields.Datetime.now(), tz=self.env.context.get("tz") or "Europe/Riga", dt_format=False
            ),
        }
