import logging

import psycopg2

from odoo import Command, api, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @api.model
    def _mazpulki_demo_load_latvian_chart(self):
        """Demo data only: the company keeps Latvian books (l10n_lv, euros) before the funding entries.

        When ``account`` is installed in the same run as this demo, Odoo loads
        the chart it guesses for the company at the very end of the run, and
        loading a chart on a company with demo data deletes every journal
        entry, journal and account made before it: the demo's funding entries
        would be gone. Loaded here first, with the company in Latvia, it is in
        euros; Odoo's demo invoices of the chart are not loaded (the demo holds
        the organisation's own books only).
        """
        company = self.env.company
        latvia = self.env.ref("base.lv")
        if company.country_id != latvia or company.state_id:
            company.write({"country_id": latvia.id, "state_id": False})
        if company.chart_template != "lv":
            self.try_loading("lv", company, install_demo=False)
        # the journals' names ("Klientu rēķini") in the languages installed before the chart
        self._load_translations(companies=company)
        # The end-of-run loading guessed its chart before the company was in Latvia
        # (the generic one): loaded over Latvia's, it would delete the entries below.
        registry = self.env.registry
        if hasattr(registry, "_auto_install_template"):
            del registry._auto_install_template

    @api.model
    def _mazpulki_demo_remove_samples(self):
        """Demo data only: Odoo's sample invoices and the sample company of Latvia's chart removed.

        ``l10n_lv``'s demo adds a company "LV Company" with Odoo's sample invoices
        of the chart; the suite's demo keeps only the organisation's own books.
        """
        Data = self.env["ir.model.data"]
        moves = Data._mazpulki_demo_samples("account.move", ("account", "l10n_lv"))
        company = self.env.ref("base.demo_company_lv", raise_if_not_found=False)
        Move = self.env["account.move"].sudo().with_context(active_test=False)
        if company:
            moves |= Move.search([("company_id", "=", company.id)])
        moves = moves.sudo()
        try:
            with self.env.cr.savepoint():
                moves.filtered(lambda move: move.state == "posted").button_draft()
                moves.with_context(force_delete=True).unlink()
        except (UserError, ValidationError, psycopg2.Error) as error:
            # Kept, they stay out of sight with their archived company.
            _logger.warning("Odoo's sample journal entries kept: %s", error)
        Data._mazpulki_demo_archive_sample_partners(("account", "l10n_lv"))
        # Odoo's sample products stay: the demo data of Odoo's Sales apps, installed later beside the
        # suite (paid event tickets), builds its quotation templates on them and fails without them.
        if company:
            users = self.env["res.users"].with_context(active_test=False).search([("company_ids", "in", company.id)])
            for user in users:
                if user.company_id == company:
                    user.company_id = self.env.ref("base.main_company")
            users.write({"company_ids": [Command.unlink(company.id)]})
            company.partner_id.active = False
            company.active = False
