from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize


class PortalWizard(models.TransientModel):
    _inherit = "portal.wizard"

    mazpulki_notice = fields.Text(readonly=True, help="What the wizard did instead of what was asked, and why.")


class PortalWizardUser(models.TransientModel):
    _inherit = "portal.wizard.user"

    @api.depends("email")
    def _compute_email_state(self):
        """A family's shared address keeps the Grant button usable: pressing it says why and what is done."""
        res = super()._compute_email_state()
        for wizard_user in self.filtered(lambda line: line.email_state == "exist" and not line.user_id):
            # sudo: the wizard's user may see the contact but not its guardians or wards
            if wizard_user.partner_id.sudo()._mazpulki_guardians_on_address(wizard_user.email) or (
                wizard_user._mazpulki_ward_on_address()
            ):
                wizard_user.email_state = "ok"
        return res

    def action_grant_access(self):
        """The guardian comes first: a member never gets an account on an address a guardian of theirs uses.

        Such a member's guardian is invited instead (the guardian sees the child's
        membership, projects and events on the portal), and the office is told why.
        A child under 13 needs a guardian's consent first: said before trying.
        """
        self.ensure_one()
        self._mazpulki_check_may_grant()
        # sudo: the wizard's user may see the contact but not its guardians or consents
        partner_sudo = self.partner_id.sudo()
        guardians = partner_sudo._mazpulki_guardians_on_address(self.email)
        if guardians:
            return self._mazpulki_invite_guardian_instead(guardians)
        partner_sudo._mazpulki_check_portal_allowed(UserError)
        return super().action_grant_access()

    def action_invite_again(self):
        self._mazpulki_check_may_grant()
        return super().action_invite_again()

    def _mazpulki_check_may_grant(self):
        """An account that reaches a child's records (a member under 18's own, or a proved guardian's) is given
        by the office, or by the suite's own server code after its proof (an accepted first enrolment, a guardian's
        confirmation); a leader asks the office. The invitation goes to the address on file, which only the office
        changes for these contacts (res.partner's e-mail check)."""
        self.ensure_one()
        if self.env.su or self.env.user.has_group("mazpulki_members.group_mazpulki_officer"):
            return
        # sudo: whoever opens the wizard, the check sees whether the contact is a child or guards one
        partner_sudo = self.partner_id.sudo()
        age = (
            partner_sudo._mazpulki_age_on(fields.Date.context_today(self)) if partner_sudo.is_mazpulki_member else None
        )
        if partner_sudo.ward_ids or (age is not None and age < 18):
            raise UserError(
                self.env._(
                    "Only the office gives portal access to %s: the account reaches a child's records. "
                    "Ask the office.",
                    self.partner_id.name,
                )
            )

    def _assert_user_email_uniqueness(self):
        """A guardian whose address is already a child's login: say so, and what to do."""
        self.ensure_one()
        child = self._mazpulki_ward_on_address()
        if child:
            raise UserError(
                self.env._(
                    "%(email)s is already the login of the portal account of %(child)s, a child of "
                    "%(guardian)s. The guardian comes first: give %(child)s an own e-mail address as login "
                    "(or revoke the child's access), then grant %(guardian)s access.",
                    email=email_normalize(self.email),
                    child=child[0].name,
                    guardian=self.partner_id.name,
                )
            )
        return super()._assert_user_email_uniqueness()

    def _mazpulki_ward_on_address(self):
        """The child (ward) of this contact whose account already has this line's address as login."""
        self.ensure_one()
        login = email_normalize(self.email or "")
        if not login:
            return self.env["res.partner"]
        # sudo: the office is told which child's account holds the address
        holder = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("login", "=", login), ("id", "!=", self.user_id.id)], limit=1)
        )
        return holder.partner_id & self.partner_id.sudo().ward_ids.member_id

    def _mazpulki_invite_guardian_instead(self, guardians):
        """Invite the first guardian on the member's address (unless one has access already); tell the office."""
        self.ensure_one()
        member = self.partner_id
        email = email_normalize(self.email)
        with_access = guardians.filtered("user_ids")
        if with_access:
            notice = self.env._(
                "%(member)s was not given an account: %(email)s is the address of their guardian %(guardian)s, "
                "who already has portal access and sees %(member)s's membership, projects and events there. "
                "For an own account, %(member)s needs an own e-mail address.",
                member=member.name,
                email=email,
                guardian=with_access[0].name,
            )
        else:
            guardian = guardians[0]
            line = self.wizard_id.user_ids.filtered(lambda wizard_user: wizard_user.partner_id == guardian)
            if not line:
                line = self.create({"wizard_id": self.wizard_id.id, "partner_id": guardian.id, "email": guardian.email})
            line.action_grant_access()
            notice = self.env._(
                "%(member)s was not given an account: %(email)s is the address of their guardian %(guardian)s. "
                "%(guardian)s was invited to the portal instead, and sees %(member)s's membership, projects "
                "and events there. For an own account, %(member)s needs an own e-mail address.",
                member=member.name,
                email=email,
                guardian=guardian.name,
            )
        self.wizard_id.mazpulki_notice = notice
        return self.action_refresh_modal()
