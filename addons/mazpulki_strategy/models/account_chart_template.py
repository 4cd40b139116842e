from odoo import api, models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @api.model
    def _mazpulki_demo_ensure_chart(self):
        """Demo data only: load the generic chart of accounts now if the company has none yet.

        When ``account`` is installed in the same run as this demo, Odoo loads
        the company's chart at the very end of the run, and loading a chart on a
        company with demo data deletes every journal entry, journal and account
        made before it: the demo's funding entries would be gone. Loaded first,
        the end-of-run loading finds the same chart and keeps them.
        """
        company = self.env.company
        if not company.chart_template:
            self.try_loading("generic_coa", company)
