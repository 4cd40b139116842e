from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Evidence uploaded on a new entry belonged to no record: attach it to its entry."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["mazpulki.strategy.entry"].with_context(active_test=False).search([])._link_evidence()
