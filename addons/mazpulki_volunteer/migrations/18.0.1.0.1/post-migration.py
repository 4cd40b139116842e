"""Portal users write nothing through RPC; every volunteer line has a state (18.0.1.0.1).

The portal's write rule on volunteer hours is noupdate data, which an update
leaves alone: it is deleted here (the ACL that it served is gone; the portal
logs and withdraws hours through its /my routes). Volunteer lines made in the
back office before every way of making one gave a state await approval.
"""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "DELETE FROM ir_rule WHERE id IN (SELECT res_id FROM ir_model_data "
            "WHERE module = 'mazpulki_volunteer' AND model = 'ir.rule' AND name = %s)",
            "account_analytic_line_rule_volunteer_portal_write",
        )
    )
    cr.execute(
        SQL(
            "DELETE FROM ir_model_data WHERE module = 'mazpulki_volunteer' AND model = 'ir.rule' AND name = %s",
            "account_analytic_line_rule_volunteer_portal_write",
        )
    )
    cr.execute(
        SQL(
            "UPDATE account_analytic_line SET volunteer_state = 'submitted' "
            "WHERE mazpulki_volunteer_id IS NOT NULL AND volunteer_state IS NULL"
        )
    )
