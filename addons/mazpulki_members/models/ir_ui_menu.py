from odoo import api, models

# Odoo's apps that every internal user would see, and the groups (any of them)
# a user needs to see them: a club leader, a coordinator or a board member has
# no use for the app store, the accounting dashboards or the website's back end.
MAZPULKI_APP_GROUPS = {
    # base_install_request opens "Apps" to every internal user
    "base.menu_management": ("base.group_system",),
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_root": ("base.group_system", "account.group_account_readonly"),
    "website.menu_website_configuration": ("website.group_website_restricted_editor",),
    # Contacts lists every partner, leaders' and families' e-mails and phones: the
    # office and the accountant (customers, vendors) work there; a club leader, a
    # coordinator, the registration desk and the board reach the people they need
    # through the Mazpulki and Events apps (issue 23). Users outside the suite's
    # roles keep it with Odoo's "Contact Creation" group.
    "contacts.menu_contacts": (
        "mazpulki_members.group_mazpulki_officer",
        "account.group_account_invoice",
        "base.group_partner_manager",
        "base.group_system",
    ),
}


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _visible_menu_ids(self, debug=False):
        visible_ids = super()._visible_menu_ids(debug)
        user = self.env.user
        hidden_ids = set()
        for menu_xmlid, group_xmlids in MAZPULKI_APP_GROUPS.items():
            menu = self.env.ref(menu_xmlid, raise_if_not_found=False)
            if not menu or menu.id not in visible_ids:
                continue
            groups = [xmlid for xmlid in group_xmlids if self.env.ref(xmlid, raise_if_not_found=False)]
            if not any(user.has_group(xmlid) for xmlid in groups):
                hidden_ids.add(menu.id)
        if not hidden_ids:
            return visible_ids
        # the app's menus go with it
        all_menus = self.sudo().with_context(**{"ir.ui.menu.full_list": True})
        hidden_ids |= set(all_menus.search([("id", "child_of", list(hidden_ids))]).ids)
        return visible_ids - hidden_ids
