import datetime
import re

from dateutil.relativedelta import relativedelta
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.lv import pvn

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, email_normalize

from .mazpulki_consent import DIGITAL_CONSENT_AGE

# Personal codes issued since 1 July 2017 start with 32 and carry no birth
# date; python-stdnum (1.19, Odoo 18's pin) only knows the older DDMMYY-NNNNN.
MODERN_PERSONAL_CODE = re.compile(r"^32\d{9}$")


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_mazpulki_member = fields.Boolean(string="Mazpulki Member", index=True, copy=False)
    member_number = fields.Char(readonly=True, copy=False, index="trigram")
    mazpulki_club_id = fields.Many2one("mazpulki.club", string="Club", index=True, tracking=True, copy=False)
    mazpulki_region_id = fields.Many2one(related="mazpulki_club_id.region_id", string="Region", store=True)
    birthdate_date = fields.Date(string="Birth Date")
    mazpulki_gender = fields.Selection(
        [("female", "Female"), ("male", "Male"), ("other", "Other")],
        string="Gender",
        help="For the yearly statistics that ministries and funders ask for; may stay empty.",
    )
    mazpulki_age = fields.Integer(string="Age", compute="_compute_mazpulki_age")
    personal_code = fields.Char(
        copy=False,
        groups="mazpulki_members.group_mazpulki_officer",
        help="Latvian personal code (personas kods). Optional; visible only to the office.",
    )
    school_name = fields.Char(string="School")
    school_grade = fields.Char(string="Grade", help="Class or course, e.g. 7.b")
    # Proved guardians only: every rule, page and e-mail that follows a guardian link reads these two (the
    # domain holds whatever the caller's context says; the link's `active` adds Odoo's default filter).
    guardian_ids = fields.One2many(
        "mazpulki.guardian", "member_id", string="Guardians", domain=[("state", "=", "confirmed")]
    )
    ward_ids = fields.One2many(
        "mazpulki.guardian",
        "guardian_id",
        string="Guardian Of",
        domain=[("state", "=", "confirmed")],
        help="The members for whom this contact is a proved guardian.",
    )
    # Every link, awaiting proof and removed ones too: the back office's lists.
    guardian_link_ids = fields.One2many(
        "mazpulki.guardian",
        "member_id",
        string="Guardian Links",
        context={"active_test": False},
        help="The member's guardians: proved, awaiting proof and removed.",
    )
    ward_link_ids = fields.One2many(
        "mazpulki.guardian",
        "guardian_id",
        string="Guardian Links Of",
        context={"active_test": False},
        help="The members this contact is or asks to be guardian of.",
    )
    mazpulki_pending_guardian_count = fields.Integer(
        string="Guardians Awaiting Proof", compute="_compute_mazpulki_pending_guardian_count"
    )
    mazpulki_membership_ids = fields.One2many("mazpulki.membership", "member_id", string="Membership Years")
    mazpulki_date_first_join = fields.Date(
        string="Member Since",
        compute="_compute_mazpulki_date_first_join",
        help="The day the member first joined: the earliest join date of their membership years.",
    )
    consent_ids = fields.One2many("mazpulki.consent", "member_id", string="Consents")
    mazpulki_card_ids = fields.One2many("mazpulki.member.card", "member_id", string="Membership Cards")
    mazpulki_card_id = fields.Many2one(
        "mazpulki.member.card",
        string="Membership Card",
        compute="_compute_mazpulki_card_id",
    )
    mazpulki_qr_image = fields.Binary(string="Personal QR Code", compute="_compute_mazpulki_qr_image")
    mazpulki_leader_ids = fields.One2many("mazpulki.club.leader", "partner_id", string="Leads Clubs")
    has_guardian_consent = fields.Boolean(
        compute="_compute_has_guardian_consent",
        help="A guardian has given a consent to data processing that is not withdrawn.",
    )
    mazpulki_duplicate_ids = fields.Many2many(
        "res.partner",
        compute="_compute_mazpulki_duplicate_ids",
        string="Possible Duplicates",
    )

    _sql_constraints = [
        ("personal_code_uniq", "unique(personal_code)", "Another person already has this personal code."),
        ("member_number_uniq", "unique(member_number)", "Another member already has this member number."),
    ]

    @api.depends("birthdate_date")
    @api.depends_context("tz")
    def _compute_mazpulki_age(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.mazpulki_age = partner._mazpulki_age_on(today) or 0

    @api.depends("mazpulki_card_ids.state", "mazpulki_card_ids.code")
    def _compute_mazpulki_card_id(self):
        for partner in self:
            partner.mazpulki_card_id = partner.mazpulki_card_ids.filtered(lambda c: c.state == "active")[:1]

    @api.depends("mazpulki_card_ids.state", "mazpulki_card_ids.code")
    def _compute_mazpulki_qr_image(self):
        for partner in self:
            partner.mazpulki_qr_image = partner.mazpulki_card_id.qr_image

    @api.depends("mazpulki_membership_ids.date_join")
    def _compute_mazpulki_date_first_join(self):
        first_join = dict(
            self.env["mazpulki.membership"]._read_group(
                [("member_id", "in", self.ids)], groupby=["member_id"], aggregates=["date_join:min"]
            )
        )
        for partner in self:
            partner.mazpulki_date_first_join = first_join.get(partner._origin, False)

    @api.depends("consent_ids.state", "consent_ids.given_by_id", "guardian_ids.guardian_id")
    def _compute_has_guardian_consent(self):
        for partner in self:
            guardians = partner.guardian_ids.guardian_id
            partner.has_guardian_consent = any(
                consent.consent_type == "data_processing"
                and consent.state == "given"
                and consent.given_by_id in guardians
                for consent in partner.consent_ids
            )

    @api.depends("guardian_link_ids.state")
    def _compute_mazpulki_pending_guardian_count(self):
        for partner in self:
            partner.mazpulki_pending_guardian_count = len(
                partner.guardian_link_ids.filtered(lambda link: link.state == "pending")
            )

    @api.depends("name", "birthdate_date", "is_mazpulki_member")
    def _compute_mazpulki_duplicate_ids(self):
        for partner in self:
            if not (partner.is_mazpulki_member and partner.name and partner.birthdate_date):
                partner.mazpulki_duplicate_ids = False
                continue
            partner.mazpulki_duplicate_ids = self.search(
                [
                    ("id", "not in", partner._origin.ids),
                    ("is_mazpulki_member", "=", True),
                    ("name", "=ilike", partner.name.strip()),
                    ("birthdate_date", "=", partner.birthdate_date),
                ],
                limit=5,
            )

    @api.constrains("personal_code", "birthdate_date")
    def _check_personal_code(self):
        for partner in self.sudo():  # personal_code is an officer field; the check runs for every writer
            if not partner.personal_code:
                continue
            code = pvn.compact(partner.personal_code)
            if MODERN_PERSONAL_CODE.match(code):
                continue
            try:
                if code[:1] > "3":
                    raise pvn.InvalidComponent()
                pvn.validate(code)
            except StdnumValidationError:
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a valid Latvian personal code (DDMMYY-NNNNN, or 32NNNN-NNNNN).",
                        code=partner.personal_code,
                    )
                ) from None
            birthdate = pvn.get_birth_date(code)
            if partner.birthdate_date and partner.birthdate_date != birthdate:
                raise ValidationError(
                    self.env._(
                        "The personal code %(code)s belongs to someone born on %(code_date)s, "
                        "but the birth date entered is %(date)s.",
                        code=partner.personal_code,
                        code_date=birthdate,
                        date=partner.birthdate_date,
                    )
                )

    @api.model
    def _check_personal_code_available(self, codes, exclude=None):
        """Refuse a personal code (or any of a list) someone else has, naming them; one query for all
        (the SQL constraint backs this up)."""
        codes = [codes] if isinstance(codes, str) else list(codes)
        # sudo: personal codes are an officer field, and the other person may be outside the writer's clubs
        other = (
            self.sudo()
            .with_context(active_test=False)
            .search([("personal_code", "in", codes), ("id", "not in", (exclude or self.browse()).ids)], limit=1)
        )
        if other:
            raise ValidationError(
                self.env._(
                    "The personal code %(code)s is already registered for %(other)s.",
                    code=other.personal_code,
                    other=other.display_name,
                )
            )

    @api.constrains("is_mazpulki_member", "birthdate_date", "is_company", "mazpulki_club_id")
    def _check_member(self):
        for partner in self.filtered("is_mazpulki_member"):
            if partner.is_company:
                raise ValidationError(self.env._("%s is a company; members are people.", partner.name))
            if not partner.birthdate_date:
                raise ValidationError(self.env._("Enter the birth date of member %s.", partner.name))
            if not partner.mazpulki_club_id:
                raise ValidationError(
                    self.env._("Choose the club of member %s (the online club if none is near).", partner.name)
                )
        # A new birth date must still fit every membership year.
        self.mazpulki_membership_ids._check_age()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("personal_code"):
                vals["personal_code"] = self._normalize_personal_code(vals["personal_code"])
        if codes := [vals["personal_code"] for vals in vals_list if vals.get("personal_code")]:
            self._check_personal_code_available(codes)
        for vals in vals_list:
            if vals.get("is_mazpulki_member") and vals.get("mazpulki_club_id"):
                self._mazpulki_check_club_is_led(
                    self.env["mazpulki.club"].browse(vals["mazpulki_club_id"]), vals.get("name")
                )
        to_number = [vals for vals in vals_list if vals.get("is_mazpulki_member") and not vals.get("member_number")]
        for vals, number in zip(to_number, self._mazpulki_next_member_numbers(len(to_number)), strict=True):
            vals["member_number"] = number
        partners = super().create(vals_list)
        members = partners.filtered("is_mazpulki_member")
        if members:
            members._mazpulki_sync_current_membership()
            members._mazpulki_issue_card()
        return partners

    def write(self, vals):
        if "email" in vals and not self.env.su:
            self._mazpulki_check_email_change(vals["email"])
        if vals.get("mazpulki_club_id"):
            new_club = self.env["mazpulki.club"].browse(vals["mazpulki_club_id"])
            for moving in self.filtered(lambda p: p.is_mazpulki_member and p.mazpulki_club_id != new_club):
                self._mazpulki_check_club_is_led(new_club, moving.name)
        if vals.get("personal_code"):
            vals["personal_code"] = self._normalize_personal_code(vals["personal_code"])
            self._check_personal_code_available(vals["personal_code"], exclude=self)
        becoming_members = self.browse()
        if vals.get("is_mazpulki_member"):
            becoming_members = self.filtered(lambda p: not p.is_mazpulki_member)
        # A member restored from the archive gets a new card: the old one was revoked on archiving.
        returning_members = self.filtered(lambda p: not p.active) if vals.get("active") else self.browse()
        res = super().write(vals)
        to_number = becoming_members.filtered(lambda p: not p.member_number)
        for partner, number in zip(to_number, self._mazpulki_next_member_numbers(len(to_number)), strict=True):
            partner.member_number = number
        if "mazpulki_club_id" in vals or becoming_members:
            self.filtered("is_mazpulki_member")._mazpulki_sync_current_membership()
        if becoming_members or returning_members:
            (becoming_members | returning_members).filtered("is_mazpulki_member")._mazpulki_issue_card()
        if vals.get("is_mazpulki_member") is False or vals.get("active") is False:
            self.mazpulki_card_ids._revoke("left")
        return res

    def _mazpulki_check_email_change(self, email):
        """Only the office changes the e-mail address of a proved guardian or of a member under 18: the address
        receives the portal invitation, so a new address is a new person reaching a child's records. A user may
        change their own address."""
        if self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            return
        new = email_normalize(email or "") or (email or False)
        today = fields.Date.context_today(self)
        # sudo: whoever edits the contact, the check sees whether it guards a child
        for partner in self.sudo():
            if partner == self.env.user.partner_id or (email_normalize(partner.email or "") or partner.email) == new:
                continue
            age = partner._mazpulki_age_on(today) if partner.is_mazpulki_member else None
            has_account = partner.with_context(active_test=False).user_ids.filtered("share")
            if partner.ward_ids or has_account or (age is not None and age < 18):
                raise AccessError(
                    self.env._(
                        "Only the office changes the e-mail address of %s: a guardian's or a young member's "
                        "address receives the access to the child's records.",
                        partner.name,
                    )
                )

    def action_mazpulki_reissue_card(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke and Reissue Card"),
            "res_model": "mazpulki.card.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_id": self.id},
        }

    def action_mazpulki_request_transfer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Transfer"),
            "res_model": "mazpulki.transfer.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_member_id": self.id},
        }

    def action_mazpulki_print_card(self):
        return self.env.ref("mazpulki_members.action_report_member_card").report_action(self, config=False)

    def _mazpulki_age_on(self, day):
        """Age in whole years on ``day``; None without a birth date."""
        self.ensure_one()
        if not self.birthdate_date or not day:
            return None
        return relativedelta(day, self.birthdate_date).years

    def _mazpulki_is_portal_allowed(self):
        """Members under 13 reach the portal only with a guardian's consent."""
        self.ensure_one()
        age = self._mazpulki_age_on(fields.Date.context_today(self))
        return age is None or age >= DIGITAL_CONSENT_AGE or self.has_guardian_consent

    def _mazpulki_check_portal_allowed(self, exception=ValidationError):
        """Raise ``exception`` naming the first member under 13 without a guardian's consent."""
        for partner in self:
            if partner.is_mazpulki_member and not partner._mazpulki_is_portal_allowed():
                raise exception(
                    self.env._(
                        "%s is under 13: a guardian must consent to data processing before the child "
                        "gets portal access.",
                        partner.name,
                    )
                )

    def _mazpulki_guardians_on_address(self, email):
        """The guardians of this member who use ``email`` (as their address or their login)."""
        self.ensure_one()
        address = email_normalize(email or "")
        if not address or not self.is_mazpulki_member:
            return self.browse()
        return self.guardian_ids.guardian_id.filtered(
            lambda guardian: email_normalize(guardian.email or "") == address
            or address in guardian.with_context(active_test=False).user_ids.mapped("login")
        )

    def _mazpulki_check_portal_address(self, login):
        """A member's account never uses an address a guardian of theirs uses: the guardian comes first."""
        for partner in self:
            guardians = partner._mazpulki_guardians_on_address(login)
            if guardians:
                raise ValidationError(
                    self.env._(
                        "%(member)s cannot have a portal account on %(email)s: it is the address of their "
                        "guardian %(guardian)s, who would then be locked out of the portal. Invite the guardian, "
                        "or give %(member)s an own e-mail address.",
                        member=partner.name,
                        email=login,
                        guardian=guardians[0].name,
                    )
                )

    @api.model
    def _mazpulki_check_club_is_led(self, club, member_name):
        """A club leader puts members only into the clubs they lead; the office moves them elsewhere."""
        if self.env.su or self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            return
        if self.env.user.partner_id in club.current_leader_ids:
            return
        raise UserError(
            self.env._(
                "%(club)s is not a club you lead, so you cannot move %(member)s there yourself. "
                "Use “Request Transfer” on the member's form: the office will move them.",
                club=club.display_name,
                member=member_name or self.env._("the member"),
            )
        )

    @api.model
    def _normalize_personal_code(self, code):
        compact = pvn.compact(code)
        if len(compact) == 11 and compact.isdigit():
            return f"{compact[:6]}-{compact[6:]}"
        return code.strip()

    @api.model
    def _mazpulki_next_member_numbers(self, count):
        """``count`` new member numbers; the sequence is looked up once, not per member."""
        if not count:
            return []
        # same lookup as ir.sequence.next_by_code(), done once for the whole batch
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "mazpulki.member"), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            raise UserError(self.env._("The member number sequence (code mazpulki.member) is missing."))
        if sequence.implementation == "standard" and not sequence.use_date_range:
            # the numbers of a whole batch (an import) from PostgreSQL's sequence in one query, as _next() takes one
            self.env.cr.execute(
                SQL("SELECT nextval(%s) FROM generate_series(1, %s)", f"ir_sequence_{sequence.id:03d}", count)
            )
            return [sequence.get_next_char(number) for (number,) in sorted(self.env.cr.fetchall())]
        return [sequence._next() for _ in range(count)]

    def _mazpulki_sync_current_membership(self):
        """Keep this year's membership record on the member's current club."""
        year = fields.Date.context_today(self).year
        Membership = self.env["mazpulki.membership"]
        existing = Membership.search([("member_id", "in", self.ids), ("year", "=", year)])
        by_member = {m.member_id.id: m for m in existing}
        # A member who ended last year active goes on: this year's record does not claim a new joining.
        continuing = set(
            Membership.search(
                [("member_id", "in", self.ids), ("year", "=", year - 1), ("state", "=", "active")]
            ).member_id.ids
        )
        to_create = []
        for member in self.filtered("mazpulki_club_id"):
            membership = by_member.get(member.id)
            if not membership:
                vals = {"member_id": member.id, "club_id": member.mazpulki_club_id.id, "year": year}
                if member.id in continuing:
                    vals["date_join"] = datetime.date(year, 1, 1)
                to_create.append(vals)
            elif membership.club_id != member.mazpulki_club_id:
                membership.club_id = member.mazpulki_club_id
        if to_create:
            # The member's own chatter already tells of the creation.
            Membership.with_context(mail_create_nolog=True).create(to_create)

    def _mazpulki_issue_card(self):
        """Give every member without a working card a new one."""
        Card = self.env["mazpulki.member.card"]
        without_card = self.filtered(lambda p: not p.mazpulki_card_id)
        if without_card:
            # Revocations must reach the database before the new card: one working card per member is a unique index.
            Card.flush_model(["state"])
            Card.create([{"member_id": member.id} for member in without_card])
        self.invalidate_recordset(["mazpulki_card_id"])
