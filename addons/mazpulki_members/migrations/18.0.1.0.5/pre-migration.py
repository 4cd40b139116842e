"""Guardianship is proved (18.0.1.0.5).

Every guardian link recorded before proof was required stays a proved guardian, marked ``legacy`` (the office
verifies them again if in doubt). Done before the module's data loads, so that a link made during the update
(demo data, say) keeps its own state: the columns are added here, and the ORM finds them there.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE mazpulki_guardian
            ADD COLUMN IF NOT EXISTS state varchar,
            ADD COLUMN IF NOT EXISTS active boolean,
            ADD COLUMN IF NOT EXISTS proof_method varchar,
            ADD COLUMN IF NOT EXISTS date_proved timestamp
        """
    )
    cr.execute(
        """
        UPDATE mazpulki_guardian
           SET state = 'confirmed', active = TRUE, proof_method = 'legacy',
               date_proved = COALESCE(create_date, NOW() AT TIME ZONE 'UTC')
         WHERE state IS NULL
        """
    )
