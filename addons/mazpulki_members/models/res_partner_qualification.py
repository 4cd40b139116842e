from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    mazpulki_qualification_ids = fields.One2many("mazpulki.qualification", "partner_id", string="Qualifications")
    mazpulki_qualification_override_ids = fields.One2many(
        "mazpulki.qualification.override", "partner_id", string="Qualification Overrides"
    )
    # the managers' only: no one else may read, search or group partners by a check (or its result)
    mazpulki_background_check_ids = fields.One2many(
        "mazpulki.background.check",
        "partner_id",
        string="Background Checks",
        groups="mazpulki_members.group_mazpulki_manager",
    )
    mazpulki_qualification_alert = fields.Char(
        string="Qualification Alert",
        compute="_compute_mazpulki_qualification_alert",
        help="The club leader's required qualifications that are missing, expired or due.",
    )

    @api.depends_context("uid")
    def _compute_mazpulki_qualification_alert(self):
        role = self.env.ref("mazpulki_members.qualification_role_club_leader", raise_if_not_found=False)
        today = fields.Date.context_today(self)
        leaders = self.filtered("mazpulki_leader_ids")
        gaps = role._mazpulki_gaps(leaders, today) if role and leaders else {}
        for partner in self:
            partner.mazpulki_qualification_alert = (
                partner._mazpulki_describe_gaps(gaps[partner.id]) if partner.id in gaps else False
            )

    @api.model
    def action_mazpulki_my_qualifications(self):
        """The user's own page: their qualifications, what is due (and, with events, their training hours)."""
        if not self.env.user.has_group("mazpulki_members.group_mazpulki_leader"):
            raise AccessError(self.env._("Only club leaders and the office have a qualifications page."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Qualifications"),
            "res_model": "res.partner",
            "res_id": self.env.user.partner_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("mazpulki_members.res_partner_view_form_qualification_mine").id, "form")],
            "target": "current",
        }

    def action_mazpulki_qualification_override(self):
        """The office's dialog to let this person take a role without the qualifications (with a reason)."""
        self.ensure_one()
        self.env["mazpulki.qualification.override"].check_access("create")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mazpulki.qualification.override",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def _mazpulki_check_role_qualification(self, role, on_date=None):
        """Refuse (``UserError``) a person who lacks a valid qualification ``role`` requires on ``on_date``.

        ``role``: a ``mazpulki.qualification.role`` record, or its XML id (e.g.
        ``"mazpulki_members.qualification_role_camp_staff"``). ``on_date``: a date (default today). Each
        partner of ``self`` needs, for every kind the role requires, a qualification obtained by that day
        and valid on it (a grace period does not count), unless the office granted an active override of
        the role (``mazpulki.qualification.override``). The message names the person, the role and each
        missing or expired qualification (in the user's language). Returns ``True`` when all may take it.
        Callers: club leaders (``mazpulki.club.leader``), the registration desk (``mazpulki_events``),
        shifts with minors (``mazpulki_volunteer``); camp staff roles call it the same way.
        """
        if isinstance(role, str):
            role = self.env.ref(role)
        role.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        # sudo: the office (or the desk's manager) assigns roles to people whose records it may not all read
        gaps = role.sudo()._mazpulki_gaps(self, on_date)
        if gaps:
            partner = self.browse(next(iter(gaps)))
            raise UserError(
                self.env._(
                    "%(person)s cannot be %(role)s: %(missing)s. The office can record the qualification, or "
                    "grant an override with a reason.",
                    person=partner.name,
                    role=role.name,
                    missing=partner._mazpulki_describe_gaps(gaps[partner.id]),
                )
            )
        return True

    def _mazpulki_describe_gaps(self, gaps):
        """``[(kind, latest qualification or empty)]`` as a sentence part: "First aid (expired on ...)"."""
        parts = []
        for kind, qualification in gaps:
            if qualification and qualification.date_valid_until:
                parts.append(
                    self.env._(
                        "%(kind)s (expired on %(date)s)",
                        kind=kind.name,
                        date=qualification.date_valid_until.strftime("%d.%m.%Y"),
                    )
                )
            else:
                parts.append(self.env._("%s (missing)", kind.name))
        return ", ".join(parts)

    @api.model
    def _mazpulki_training_hours(self, partner_ids, date_from, date_to):
        """``{partner_id: [(date, hours)]}``: the qualifying training each person attended between the days.

        In date order, both days included; hours as a float. Here nothing (the registry holds no
        training); ``mazpulki_events`` answers from attendance at events with qualification hours, and
        qualifications that renew by training read it (``mazpulki.qualification._mazpulki_renew_by_training``).
        """
        return {}


class ResPartnerRetention(models.Model):
    """Anonymisation: a person's qualifications, overrides and background checks are deleted with them."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _mazpulki_erasure_coverage(self):
        return {
            **super()._mazpulki_erasure_coverage(),
            "mazpulki.qualification": "kept without the office's reference, for the closed years' figures "
            "(the person is anonymised); their chatter and to-dos deleted",
            "mazpulki.qualification.override": "deleted",
            "mazpulki.background.check": "deleted, with the certificate and the read log",
        }

    def _mazpulki_erase_personal_data(self):
        self._mazpulki_erasure_check()
        if self:
            # sudo: the anonymisation runs as superuser already (checked above); the ORM removes files and logs
            qualifications = self.env["mazpulki.qualification"].sudo().search([("partner_id", "in", self.ids)])
            self._mazpulki_erasure_drop_threads({"mazpulki.qualification": qualifications.ids})
            # kept, as memberships are: the closed years' figures (leaders fully qualified, L2) read the same
            # after an anonymisation; the kind and dates of an anonymised person say nothing about anyone
            qualifications.with_context(tracking_disable=True).write({"reference": False})
            Override = self.env["mazpulki.qualification.override"].sudo().with_context(active_test=False)
            Override.search([("partner_id", "in", self.ids)]).unlink()
            # the check, its certificate and read log go; the qualification it gave stays bare, as the others
            Check = self.env["mazpulki.background.check"].sudo().with_context(mazpulki_keep_qualification=True)
            Check.search([("partner_id", "in", self.ids)]).unlink()
        return super()._mazpulki_erase_personal_data()
