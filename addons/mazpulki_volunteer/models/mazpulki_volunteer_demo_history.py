"""Demo history: the volunteers of 2021–2025, their approved hours and the yearly awards.

A first group of volunteers started before 2021; new ones join every year (few
in 2021, the covid year), some stop. Their hours were logged and approved by
the coordinator in their own year, and each year's award campaigns granted the
motivation prize and "Izauguši Latvijai". Deterministic: the same board on every run.
"""

import datetime
import random

from odoo import Command, fields

HISTORY_YEARS = (2021, 2022, 2023, 2024, 2025)
# Volunteers who started before the strategy, then the new ones of each year.
HISTORY_FIRST_GROUP = 20
HISTORY_NEW = {2021: 4, 2022: 7, 2023: 9, 2024: 11, 2025: 8}
# Awards granted per year: the motivation prize, "Izauguši Latvijai" (nominated first).
HISTORY_PRIZES = {2021: 14, 2022: 18, 2023: 21, 2024: 23, 2025: 20}
HISTORY_IZAUGUSI = {2021: 3, 2022: 4, 2023: 5, 2024: 6, 2025: 5}

HISTORY_TEAMS = [
    ("Kurzemes brīvprātīgie", "region_kurzeme"),
    ("Latgales talcinieki", "region_latgale"),
    ("Vidzemes nometņu palīgi", "region_vidzeme"),
    ("Zemgales jaunieši", "region_zemgale"),
]
HISTORY_ADULTS = [
    "Agris Lūsis",
    "Anita Kļaviņa",
    "Dainis Rubenis",
    "Gunta Leimane",
    "Ivars Vanags",
    "Jolanta Ziediņa",
    "Kaspars Upenieks",
    "Lelde Kronberga",
    "Māris Briedis",
    "Natālija Ivanova",
    "Oskars Kalējs",
    "Rita Pūce",
    "Sandis Ķiploks",
    "Solvita Dreimane",
    "Uģis Zālītis",
    "Vineta Bērziņa",
    "Aivars Cīrulis",
    "Evita Sniedze",
    "Guntis Muižnieks",
    "Ieva Dūmiņa",
    "Juris Kalniņš",
    "Kristaps Birznieks",
    "Liene Ābele",
    "Marika Osīte",
    "Raivis Strazds",
    "Signe Akmentiņa",
    "Valters Ozoliņš",
    "Zanda Mežale",
]
HISTORY_DESCRIPTIONS = {
    "event": ["Reģistrācija salidojumā", "Palīdzība projektu forumā", "Foto sporta spēlēs"],
    "talka": ["Lielā talka pagastā", "Skolas dārza sakopšana", "Koku stādīšana"],
    "office": ["Pasta sūtījumu sagatavošana", "Dalībnieku anketu ievade", "Avīzes “Mazpulks” izsūtīšana"],
    "mentoring": ["Jauno mazpulcēnu projektu konsultācijas", "Mentora tikšanās"],
    "camp": ["Nometnes virtuve", "Nometnes naktssardze", "Nometnes darbnīcu vadīšana"],
}
# How much a volunteer gives in a year: (days, hours a day). One in five gives 100 hours and
# more, most 40 to 100 (the motivation prize asks for 40), some a few days only.
TIER_HIGH, TIER_MEDIUM, TIER_LOW = ((20, 30), (5, 8)), ((12, 18), (3, 6)), ((3, 7), (2, 5))
TIERS = [TIER_HIGH, TIER_MEDIUM, TIER_MEDIUM, TIER_LOW, TIER_MEDIUM]


