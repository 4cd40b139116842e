"""The record rules read the user's day (18.0.1.0.4).

The rules that date a leadership, a membership or a coordinator's term read
``mazpulki_today`` (the day in the user's time zone, kept per day in Odoo's
cache) instead of the server's UTC day frozen in that cache. They are noupdate
data: the stored domains are rewritten here.
"""

from odoo.addons.mazpulki_members.models.ir_rule import use_local_day_in_rules


def migrate(cr, version):
    if version:
        use_local_day_in_rules(cr, "mazpulki_members")
