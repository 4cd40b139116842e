"""Odoo's tickets at the offline desk (18.0.1.0.3).

Offline desk scans now say what was scanned (``kind``: a member's card or Odoo's
ticket). The scans synced before were all of members' cards: those the server
recognised get ``card``; unknown codes stay empty.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE mazpulki_event_desk_scan SET kind = 'card' WHERE kind IS NULL AND status != 'mazpulki_unknown_card'"
    )