def create_demo_history(self):
    """Volunteers, approved hours and awards of 2021–2025; ``self`` is the ``mazpulki.volunteer`` model."""
    env = self.env
    context = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    Line = env["account.analytic.line"].with_context(**context)
    if Line.search_count(
        [("mazpulki_volunteer_id", "!=", False), ("date", ">=", "2021-01-01"), ("date", "<", "2022-01-01")], limit=1
    ):
        return self.browse()  # already there: demo files load again on every update
    rng = random.Random(2021)
    coordinator = env.ref("mazpulki_volunteer.user_coordinator_aiga_demo")
    teams = env["mazpulki.volunteer.team"].create(
        [
            {
                "name": name,
                "region_id": env.ref(f"mazpulki_members.{region}").id,
                "coordinator_ids": [Command.set(coordinator.ids)],
            }
            for name, region in HISTORY_TEAMS
        ]
    )
    teams |= env.ref("mazpulki_volunteer.team_riga_demo")
    # Half are members old enough (15 in their first year), half adults: parents, former members, teachers.
    members = env["res.partner"].search(
        [("is_mazpulki_member", "=", True), ("birthdate_date", "!=", False), ("mazpulki_volunteer_ids", "=", False)],
        order="id",
    )
    members = rng.sample(list(members), len(members))
    starts = [(2020, HISTORY_FIRST_GROUP)] + [(year, HISTORY_NEW[year]) for year in HISTORY_YEARS]
    adults = list(
        env["res.partner"].create([{"name": name, "country_id": env.ref("base.lv").id} for name in HISTORY_ADULTS])
    )
    skills = env["mazpulki.volunteer.skill"].search([])
    vals_list = []
    for start_year, count in starts:
        for _n in range(count):
            start = datetime.date(start_year, rng.randint(1, 9), rng.randint(1, 28))
            partner = None
            if rng.random() < 0.5 or not adults:
                partner = next((m for m in members if (m._mazpulki_age_on(start) or 0) >= 15), None)
                if partner:
                    members.remove(partner)
            partner = partner or (adults.pop() if adults else None)
            if not partner:
                break
            vals_list.append(
                {
                    "partner_id": partner.id,
                    "team_id": rng.choice(teams).id,
                    "coordinator_id": coordinator.id,
                    "date_start": start,
                    "skill_ids": [Command.set(rng.sample(skills.ids, k=min(len(skills), rng.randint(0, 2))))],
                    "availability": rng.choice(["Nedēļas nogalēs", "Vakaros", "Vasarā", "Skolēnu brīvdienās"]),
                }
            )
    volunteers = self.with_context(**context).create(vals_list)

    # Hours, year by year, approved by the coordinator a few days later.
    today = fields.Date.context_today(self)
    activities = env["mazpulki.volunteer.activity"].search([])
    lines = []
    for index, volunteer in enumerate(volunteers):
        tier = TIERS[index % len(TIERS)]
        for year in range(volunteer.date_start.year, HISTORY_YEARS[-1] + 1):
            if year > volunteer.date_start.year and rng.random() < 0.08:
                break  # stopped volunteering
            first = max(volunteer.date_start, datetime.date(year, 1, 1))
            span = (min(datetime.date(year, 12, 31), today) - first).days
            if span < 1:
                continue
            days = min(span, rng.randint(*tier[0]) if year > volunteer.date_start.year else rng.randint(3, 8))
            for offset in sorted(rng.sample(range(span), days)):
                day = first + datetime.timedelta(days=offset)
                activity = rng.choice(activities)
                lines.append(
                    {
                        "mazpulki_volunteer_id": volunteer.id,
                        "mazpulki_activity_id": activity.id,
                        "name": rng.choice(HISTORY_DESCRIPTIONS.get(activity.code) or [activity.name]),
                        "date": day,
                        "unit_amount": rng.randint(*tier[1]),
                        "volunteer_state": "approved",
                        "mazpulki_approver_id": coordinator.id,
                        "mazpulki_date_approved": min(day + datetime.timedelta(days=rng.randint(2, 14)), today),
                    }
                )
    Line.create(lines)

    # The award campaigns of each year: the prize to the most dedicated, "Izauguši Latvijai" to the nominated.
    Campaign = env["mazpulki.volunteer.award.campaign"].with_context(**context)
    for year in HISTORY_YEARS:
        for xmlid, count in (
            ("award_type_prize", HISTORY_PRIZES[year]),
            ("award_type_izaugusi", HISTORY_IZAUGUSI[year]),
        ):
            award_type = env.ref(f"mazpulki_volunteer.{xmlid}")
            campaign = Campaign.create({"award_type_id": award_type.id, "year": year})
            campaign.action_compute_candidates()
            chosen = campaign.candidate_ids.sorted(lambda c: (-c.hours, c.id))[:count]
            if award_type.needs_nomination:
                chosen.write(
                    {
                        "is_nominated": True,
                        "nomination_note": "Ilggadējs mazpulcēns, kas palīdz nometnēs un talkās un iedvesmo jaunākos.",
                    }
                )
            chosen.action_grant()
            chosen.award_id.write({"date": datetime.date(year, 12, 6)})
            campaign.action_close()
    return volunteers
