from odoo import Command, api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mazpulki_role = fields.Selection(
        selection=[
            ("leader", "Club Leader"),
            ("officer", "Office"),
            ("manager", "Office Manager"),
        ],
        copy=False,
        help="Choosing a role gives the user exactly that role's access rights and home screen, and takes away "
        "any others (including what Odoo's default user template would give a new user).",
    )

    @api.model
    def _mazpulki_role_groups(self):
        """The groups (XML ids) each role is given; their implied groups follow.

        A role holds these groups and nothing else. Upper add-ons add their
        roles and the groups of their apps a role needs.
        """
        return {
            "leader": ["mazpulki_members.group_mazpulki_leader"],
            "officer": ["mazpulki_members.group_mazpulki_officer"],
            "manager": ["mazpulki_members.group_mazpulki_manager"],
        }

    @api.model
    def _mazpulki_role_home_actions(self):
        """The action (XML id) each role lands on after logging in: what waits for them."""
        return {
            "leader": "mazpulki_members.res_partner_action_member",
            "officer": "mazpulki_members.res_partner_action_member",
            "manager": "mazpulki_members.res_partner_action_member",
        }

    @api.constrains("groups_id", "partner_id", "active")
    def _check_mazpulki_minor_portal_access(self):
        portal_users = self.filtered(lambda u: u.active and u.share)
        # sudo: the check must see the member's consents whoever grants the access
        portal_users.partner_id.sudo()._mazpulki_check_portal_allowed()

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users.filtered("mazpulki_role")._mazpulki_apply_role()
        return users

    def write(self, vals):
        # Odoo's modules add groups to the default user template when they are
        # installed, and Odoo then gives them to every internal user; a user
        # with a Mazpulki role keeps the role's groups only.
        template_groups = None
        if "groups_id" in vals and self._apply_groups_to_existing_employees():
            template_groups = self._default_groups()
        res = super().write(vals)
        if vals.get("mazpulki_role"):
            self._mazpulki_apply_role()
        if template_groups is not None:
            added = self._default_groups() - template_groups
            if added:
                role_users = self.sudo().with_context(active_test=False).search([("mazpulki_role", "!=", False)])
                role_users._mazpulki_apply_role(home=False)
        return res

    def _mazpulki_apply_role(self, home=True):
        """Give each user exactly the groups of their role, and the role's home action."""
        role_groups = self._mazpulki_role_groups()
        home_actions = self._mazpulki_role_home_actions()
        for role in set(self.mapped("mazpulki_role")):
            users = self.filtered(lambda u, role=role: u.mazpulki_role == role)
            groups = self.env["res.groups"]
            for xmlid in role_groups.get(role, []):
                groups |= self.env.ref(xmlid)
            vals = {"groups_id": [Command.set(groups.ids)]}
            if home and role in home_actions:
                vals["action_id"] = self.env.ref(home_actions[role]).id
            users.write(vals)

    @api.constrains("login", "groups_id", "partner_id", "active")
    def _check_mazpulki_guardian_address(self):
        # sudo: the check reads the member's guardians whoever creates the account
        for user in self.filtered(lambda u: u.active and u.share).sudo():
            user.partner_id._mazpulki_check_portal_address(user.login)
