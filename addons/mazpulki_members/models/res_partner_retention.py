"""Retention of former members: the office's setting, the alumni-register consent, holds, and what the
anonymisation removes from the registry (``res.partner._mazpulki_erase_personal_data``, a hook each add-on
extends for its own records).

Removed from a member: names (the neutral label "Anonymised"), personal code, member number, exact birth date
(1 July of the birth year is kept: every statistic reads the year only, see below), contact data (e-mail,
phones, address, website, VAT, reference), school, pictures and every file on the contact, free-text notes and
chatter (messages about the person, their memberships, consents and applications; messages they wrote elsewhere
lose their text and author), the card's code (hence its QR), portal users (archived, login and password
scrubbed; kept as rows because other records name their creator), the member's guardian links, and guardian
contacts who guard no other child (any link state), scrubbed the same way and archived. Kept: gender, birth year,
club, region, membership years (and their stored age and age band), consents without their notes (given by the
member's own anonymised contact), and what the add-ons keep (attendance, hours, projects, registrations without
personal text).

Ages: ``mazpulki.membership.age`` is the membership year minus the birth year, so it is the same for any day of
the birth year; the event registrations' age group is computed with the exact date: it is a stored figure and
the anonymisation writes in SQL without recomputing it, so closed years' figures stay as they were.
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

ANONYMISED_NAME = "Anonymised"
KEPT_BIRTH_DAY = (7, 1)  # 1 July of the birth year: the year stays, the day goes
# res.partner columns emptied for everyone anonymised (those that exist in this database)
PARTNER_CLEARED = [
    "email",
    "email_normalized",
    "phone",
    "mobile",
    "phone_sanitized",
    "website",
    "comment",
    "function",
    "title",
    "ref",
    "barcode",
    "personal_code",
    "member_number",
    "school_name",
    "school_grade",
    "signup_type",
    "signup_expiration",
    "mazpulki_hold_reason",
    "mazpulki_hold_user_id",
    "mazpulki_hold_date",
]
# res.partner columns an invoice needs (see _mazpulki_erasure_legal_partner_ids): kept where the law keeps them
PARTNER_LEGAL = ["name", "complete_name", "street", "street2", "zip", "city", "state_id", "country_id", "vat"]


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_last_member_year = fields.Integer(
        string="Last Membership Year",
        compute="_compute_mazpulki_last_member_year",
        store=True,
        index=True,
        aggregator=False,
        help="The latest year the person was a member; the retention period counts from it.",
    )
    mazpulki_hold_reason = fields.Char(
        string="Hold Reason",
        readonly=True,
        copy=False,
        groups="mazpulki_members.group_mazpulki_officer",
        help="Why the office keeps this former member past the retention period.",
    )
    mazpulki_hold_user_id = fields.Many2one(
        "res.users", string="Held By", readonly=True, copy=False, groups="mazpulki_members.group_mazpulki_officer"
    )
    mazpulki_hold_date = fields.Datetime(
        string="Held On", readonly=True, copy=False, groups="mazpulki_members.group_mazpulki_officer"
    )
    mazpulki_date_anonymised = fields.Date(string="Anonymised On", readonly=True, copy=False, index=True)
    mazpulki_date_erasure_due = fields.Date(
        string="Anonymised From",
        compute="_compute_mazpulki_date_erasure_due",
        help="1 January after the retention period (the office's setting) without a membership.",
    )

    @api.depends("mazpulki_membership_ids.year")
    def _compute_mazpulki_last_member_year(self):
        last_years = dict(
            self.env["mazpulki.membership"]
            .sudo()
            ._read_group([("member_id", "in", self.ids)], groupby=["member_id"], aggregates=["year:max"])
        )
        for partner in self:
            partner.mazpulki_last_member_year = last_years.get(partner._origin, 0)

    @api.depends("mazpulki_last_member_year")
    def _compute_mazpulki_date_erasure_due(self):
        years = self.env["mazpulki.erasure"]._retention_years()
        for partner in self:
            last = partner.mazpulki_last_member_year
            partner.mazpulki_date_erasure_due = datetime.date(last + years + 1, 1, 1) if last else False

    # ------------------------------------------------------------------ the office's actions

    def action_mazpulki_erasure_hold(self):
        """Open the Hold dialog (a reason is required) for these former members. Office only."""
        return self._mazpulki_erasure_wizard("hold")

    def action_mazpulki_erasure_forget(self):
        """Open the Forget now dialog (an Art. 17 request: confirmation and reason). Office managers only."""
        return self._mazpulki_erasure_wizard("forget")

    def action_mazpulki_erasure_release(self):
        """Lift the hold: the scheduled action anonymises the person when due. Office only."""
        self.env["mazpulki.erasure"]._check_officer()
        # sudo: the hold fields are readonly in views; the officer was checked above
        self.sudo().write({"mazpulki_hold_reason": False, "mazpulki_hold_user_id": False, "mazpulki_hold_date": False})

    def _mazpulki_erasure_wizard(self, mode):
        if mode == "forget":
            self.env["mazpulki.erasure.wizard"]._check_manager()
        else:
            self.env["mazpulki.erasure"]._check_officer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Forget Now") if mode == "forget" else self.env._("Hold"),
            "res_model": "mazpulki.erasure.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_mode": mode, "default_partner_ids": self.ids},
        }

    # ------------------------------------------------------------------ the anonymisation hooks

    def _mazpulki_erasure_check(self):
        """Every override of ``_mazpulki_erase_personal_data`` calls this first."""
        if not self.env.su:
            raise AccessError(self.env._("Only the anonymisation itself removes personal data."))

    def _mazpulki_erasure_coverage(self):
        """``{model: what the anonymisation does with it}`` for every suite model linked to a person; the
        model-coverage test fails for a model linked to res.partner that is missing here. Add-ons extend it."""
        return {
            "res.partner": "names, codes, birth day, contact data, school, pictures, files, notes removed",
            "mazpulki.membership": "kept for the figures; the leave note and chatter removed",
            "mazpulki.consent": "kept as history; the note removed, given by the member's anonymised contact",
            "mazpulki.guardian": "the member's guardian links deleted; lonely guardians anonymised and archived",
            "mazpulki.member.card": "the code (and so the QR) replaced, the card revoked",
            "mazpulki.member.application": "names, contacts, school, personal code, birth day, reasons removed",
            "mazpulki.reenrolment": "points to the anonymised contacts; holds no text",
            "mazpulki.data.export.log": "kept: who downloaded when and the size, no content; points to the anonymised "
            "contact",
            "mazpulki.contact.message": "not linked to a registry person (typed sender); answered messages are "
            "deleted after 12 months",
            "mazpulki.club": "the club's contact person is staff, not a member",
            "mazpulki.club.leader": "leaders are staff, not anonymised by the retention period",
            "res.users": "portal users archived, login, password and API keys removed",
            "res.company": "the organisation itself",
            "portal.wizard": "Odoo's transient dialog granting portal access",
            "mazpulki.erasure.wizard": "a transient dialog of the office",
            "mazpulki.card.revoke": "a transient dialog of the office",
            "mazpulki.transfer.request": "a transient dialog of the office",
        }

    def _mazpulki_erasure_lonely_guardians(self):
        """The guardians of these members who guard no other child (any link state, archived links too)."""
        Guardian = self.env["mazpulki.guardian"].sudo().with_context(active_test=False)
        guardians = Guardian.search([("member_id", "in", self.ids)]).guardian_id
        if not guardians:
            return guardians
        busy = Guardian.search([("guardian_id", "in", guardians.ids), ("member_id", "not in", self.ids)]).guardian_id
        staff = guardians.filtered(lambda g: g.with_context(active_test=False).user_ids.filtered(lambda u: not u.share))
        return (guardians - busy - staff - self).with_context(active_test=False)

    def _mazpulki_erasure_legal_partner_ids(self):
        """Ids of these partners whose name and address the law keeps (e.g. on a posted invoice); add-ons
        that know such records extend it. Here: none."""
        return set()

    def _mazpulki_erasure_thread_records(self):
        """``{model: ids}`` of records about these people whose chatter, attachments and activities go with
        them; add-ons extend it with their own records."""
        ids = self.ids
        return {
            "res.partner": ids,
            "mazpulki.membership": self.env["mazpulki.membership"].sudo().search([("member_id", "in", ids)]).ids,
            "mazpulki.consent": self.env["mazpulki.consent"].sudo().search([("member_id", "in", ids)]).ids,
            "mazpulki.member.application": self._mazpulki_erasure_applications().ids,
        }

    def _mazpulki_erasure_applications(self):
        return (
            self.env["mazpulki.member.application"]
            .sudo()
            .with_context(active_test=False)
            .search(["|", ("member_id", "in", self.ids), ("guardian_partner_id", "in", self.ids)])
        )

    def _mazpulki_erase_personal_data(self):
        """Remove the personal data of these partners (members and their lonely guardians) from the suite.

        Add-ons extend it for their own records and call ``super()``; the suite's own part runs last so the
        add-ons still see the links. Each step is one query (or a fixed few) for the whole set, whatever its
        size. Superuser only: it is reached through ``mazpulki.erasure._anonymise``.
        """
        self._mazpulki_erasure_check()
        if not self:
            return
        self.env.flush_all()
        cr = self.env.cr
        ids = list(self.ids)
        members = self.filtered("mazpulki_membership_ids")
        today = fields.Date.context_today(self)
        # chatter, files and activities about these people and their records
        self._mazpulki_erasure_drop_threads(self._mazpulki_erasure_thread_records())
        # messages they wrote elsewhere keep their place in a thread, not their text or author
        cr.execute(
            SQL(
                "UPDATE mail_message SET body = NULL, subject = NULL, email_from = NULL, author_id = NULL, "
                "reply_to = NULL WHERE author_id = ANY(%s)",
                ids,
            )
        )
        for table, column in (
            ("mail_followers", "partner_id"),
            ("mail_notification", "res_partner_id"),
            ("mail_message_res_partner_rel", "res_partner_id"),
        ):
            cr.execute(SQL("DELETE FROM %s WHERE %s = ANY(%s)", SQL.identifier(table), SQL.identifier(column), ids))
        # the registry's records
        cr.execute(SQL("DELETE FROM mazpulki_guardian WHERE member_id = ANY(%s) OR guardian_id = ANY(%s)", ids, ids))
        cr.execute(
            SQL("UPDATE mazpulki_consent SET note = NULL, given_by_id = member_id WHERE member_id = ANY(%s)", ids)
        )
        cr.execute(SQL("UPDATE mazpulki_membership SET leave_note = NULL WHERE member_id = ANY(%s)", ids))
        cr.execute(
            SQL(
                "UPDATE mazpulki_member_card SET code = 'erased-' || id, short_code = NULL, state = 'revoked', "
                "date_revoked = COALESCE(date_revoked, now() at time zone 'UTC'), "
                "revoke_reason = COALESCE(revoke_reason, 'left') WHERE member_id = ANY(%s)",
                ids,
            )
        )
        self._mazpulki_erasure_scrub_applications()
        # portal users: archived, login and password scrubbed (the rows stay: records name their creator)
        cr.execute(
            SQL(
                "UPDATE res_users SET login = 'erased-' || id, password = NULL, active = FALSE, signature = NULL "
                "WHERE partner_id = ANY(%s) AND share",
                ids,
            )
        )
        cr.execute(
            SQL(
                "DELETE FROM res_users_apikeys WHERE user_id IN (SELECT id FROM res_users WHERE partner_id = ANY(%s))",
                ids,
            )
        )
        # the contacts themselves
        Partner = self.env["res.partner"]
        columns = [name for name in PARTNER_CLEARED if name in Partner._fields and Partner._fields[name].column_type]
        assignments = [SQL("%s = NULL", SQL.identifier(name)) for name in columns]
        assignments += [
            SQL(
                "birthdate_date = CASE WHEN birthdate_date IS NULL THEN NULL "
                "ELSE make_date(extract(year FROM birthdate_date)::int, %s, %s) END",
                *KEPT_BIRTH_DAY,
            ),
            SQL("mazpulki_date_anonymised = %s", today),
            # guardians (not members) are archived; members stay as they were, counted in their years
            SQL("active = CASE WHEN id = ANY(%s) THEN active ELSE FALSE END", members.ids),
        ]
        cr.execute(SQL("UPDATE res_partner SET %s WHERE id = ANY(%s)", SQL(", ").join(assignments), ids))
        legal_ids = self._mazpulki_erasure_legal_partner_ids()
        scrub_ids = [pid for pid in ids if pid not in legal_ids]
        legal = [SQL("name = %s", ANONYMISED_NAME), SQL("complete_name = %s", ANONYMISED_NAME)]
        legal += [
            SQL("%s = NULL", SQL.identifier(name))
            for name in PARTNER_LEGAL[2:]
            if name in Partner._fields and Partner._fields[name].column_type
        ]
        cr.execute(SQL("UPDATE res_partner SET %s WHERE id = ANY(%s)", SQL(", ").join(legal), scrub_ids))
        self.env.invalidate_all()

    def _mazpulki_erasure_drop_threads(self, records):
        """Delete the chatter messages, activities and files (pictures, evidence) of ``{model: ids}``."""
        cr = self.env.cr
        Attachment = self.env["ir.attachment"].sudo()
        attachment_ids = []
        for model, ids in records.items():
            if not ids:
                continue
            cr.execute(SQL("DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)", model, ids))
            cr.execute(SQL("DELETE FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)", model, ids))
            cr.execute(SQL("SELECT id FROM ir_attachment WHERE res_model = %s AND res_id = ANY(%s)", model, ids))
            attachment_ids += [row[0] for row in cr.fetchall()]
        if attachment_ids:
            # through the ORM: the files leave the filestore with the rows (its garbage collector)
            Attachment.browse(attachment_ids).unlink()

    def _mazpulki_erasure_scrub_applications(self):
        """Applications of these people keep their dates, club, state and consents' ticks, nothing personal."""
        applications = self._mazpulki_erasure_applications()
        if not applications:
            return
        Application = self.env["mazpulki.member.application"]
        cleared = [
            name
            for name in (
                "school_name",
                "school_grade",
                "email",
                "personal_code",
                "guardian_name",
                "guardian_email",
                "guardian_phone",
                "decline_reason",
                "applicant_ip",
                "match_note",
            )
            if name in Application._fields and Application._fields[name].column_type
        ]
        assignments = [SQL("%s = NULL", SQL.identifier(name)) for name in cleared]
        assignments += [
            SQL("name = %s", ANONYMISED_NAME),
            SQL("birthdate_date = make_date(extract(year FROM birthdate_date)::int, %s, %s)", *KEPT_BIRTH_DAY),
        ]
        self.env.cr.execute(
            SQL(
                "UPDATE mazpulki_member_application SET %s WHERE id = ANY(%s)",
                SQL(", ").join(assignments),
                applications.ids,
            )
        )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_retention_years = fields.Integer(
        string="Years Kept After Membership",
        config_parameter="mazpulki_members.retention_years",
        default=3,
        help="Former members are anonymised after this many whole years without a membership, unless they "
        "joined the alumni register or the office holds them.",
    )

    @api.constrains("mazpulki_retention_years")
    def _check_mazpulki_retention_years(self):
        for settings in self:
            if settings.mazpulki_retention_years < 1:
                raise UserError(self.env._("Former members are kept at least one year after their membership."))
