import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import consteq, email_normalize
from odoo.tools.misc import hmac

_logger = logging.getLogger(__name__)

ADULT_AGE = 18
REQUEST_SCOPE = "mazpulki-guardian-request"

GUARDIAN_STATES = [("pending", "Awaiting Proof"), ("confirmed", "Proved"), ("removed", "Removed")]
PROOF_METHODS = [
    ("guardian", "Confirmed by a Guardian"),
    ("document", "Document Checked by the Office"),
    ("enrolment", "First Enrolment by the Family"),
    ("register", "Register Import of a New Member"),
    ("legacy", "Recorded Before Proof Was Required"),
]
# The fields that grant or record access to a child: written only under sudo by the methods below, which
# check the caller first. A create without sudo always makes a link that awaits proof.
PROOF_FIELDS = frozenset(
    {
        "state",
        "active",
        "proof_method",
        "proof_document",
        "proof_note",
        "date_proved",
        "proved_by_id",
        "confirmed_by_id",
        "application_id",
        "date_requested",
        "date_removed",
        "removed_by_id",
        "removal_reason",
    }
)


class MazpulkiGuardian(models.Model):
    """The link between a member and an adult who is their guardian.

    A link gives the adult the child's records (portal pages, event approvals, projects, mailings) only once
    it is proved (``state == "confirmed"``, which makes it ``active``): by an existing guardian from the
    e-mailed request, by the office after checking a document, by the family's first enrolment of a new
    child or by the office's register import of a new member. Every other link waits (``pending``) or was
    removed by the office (``removed``); ``res.partner.guardian_ids`` and ``ward_ids`` hold proved links only.
    """

    _name = "mazpulki.guardian"
    _description = "Guardian of a Member"
    _order = "member_id, sequence, id"
    _rec_name = "guardian_id"

    sequence = fields.Integer(default=10)
    member_id = fields.Many2one(
        "res.partner",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("is_mazpulki_member", "=", True)],
    )
    guardian_id = fields.Many2one(
        "res.partner",
        string="Guardian",
        required=True,
        ondelete="restrict",
        index=True,
        domain=[("is_company", "=", False)],
    )
    relation = fields.Selection(
        [
            ("mother", "Mother"),
            ("father", "Father"),
            ("grandparent", "Grandparent"),
            ("legal_guardian", "Legal Guardian"),
            ("other", "Other Relative"),
        ],
        required=True,
        default="mother",
    )
    phone = fields.Char(related="guardian_id.phone", readonly=False)
    email = fields.Char(related="guardian_id.email", readonly=False)
    state = fields.Selection(GUARDIAN_STATES, required=True, default="pending", readonly=True, index=True)
    active = fields.Boolean(compute="_compute_active", store=True, readonly=True)
    proof_method = fields.Selection(PROOF_METHODS, string="Proved By", readonly=True)
    proof_document = fields.Char(string="Document Checked", readonly=True)
    proof_note = fields.Text(readonly=True)
    date_proved = fields.Datetime(string="Proved On", readonly=True)
    proved_by_id = fields.Many2one("res.users", string="Recorded By", readonly=True)
    confirmed_by_id = fields.Many2one(
        "res.partner", string="Confirmed By Guardian", readonly=True, help="The guardian on file who confirmed."
    )
    application_id = fields.Many2one("mazpulki.member.application", string="Application", readonly=True)
    date_requested = fields.Datetime(
        string="Confirmation Requested", readonly=True, help="When the guardians on file were asked to confirm."
    )
    date_removed = fields.Datetime(string="Removed On", readonly=True)
    removed_by_id = fields.Many2one("res.users", string="Removed By", readonly=True)
    removal_reason = fields.Text(readonly=True)

    _sql_constraints = [
        ("member_guardian_uniq", "unique(member_id, guardian_id)", "This guardian is already listed for the member."),
    ]

    @api.depends("state")
    def _compute_active(self):
        for link in self:
            link.active = link.state == "confirmed"

    @api.constrains("member_id", "guardian_id")
    def _check_not_self(self):
        for link in self:
            if link.member_id == link.guardian_id:
                raise ValidationError(self.env._("%s cannot be their own guardian.", link.member_id.name))

    # --- the guard ----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Whoever calls create (a leader's form, RPC): the link waits for proof; no context unlocks it
            vals_list = [{k: v for k, v in vals.items() if k not in PROOF_FIELDS} for vals in vals_list]
        links = super().create(vals_list)
        links._mazpulki_invalidate_partners()
        pending = links.filtered(lambda link: link.state == "pending")
        if pending:
            # sudo: the request e-mails go to the guardians on file, whom the creator may not read
            pending.sudo()._mazpulki_request_confirmation()
        return links

    def write(self, vals):
        for fname in ("member_id", "guardian_id"):
            if fname in vals and any(link[fname].id != vals[fname] for link in self):
                raise UserError(
                    self.env._(
                        "The member and the adult of a guardian link cannot be changed: add a new guardian instead "
                        "(it waits for proof)."
                    )
                )
        if not self.env.su and PROOF_FIELDS & vals.keys():
            raise AccessError(
                self.env._(
                    "A guardian is proved only by a guardian on file or by the office checking a document; "
                    "it cannot be edited."
                )
            )
        res = super().write(vals)
        if PROOF_FIELDS & vals.keys():
            self._mazpulki_invalidate_partners()
        return res

    def unlink(self):
        if not self.env.su and any(link.state != "pending" for link in self):
            raise UserError(
                self.env._(
                    "A proved or removed guardian is kept as a record: the office removes a guardian with "
                    "“Remove Guardian” and a reason."
                )
            )
        partners = self.member_id | self.guardian_id
        res = super().unlink()
        partners.invalidate_recordset(["guardian_ids", "ward_ids", "guardian_link_ids", "ward_link_ids"])
        return res

    def _mazpulki_invalidate_partners(self):
        (self.member_id | self.guardian_id).invalidate_recordset(
            ["guardian_ids", "ward_ids", "guardian_link_ids", "ward_link_ids"]
        )

    @api.model
    def _mazpulki_check_office(self):
        if not (self.env.su or self.env.user.has_group("mazpulki_members.group_mazpulki_officer")):
            raise AccessError(self.env._("Only the office proves or removes a guardian."))

    # --- proving and removing (trusted server code) ------------------------

    def _mazpulki_prove(self, method, **vals):
        """Mark these links proved by ``method`` (a key of PROOF_METHODS); ``vals`` add proof fields.

        Only for server code that checked the caller (it writes under sudo)."""
        self.sudo().write(
            {
                "state": "confirmed",
                "proof_method": method,
                "date_proved": fields.Datetime.now(),
                "proved_by_id": self.env.uid,
                "date_removed": False,
                "removed_by_id": False,
                "removal_reason": False,
                **vals,
            }
        )
        for link in self:
            link.member_id.sudo().message_post(
                body=self.env._(
                    "%(guardian)s is proved as guardian (%(method)s).",
                    guardian=link.guardian_id.name,
                    method=dict(self._fields["proof_method"]._description_selection(self.env))[method],
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _mazpulki_remove(self, reason):
        """The adult is no longer a guardian of the member: the child's records are closed to them at once."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for removing the guardian."))
        self.sudo().write(
            {
                "state": "removed",
                "date_removed": fields.Datetime.now(),
                "removed_by_id": self.env.uid,
                "removal_reason": reason.strip(),
            }
        )
        for link in self:
            link.member_id.sudo().message_post(
                body=self.env._(
                    "%(guardian)s is no longer a guardian: %(reason)s", guardian=link.guardian_id.name, reason=reason
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _mazpulki_propose(self, member, guardian, relation="other", application=None):
        """The link of ``guardian`` to ``member`` awaiting proof; an existing link is returned as it is, a removed
        one waits for proof again. Trusted server code only (writes under sudo)."""
        Link = self.sudo().with_context(active_test=False)
        link = Link.search([("member_id", "=", member.id), ("guardian_id", "=", guardian.id)], limit=1)
        if link and link.state == "removed":
            link.write(
                {
                    "state": "pending",
                    "application_id": application.id if application else False,
                    "date_removed": False,
                    "removed_by_id": False,
                }
            )
            link._mazpulki_request_confirmation()
        elif not link:
            link = Link.create(
                {
                    "member_id": member.id,
                    "guardian_id": guardian.id,
                    "relation": relation or "other",
                    "application_id": application.id if application else False,
                }
            )
        return link

    # --- the confirmation request -------------------------------------------

    def _mazpulki_request_recipients(self):
        """Who may confirm this link: the member's proved guardians with an e-mail address, and the member
        if 18 or older; never the adult asking."""
        self.ensure_one()
        member = self.member_id
        recipients = member.guardian_ids.guardian_id.filtered(lambda p: email_normalize(p.email or ""))
        age = member._mazpulki_age_on(fields.Date.context_today(self))
        if age is not None and age >= ADULT_AGE and email_normalize(member.email or ""):
            recipients |= member
        asking = email_normalize(self.guardian_id.email or "")
        return (recipients - self.guardian_id).filtered(lambda p: email_normalize(p.email) != asking)

    def _mazpulki_request_confirmation(self):
        """E-mail each guardian on file a link to confirm or decline; a child with none: the office verifies."""
        template = self.env.ref("mazpulki_members.mail_template_guardian_request")
        for link in self.filtered(lambda link: link.state == "pending"):
            link.date_requested = fields.Datetime.now()
            recipients = link._mazpulki_request_recipients()
            for partner in recipients:
                template.with_context(
                    mazpulki_request_url=link._mazpulki_request_url(partner),
                    mazpulki_recipient_name=partner.name,
                    mazpulki_recipient_lang=partner.lang,  # the guardian's language (the suite's: Latvian)
                ).send_mail(
                    link.id,
                    email_layout_xmlid="mail.mail_notification_light",
                    email_values={"email_to": partner.email_formatted, "recipient_ids": []},
                )
            link.member_id.sudo().message_post(
                body=self.env._(
                    "%(adult)s asks to be registered as guardian; awaiting proof. Asked to confirm: %(asked)s.",
                    adult=link.guardian_id.name,
                    asked=", ".join(recipients.mapped("name"))
                    or self.env._("nobody (no guardian on file with an e-mail: the office verifies a document)"),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _mazpulki_request_token(self, partner):
        self.ensure_one()
        return hmac(
            self.env(su=True), REQUEST_SCOPE, (self.id, partner.id, fields.Datetime.to_string(self.date_requested))
        )

    def _mazpulki_request_url(self, partner):
        self.ensure_one()
        return (
            f"{self.get_base_url()}/guardian/request/{self.id}/{partner.id}"
            f"?token={self._mazpulki_request_token(partner)}"
        )

    def _mazpulki_check_request_token(self, partner, token):
        """True when ``token`` is the one e-mailed to ``partner`` for this pending request, and ``partner`` may
        still confirm it."""
        self.ensure_one()
        return bool(
            token
            and self.state == "pending"
            and self.date_requested
            and consteq(self._mazpulki_request_token(partner), token)
            and partner in self._mazpulki_request_recipients()
        )

    def _mazpulki_answer_request(self, partner, confirm, reason=None):
        """``partner`` (a recipient of the request; the route checked the token) confirms or declines."""
        self.ensure_one()
        if self.state != "pending":
            return False
        if confirm:
            self._mazpulki_prove("guardian", confirmed_by_id=partner.id)
            self._mazpulki_invite_guardian()
        else:
            self._mazpulki_remove(
                self.env._("Declined by %(guardian)s: %(reason)s", guardian=partner.name, reason=reason or "-")
            )
        return True

    def _mazpulki_invite_guardian(self):
        """Invite the proved guardian to the portal (Odoo's portal wizard sends the invitation)."""
        self.ensure_one()
        guardian = self.guardian_id.sudo()
        if not email_normalize(guardian.email or "") or guardian.user_ids:
            return False
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [fields.Command.set(guardian.ids)]})
        for wizard_user in wizard.user_ids:
            if wizard_user.email_state == "ok" and not (wizard_user.is_portal or wizard_user.is_internal):
                wizard_user.action_grant_access()
                return True
        return False

    # --- the office's buttons ------------------------------------------------

    def action_mazpulki_verify_document(self):
        self.ensure_one()
        self._mazpulki_check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Verify with a Document"),
            "res_model": "mazpulki.guardian.proof",
            "view_mode": "form",
            "target": "new",
            "context": {"default_link_id": self.id, "default_mode": "verify"},
        }

    def action_mazpulki_remove(self):
        self.ensure_one()
        self._mazpulki_check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Remove Guardian"),
            "res_model": "mazpulki.guardian.proof",
            "view_mode": "form",
            "target": "new",
            "context": {"default_link_id": self.id, "default_mode": "remove"},
        }

    def action_mazpulki_resend_request(self):
        """Ask the guardians on file again (the leader or the office, on a link they may edit)."""
        self.check_access("write")
        # sudo: the request goes to the guardians on file, whom the caller may not read
        self.filtered(lambda link: link.state == "pending").sudo()._mazpulki_request_confirmation()
        return True
