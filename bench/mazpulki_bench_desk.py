"""What the registration-desk benchmarks share (bench/mazpulki_events.py, bench/mazpulki_desk_offline.py).

Those scripts run inside `odoo-bin shell` from standard input; their shell scripts
(bench/events, bench/desk_offline) put bench/ on PYTHONPATH so that they import this.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields

# No chatter, tracking or followers on the fixture's records: they are not what is measured.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}


def desk_fixture(env, size, *, club_number, event_name, member_name, age, registered, desk_login, **event_vals):
    """A club of ``size`` members (``member_name % n``, ``age(n)`` years old), an event on now, a desk user.

    The first ``registered`` members are registered for the event. Returns
    ``(members, event, registrations, desk)``; ``event_vals`` adds to the event's values.
    """
    today = date.today()
    now = fields.Datetime.now()
    region = env["mazpulki.region"].search([], limit=1)
    club = (
        env["mazpulki.club"]
        .with_context(**QUIET)
        .create({"name": "Mērījumu mazpulks", "number": club_number, "region_id": region.id})
    )
    members = (
        env["res.partner"]
        .with_context(**QUIET)
        .create(
            [
                {
                    "name": member_name % n,
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": club.id,
                    "birthdate_date": today - relativedelta(years=age(n)),
                }
                for n in range(size)
            ]
        )
    )
    event = env["event.event"].create(
        {
            "name": event_name,
            "mazpulki_category": "camp",
            "date_begin": now - timedelta(hours=1),
            "date_end": now + timedelta(days=2),
            "date_tz": "Europe/Riga",
            "mazpulki_guardian_approval": False,
            "event_mail_ids": [fields.Command.clear()],
            **event_vals,
        }
    )
    registrations = (
        env["event.registration"]
        .with_context(**QUIET)
        .create([{"event_id": event.id, "partner_id": member.id} for member in members[:registered]])
    )
    desk = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Reģistrācijas galds",
                "login": desk_login,
                "password": f"{desk_login}_pw",
                "groups_id": [fields.Command.set([env.ref("mazpulki_events.group_mazpulki_event_desk").id])],
            }
        )
    )
    return members, event, registrations, desk
