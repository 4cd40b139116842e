"""18.0.1.0.1: M2 and M2.1 read as yes/no targets; entered values own their evidence files."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    # M2 and M2.1 are yes/no targets: the platform is used (at least one application, one report). Their
    # yearly target was 1 "at least", which the board showed as "419 / 1". The targets are data with
    # noupdate, so an existing database gets the comparison here; a new one from the data file.
    cr.execute(
        """
        UPDATE mazpulki_strategy_target
           SET comparison = 'yes_no'
         WHERE id IN (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'mazpulki_strategy' AND model = 'mazpulki.strategy.target'
                   AND name IN ('target_m2', 'target_m2_1')
               )
           AND comparison = 'at_least'
        """
    )
    # Evidence uploaded on a new entry belonged to no record: attach it to its entry.
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["mazpulki.strategy.entry"].with_context(active_test=False).search([])._link_evidence()
