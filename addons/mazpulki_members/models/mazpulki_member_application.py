import datetime
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize
from odoo.tools.mail import single_email_re

from .mazpulki_consent import DIGITAL_CONSENT_AGE
from .mazpulki_membership import MAX_AGE, MIN_AGE

_logger = logging.getLogger(__name__)

ADULT_AGE = 18

# The fields a family fills on the public enrolment form; everything else is the club's and the office's.
APPLICATION_FORM_FIELDS = [
    "applicant",
    "name",
    "birthdate_date",
    "school_name",
    "school_grade",
    "email",
    "guardian_name",
    "guardian_email",
    "guardian_phone",
    "guardian_relation",
    "consent_data_processing",
    "consent_photo",
    "consent_publication",
]


class MazpulkiMemberApplication(models.Model):
    """A request to join a club, from the public enrolment form or typed in by the office.

    It is not a member: nothing enters the registry until the club's leader (or the office) accepts it.
    """

    _name = "mazpulki.member.application"
    _description = "Membership Application"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"

    state = fields.Selection(
        [("new", "New"), ("accepted", "Accepted"), ("declined", "Declined"), ("withdrawn", "Withdrawn")],
        required=True,
        default="new",
        tracking=True,
        index=True,
    )
    club_id = fields.Many2one("mazpulki.club", required=True, index=True, tracking=True)
    region_id = fields.Many2one(related="club_id.region_id", store=True, index=True)
    date_submitted = fields.Datetime(string="Submitted", required=True, default=fields.Datetime.now, readonly=True)
    applicant = fields.Selection(
        [
            ("guardian", "A parent or guardian"),
            ("member", "The young person"),
        ],
        string="Applied By",
        required=True,
        default="guardian",
        help="A parent or guardian applies for a child; a young person of 13 or more may apply alone "
        "(from 13 to 17 a guardian confirms).",
    )
    name = fields.Char(string="Name of the Child or Young Person", required=True, tracking=True)
    birthdate_date = fields.Date(string="Birth Date", required=True)
    age = fields.Integer(compute="_compute_age", store=True, help="Age on the day the application was submitted.")
    school_name = fields.Char(string="School")
    school_grade = fields.Char(string="Grade")
    email = fields.Char(
        string="E-mail of the Young Person",
        help="Members of 13 or more get their own portal access at this address. It is never the guardian's.",
    )
    personal_code = fields.Char(
        groups="mazpulki_members.group_mazpulki_officer",
        help="Entered by the office only; the public form never asks for it.",
    )
    guardian_name = fields.Char(string="Guardian")
    guardian_email = fields.Char()
    guardian_phone = fields.Char()
    guardian_relation = fields.Selection(
        [
            ("mother", "Mother"),
            ("father", "Father"),
            ("grandparent", "Grandparent"),
            ("legal_guardian", "Legal Guardian"),
            ("other", "Other Relative"),
        ],
        default="mother",
    )
    consent_data_processing = fields.Boolean(string="Data Processing Consent")
    consent_photo = fields.Boolean(string="Photo Consent")
    consent_publication = fields.Boolean(string="Publication Consent")
    needs_guardian_confirmation = fields.Boolean(
        compute="_compute_needs_guardian_confirmation",
        store=True,
        help="A young person of 13 to 17 applied alone: a guardian confirms before the club decides.",
    )
    date_guardian_confirmed = fields.Datetime(string="Guardian Confirmed", readonly=True, tracking=True)
    date_decided = fields.Datetime(string="Decided", readonly=True)
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decline_reason = fields.Text(help="Written into the kind e-mail the family receives.")
    member_id = fields.Many2one("res.partner", string="Member", readonly=True, tracking=True)
    guardian_partner_id = fields.Many2one("res.partner", string="Guardian Contact", readonly=True)
    match_member_id = fields.Many2one(
        "res.partner",
        string="Existing Member",
        compute="_compute_matches",
        store=True,
        help="A person already in the registry with the same personal code, or name and birth date: accepting "
        "links the application to them instead of creating a twin.",
    )
    match_guardian_id = fields.Many2one(
        "res.partner",
        string="Existing Guardian",
        compute="_compute_matches",
        store=True,
        help="A contact with the guardian's e-mail address: accepting links to them.",
    )
    match_note = fields.Char(string="Match", compute="_compute_matches", store=True)
    applicant_ip = fields.Char(
        string="Sent From",
        readonly=True,
        groups="mazpulki_members.group_mazpulki_officer",
        help="The address the form was sent from; the form accepts a few applications per address and hour.",
    )
    guardian_link_id = fields.Many2one(
        "mazpulki.guardian", string="Guardian Link", readonly=True, help="The guardian link made on accepting."
    )
    guardian_proof_status = fields.Selection(
        [
            ("new_adult", "New adult for this child: awaiting proof"),
            ("proved", "Proved guardian"),
            ("removed", "Guardian removed"),
        ],
        string="Guardian Proof",
        compute="_compute_guardian_proof_status",
        help="An adult who is not yet a proved guardian of a child already in the registry gets no access to the "
        "child's records until a guardian on file confirms by e-mail or the office checks a document.",
    )
    lang = fields.Char(string="Language", default=lambda self: self.env.lang)
    recipient_email = fields.Char(
        compute="_compute_recipient_email", help="Where the family's e-mails about the application go."
    )

    @api.depends("birthdate_date", "date_submitted")
    def _compute_age(self):
        for application in self:
            day = (application.date_submitted or fields.Datetime.now()).date()
            birthdate = application.birthdate_date
            application.age = relativedelta(day, birthdate).years if birthdate else 0

    @api.depends("applicant", "age", "email", "guardian_email")
    def _compute_recipient_email(self):
        for application in self:
            if application.applicant == "member" and application.age >= ADULT_AGE:
                application.recipient_email = application.email
            else:
                application.recipient_email = application.guardian_email

    @api.depends("state", "match_member_id", "match_guardian_id", "guardian_email", "guardian_link_id.state")
    def _compute_guardian_proof_status(self):
        for application in self:
            # sudo: the status names no one; the child's guardians may be outside the reader's clubs
            app_sudo = application.sudo()
            link = app_sudo.guardian_link_id
            status = False
            if link:
                status = {"pending": "new_adult", "confirmed": "proved", "removed": "removed"}[link.state]
            elif app_sudo.state == "new" and app_sudo.match_member_id and app_sudo.guardian_email:
                proved = app_sudo.match_member_id.guardian_ids.guardian_id
                status = (
                    "proved" if app_sudo.match_guardian_id and app_sudo.match_guardian_id in proved else "new_adult"
                )
            application.guardian_proof_status = status

    @api.depends("applicant", "age")
    def _compute_needs_guardian_confirmation(self):
        for application in self:
            application.needs_guardian_confirmation = application.applicant == "member" and application.age < ADULT_AGE

    @api.depends("name", "birthdate_date", "guardian_email", "personal_code")
    def _compute_matches(self):
        # sudo: the match looks through the whole registry (a twin may be in another club, or archived); the
        # leader sees only the name of the match, and the office moves members between clubs.
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        for application in self:
            app_sudo = application.sudo()
            member = Partner.browse()
            if app_sudo.personal_code:
                code = Partner._normalize_personal_code(app_sudo.personal_code)
                member = Partner.search([("personal_code", "=", code)], limit=1)
            if not member and application.name and application.birthdate_date:
                member = Partner.search(
                    [
                        ("name", "=ilike", application.name.strip()),
                        ("birthdate_date", "=", application.birthdate_date),
                        ("is_company", "=", False),
                    ],
                    order="is_mazpulki_member desc, active desc, id",
                    limit=1,
                )
            guardian = Partner.browse()
            email = email_normalize(application.guardian_email or "")
            if email:
                guardian = Partner.search(
                    [("email_normalized", "=", email), ("is_mazpulki_member", "=", False), ("is_company", "=", False)],
                    order="active desc, id",
                    limit=1,
                )
            application.match_member_id = member
            application.match_guardian_id = guardian
            notes = []
            if member:
                notes.append(
                    self.env._(
                        "%(name)s is already in the registry (%(number)s, %(club)s)",
                        name=member.name,
                        number=member.member_number or self.env._("no member number"),
                        club=member.mazpulki_club_id.name or self.env._("no club"),
                    )
                )
            if guardian:
                notes.append(self.env._("the guardian %s is already a contact", guardian.name))
            application.match_note = "; ".join(notes) or False

    @api.constrains(*APPLICATION_FORM_FIELDS, "club_id")
    def _check_application(self):
        for application in self:
            errors = self._mazpulki_form_errors(
                {fname: application[fname] for fname in APPLICATION_FORM_FIELDS},
                club=application.club_id,
                day=(application.date_submitted or fields.Datetime.now()).date(),
            )
            if errors:
                raise ValidationError("\n".join(errors.values()))

    @api.model_create_multi
    def create(self, vals_list):
        applications = super().create(vals_list)
        for application in applications.filtered(lambda a: a.state == "new"):
            application._mazpulki_notify_leaders()
        return applications

    # --- the decision -------------------------------------------------------

    def action_accept(self):
        for application in self:
            application._mazpulki_check_can_decide()
            if application.needs_guardian_confirmation and not application.date_guardian_confirmed:
                raise UserError(
                    self.env._(
                        "%s is under 18 and applied alone: wait until a guardian confirms the application "
                        "(the guardian received a link by e-mail).",
                        application.name,
                    )
                )
            # sudo: the caller is this club's leader or the office (checked above); accepting creates the
            # family's contacts, consents, membership, card and portal users, which a leader may not all create.
            application.sudo()._mazpulki_accept()
        return True

    def action_decline(self):
        template = self.env.ref("mazpulki_members.mail_template_application_declined")
        for application in self:
            application._mazpulki_check_can_decide()
            application.write(
                {"state": "declined", "date_decided": fields.Datetime.now(), "decided_by_id": self.env.uid}
            )
            application._mazpulki_send(template)
            application.activity_feedback(["mail.mail_activity_data_todo"], feedback=self.env._("Declined"))
        return True

    def action_withdraw(self):
        for application in self:
            application._mazpulki_check_can_decide()
            application.state = "withdrawn"
            application.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_reset_to_new(self):
        for application in self:
            if application.state == "accepted":
                raise UserError(self.env._("An accepted application stays accepted; edit the member instead."))
            application._mazpulki_check_can_decide(states=("declined", "withdrawn"))
            application.write({"state": "new", "date_decided": False, "decided_by_id": False})
        return True

    def action_view_member(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.member_id.id,
            "view_mode": "form",
        }

    def _mazpulki_confirm_by_guardian(self):
        """The guardian followed the link of the confirmation e-mail (the route checked the token)."""
        self.ensure_one()
        if self.state != "new" or self.date_guardian_confirmed:
            return False
        self.date_guardian_confirmed = fields.Datetime.now()
        self.message_post(
            body=self.env._("%s confirmed the application as guardian.", self.guardian_name),
            subtype_xmlid="mail.mt_note",
        )
        return True

    # --- helpers ------------------------------------------------------------

    def _mazpulki_check_can_decide(self, states=("new",)):
        """The club's current leader decides; the office decides for every club."""
        self.ensure_one()
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("mazpulki_members.group_mazpulki_officer")
            or user.partner_id in self.club_id.current_leader_ids
        ):
            raise AccessError(
                self.env._("Only the leader of %s or the office decides on this application.", self.club_id.name)
            )
        if self.state not in states:
            raise UserError(
                self.env._(
                    "The application of %(name)s is already %(state)s.",
                    name=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[self.state],
                )
            )

    def _mazpulki_accept(self):
        """Create or link the member and the guardian, their consents, the year's membership and card, and
        invite the family to the portal."""
        self.ensure_one()
        Partner = self.env["res.partner"].with_context(active_test=False)
        guardian = self.match_guardian_id
        if not guardian and self.guardian_name and self.guardian_email:
            guardian = Partner.create(
                {"name": self.guardian_name.strip(), "email": self.guardian_email.strip(), "phone": self.guardian_phone}
            )
        elif guardian and not guardian.active:
            guardian.active = True
        member = self.match_member_id
        existing = bool(member)
        if member:
            self._mazpulki_link_member(member)
        else:
            member = Partner.create(
                {
                    "name": self.name.strip(),
                    "birthdate_date": self.birthdate_date,
                    "school_name": self.school_name,
                    "school_grade": self.school_grade,
                    "email": self.email or False,
                    "personal_code": self.personal_code or False,
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": self.club_id.id,
                }
            )
        link = self.env["mazpulki.guardian"]
        if guardian:
            link = member.guardian_link_ids.filtered(lambda x: x.guardian_id == guardian)
            if (existing or not self._mazpulki_application_proves_guardian()) and link.state != "confirmed":
                # A child already in the registry: anyone may type the child's name and birth date. The child
                # joins the club; the adult waits until a guardian on file confirms or the office checks a document.
                # So does the adult of an application the family did not send itself (see the hook below).
                link = self.env["mazpulki.guardian"]._mazpulki_propose(
                    member, guardian, relation=self.guardian_relation, application=self
                )
            elif not link:
                # A new child, enrolled by the family: the family's first application is the proof
                link = self.env["mazpulki.guardian"].create(
                    {
                        "member_id": member.id,
                        "guardian_id": guardian.id,
                        "relation": self.guardian_relation or "other",
                        "state": "confirmed",
                        "proof_method": "enrolment",
                        "application_id": self.id,
                        "date_proved": fields.Datetime.now(),
                        "proved_by_id": self.env.uid,
                    }
                )
        proved_guardian = guardian if link.state == "confirmed" else guardian.browse()
        self._mazpulki_record_consents(member, proved_guardian, skip_unproved=bool(guardian and not proved_guardian))
        self.write(
            {
                "state": "accepted",
                "member_id": member.id,
                "guardian_partner_id": guardian.id,
                "guardian_link_id": link.id,
                "date_decided": fields.Datetime.now(),
                "decided_by_id": self.env.uid,
            }
        )
        invited = self._mazpulki_invite(member, proved_guardian)
        if not (guardian and not proved_guardian):
            # An adult not yet proved is told nothing of the child (not even that she is in the registry or
            # that the club took her): whoever knows a name and birth date can send the form. The guardians
            # on file are asked; a proved adult gets the portal invitation then.
            self._mazpulki_send(self.env.ref("mazpulki_members.mail_template_application_accepted"))
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=self.env._("Accepted"))
        self.message_post(
            body=self.env._(
                "Accepted: %(member)s (%(number)s) is a member of %(club)s. Portal invitations: %(invited)s.",
                member=member.name,
                number=member.member_number,
                club=self.club_id.name,
                invited=", ".join(invited.mapped("name")) or self.env._("none"),
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _mazpulki_application_proves_guardian(self):
        """Whether accepting this application proves its adult as the new child's guardian: the family's own
        enrolment form does ("the family's first application is the proof"). An add-on whose applications
        are typed in by someone else (a leader writing down a visitor) answers False: the link then waits
        for a guardian on file or the office's check of a document."""
        self.ensure_one()
        return True

    def _mazpulki_link_member(self, member):
        """The application is for someone already in the registry: bring them (back) into this club."""
        in_other_club = member.is_mazpulki_member and member.active and member.mazpulki_club_id != self.club_id
        if in_other_club and not self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            raise UserError(
                self.env._(
                    "%(name)s is already a member of %(club)s. Ask the office to accept this application: "
                    "the office moves members between clubs.",
                    name=member.name,
                    club=member.mazpulki_club_id.name,
                )
            )
        vals = {"active": True, "is_mazpulki_member": True, "mazpulki_club_id": self.club_id.id}
        for fname in ("school_name", "school_grade"):
            if self[fname]:
                vals[fname] = self[fname]
        # The application's address is not the member's proof of identity: a member already in the registry keeps
        # the address on file (a new one would receive the portal invitation); the office changes it if needed.
        member.write(vals)
        member._mazpulki_sync_current_membership()
        member._mazpulki_issue_card()

    def _mazpulki_record_consents(self, member, guardian, skip_unproved=False):
        """The consents ticked on the form, given on the day of the application by the guardian (under 13)
        or by the member (13 and older). ``skip_unproved``: the form's adult is not a proved guardian, so
        nothing is recorded in their name."""
        given_by = guardian if self.age < DIGITAL_CONSENT_AGE else member
        if skip_unproved and (not given_by or self.applicant == "guardian"):
            self.message_post(
                body=self.env._(
                    "The consents of the form were not recorded: the adult who sent it awaits proof as guardian."
                ),
                subtype_xmlid="mail.mt_note",
            )
            return
        if not given_by:
            raise UserError(self.env._("A guardian must give the consents for %s, who is under 13.", self.name))
        active_types = set(member.consent_ids.filtered(lambda c: c.state == "given").mapped("consent_type"))
        note = self.env._("Online enrolment form, application of %s", fields.Date.to_string(self.date_submitted))
        self.env["mazpulki.consent"].create(
            [
                {
                    "member_id": member.id,
                    "consent_type": consent_type,
                    "given_by_id": given_by.id,
                    "date_given": self.date_submitted.date(),
                    "note": note,
                }
                for consent_type, given in (
                    ("data_processing", self.consent_data_processing),
                    ("photo", self.consent_photo),
                    ("publication", self.consent_publication),
                )
                if given and consent_type not in active_types
            ]
        )

    def _mazpulki_invite(self, member, guardian):
        """Invite the guardian, and the member from 13 on their own address, to the portal (Odoo's portal
        wizard sends the invitation). A child never gets an account on the guardian's e-mail."""
        to_invite = self.env["res.partner"]
        guardian_email = email_normalize(guardian.email or "") if guardian else False
        if guardian_email and not guardian.user_ids:
            to_invite |= guardian
        member_email = email_normalize(member.email or "")
        if (
            member_email
            and member_email != guardian_email
            and member._mazpulki_age_on(fields.Date.context_today(self)) >= DIGITAL_CONSENT_AGE
            and not member.user_ids
        ):
            to_invite |= member
        if not to_invite:
            return to_invite
        wizard = self.env["portal.wizard"].create({"partner_ids": [fields.Command.set(to_invite.ids)]})
        invited = self.env["res.partner"]
        for wizard_user in wizard.user_ids:
            if wizard_user.email_state != "ok" or wizard_user.is_portal or wizard_user.is_internal:
                continue
            wizard_user.action_grant_access()
            invited |= wizard_user.partner_id
        return invited

    def _mazpulki_notify_leaders(self):
        """A to-do for each current leader of the club who uses Odoo (assigning it notifies them)."""
        self.ensure_one()
        users = self.club_id.current_leader_ids.user_ids.filtered(lambda u: not u.share)
        for user in users:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                # in the leader's language: the public visitor's is not theirs
                summary=self.with_context(lang=user.lang).env._("Decide on the application of %s", self.name),
                date_deadline=fields.Date.context_today(self) + datetime.timedelta(days=7),
            )

    def _mazpulki_send(self, template):
        """Send one of the application's e-mails to the family and note it on the application."""
        self.ensure_one()
        if not self.recipient_email:
            return
        template.send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")
        self.message_post(
            body=self.env._("E-mail sent: %s", template.name),
            subtype_xmlid="mail.mt_note",
        )

    def _compute_access_url(self):
        # The guardian's confirmation page (portal.mixin's access token guards it)
        for application in self:
            application.access_url = f"/clubs/application/{application.id}/confirm"

    @api.model
    def _mazpulki_form_errors(self, vals, club=None, day=None):
        """``{field: message}`` for what is wrong with the enrolment form's values; empty when all is right.

        One set of rules for the public form (which shows each message beside its field) and the back
        office (the constraint shows them all)."""
        errors = {}
        day = day or fields.Date.context_today(self)
        applicant = vals.get("applicant") or "guardian"
        if applicant not in ("guardian", "member"):
            errors["applicant"] = self.env._("Choose who fills in the form.")
        name = (vals.get("name") or "").strip()
        if len(name.split()) < 2:
            errors["name"] = self.env._("Enter the first and last name of the child or young person.")
        birthdate = vals.get("birthdate_date")
        age = None
        if isinstance(birthdate, str):
            try:
                birthdate = fields.Date.to_date(birthdate) if birthdate else None
            except ValueError:
                birthdate = None
        if not birthdate:
            errors["birthdate_date"] = self.env._("Enter the birth date, e.g. 2017-05-14.")
        else:
            age = relativedelta(day, birthdate).years
            age_in_year = day.year - birthdate.year
            if not MIN_AGE <= age_in_year <= MAX_AGE:
                errors["birthdate_date"] = self.env._(
                    "Mazpulki members are %(min)s to %(max)s years old; check the birth date.",
                    min=MIN_AGE,
                    max=MAX_AGE,
                )
                age = None
        if club is not None and (not club or not club.active):
            errors["club_id"] = self.env._("Choose a club that is open for new members.")
        needs_guardian = age is None or age < ADULT_AGE
        if age is not None and age < DIGITAL_CONSENT_AGE and applicant == "member":
            errors["applicant"] = self.env._("Children under 13 are enrolled by a parent or guardian.")
        if needs_guardian or applicant == "guardian":
            errors.update(self._mazpulki_guardian_form_errors(vals))
        email = (vals.get("email") or "").strip()
        if email and not single_email_re.match(email):
            errors["email"] = self.env._("Enter a valid e-mail address, e.g. vards@example.lv.")
        if applicant == "member" and age is not None and age >= ADULT_AGE and not email:
            errors["email"] = self.env._("Enter your e-mail address: the club answers there.")
        if not vals.get("consent_data_processing"):
            if age is not None and age < DIGITAL_CONSENT_AGE:
                errors["consent_data_processing"] = self.env._(
                    "For a child under 13 a parent or guardian must consent to the processing of the "
                    "child's data; without it the club cannot enrol the child."
                )
            else:
                errors["consent_data_processing"] = self.env._(
                    "The consent to data processing is needed to become a member."
                )
        return errors

    @api.model
    def _mazpulki_guardian_form_errors(self, vals):
        errors = {}
        if len((vals.get("guardian_name") or "").strip().split()) < 2:
            errors["guardian_name"] = self.env._("Enter the guardian's first and last name.")
        if not single_email_re.match((vals.get("guardian_email") or "").strip()):
            errors["guardian_email"] = self.env._("Enter the guardian's e-mail address, e.g. vards@example.lv.")
        phone = (vals.get("guardian_phone") or "").strip()
        if sum(c.isdigit() for c in phone) < 8 or any(c not in "0123456789 +-()" for c in phone):
            errors["guardian_phone"] = self.env._(
                "Enter the guardian's phone number with at least 8 digits, e.g. +371 29123456."
            )
        return errors
