"""Guardians' privacy and an invitation-only portal (18.0.1.0.1).

The contact rules changed. They are noupdate data, which an update leaves
alone; they are deleted here so that the update creates them anew from
security/mazpulki_security.xml. The portal's public sign-up is closed, as a
new install has it.
"""

from odoo.tools import SQL

RECREATED_RULES = ("res_partner_rule_member_internal", "res_partner_rule_member_leader")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "DELETE FROM ir_rule WHERE id IN (SELECT res_id FROM ir_model_data "
            "WHERE module = 'mazpulki_members' AND model = 'ir.rule' AND name IN %s)",
            RECREATED_RULES,
        )
    )
    cr.execute(
        SQL(
            "DELETE FROM ir_model_data WHERE module = 'mazpulki_members' AND model = 'ir.rule' AND name IN %s",
            RECREATED_RULES,
        )
    )
    cr.execute(
        SQL(
            "UPDATE ir_config_parameter SET value = 'b2b' WHERE key = 'auth_signup.invitation_scope'",
        )
    )
