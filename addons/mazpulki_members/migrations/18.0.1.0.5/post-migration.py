"""Guardianship is proved (18.0.1.0.5).

Every guardian link recorded before proof was required stays a proved guardian, marked ``legacy`` (the office
verifies them again if in doubt); the new ``state`` column was filled with its default, "awaiting proof".
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE mazpulki_guardian
           SET state = 'confirmed', active = TRUE, proof_method = 'legacy',
               date_proved = COALESCE(create_date, NOW() AT TIME ZONE 'UTC')
         WHERE state = 'pending' AND proof_method IS NULL
        """
    )
