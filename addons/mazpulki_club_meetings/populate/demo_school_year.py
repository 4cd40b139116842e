"""A school year of club meetings for the demo clubs, generated (as Odoo's ``populate`` makes data):
weekly meetings from 1 September to 31 May with the school holidays skipped, plausible attendance for
the meetings already past, one member of the Kalnciema club who drifted away and one absence reported
ahead by a mother (Anda Bērziņa) for her son's next meeting. Seeded: the same story on every install."""

import datetime
import random
import uuid

from odoo import api, fields, models

DEMO_TOPICS = [
    "Kartupeļu stādīšanas plāns",
    "Putnu būrīšu gatavošana",
    "Vietējā uzņēmēja apmeklējums",
    "Dabas vērojumi parkā",
    "Projekta pieteikuma rakstīšana",
    "Ziemassvētku tirdziņa gatavošanās",
    "Mazpulku dziesmas un spēles",
    "Atkritumu šķirošanas darbnīca",
    "Robotikas nodarbība",
]
DEMO_HOLIDAYS = [
    ("Rudens brīvdienas", (10, 19), (10, 23)),
    ("Ziemassvētku brīvdienas", (12, 22), (1, 3)),
    ("Pavasara brīvdienas", (3, 15), (3, 19)),
]
DEMO_WEEKDAYS = ["2", "3", "1", "4"]
# the Kalnciema member who stopped coming, by the record's external id
DRIFTER = "mazpulki_members.member_liga_demo"
ABSENT_AHEAD = ("mazpulki_members.member_karlis_berzins_demo", "mazpulki_members.partner_guardian_anda_demo")


class MazpulkiMeetingDemo(models.AbstractModel):
    _name = "mazpulki.meeting.demo"
    _description = "Club Meetings: Demo School Year"

    @api.model
    def _mazpulki_generate_school_year(self):
        """Create the demo school year (once: nothing when the demo clubs have meetings already)."""
        env = self.env(su=True)
        clubs = env["mazpulki.club"].browse(
            data.res_id
            for data in env["ir.model.data"].search(
                [("module", "=", "mazpulki_members"), ("model", "=", "mazpulki.club"), ("name", "like", "%_demo")]
            )
        )
        if not clubs or env["mazpulki.meeting"].search_count([("club_id", "in", clubs.ids)], limit=1):
            return
        today = fields.Date.context_today(self)
        start_year = today.year if today.month >= 9 else today.year - 1
        for name, (m1, d1), (m2, d2) in DEMO_HOLIDAYS:
            first = datetime.date(start_year if m1 >= 9 else start_year + 1, m1, d1)
            last = datetime.date(start_year if m2 >= 9 else start_year + 1, m2, d2)
            env["mazpulki.school.holiday"].create({"name": name, "date_from": first, "date_to": last})
        rng = random.Random(25)
        drifter = env.ref(DRIFTER, raise_if_not_found=False)
        RollCall = env["mazpulki.meeting.roll.call"]
        for index, club in enumerate(clubs.sorted("id")):
            plan = env["mazpulki.meeting.plan"].create(
                {
                    "club_id": club.id,
                    "weekday": DEMO_WEEKDAYS[index % len(DEMO_WEEKDAYS)],
                    "hour": 15.0 + (index % 3) * 0.5,
                    "place": club.host_partner_id.name or club.municipality or club.name,
                    "date_from": datetime.date(start_year, 9, 1),
                    "date_until": datetime.date(start_year + 1, 5, 31),
                }
            )
            days = plan._mazpulki_days()
            if club == (drifter and drifter.mazpulki_club_id) and today not in days:
                days = sorted([*days, today])  # the Kalnciema club meets today too: Ilze's roll call
            meetings = env["mazpulki.meeting"].create(
                [
                    {
                        **plan._mazpulki_meeting_values(day),
                        "topic": DEMO_TOPICS[(n + index) % len(DEMO_TOPICS)],
                        "priority_area": rng.choice([False, "citizen_science", "environmental_education"]),
                    }
                    for n, day in enumerate(days)
                ]
            )
            members = env["res.partner"].search([("mazpulki_club_id", "=", club.id), ("is_mazpulki_member", "=", True)])
            keen = {member.id: rng.uniform(0.55, 0.95) for member in members}
            past = meetings.filtered(lambda m: m.day < today).sorted("date_begin")
            for position, meeting in enumerate(past):
                marks = []
                for member in members:
                    if member == drifter and position >= len(past) - 5:
                        state = "absent"
                    elif rng.random() < keen[member.id]:
                        state = "present"
                    else:
                        state = rng.choice(["absent", "absent", "excused"])
                    marks.append({"member_id": member.id, "state": state})
                RollCall.mazpulki_save(
                    meeting.id, marks, str(uuid.UUID(int=rng.getrandbits(128))), made_at=meeting.date_begin
                )
        member, guardian = (env.ref(xmlid, raise_if_not_found=False) for xmlid in ABSENT_AHEAD)
        if member and guardian:
            meeting = env["mazpulki.meeting"].search(
                [("club_id", "=", member.mazpulki_club_id.id), ("state", "=", "planned"), ("day", ">", today)],
                order="date_begin",
                limit=1,
            )
            if meeting:
                env["mazpulki.meeting.attendance"].create(
                    {
                        "meeting_id": meeting.id,
                        "member_id": member.id,
                        "state": "excused",
                        "source": "portal",
                        "reported_by_id": guardian.id,
                        "reason": "Slimo ar gripu",
                        "date_reported": fields.Datetime.now(),
                    }
                )
