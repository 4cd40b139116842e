"""Demo history: the events of 2021–2025 with their registrations and attendance.

What the strategy board counts for those years: the all-Latvia camps, national
and regional events, priority-area seminars, the members' council, leader
trainings and exchange trips, volunteer trainings and team building. Fewer
events in 2021 (the covid year), growing later. Past events hold no mail
schedulers and their registrations were attended on the day. Deterministic.
"""

import datetime
import random

from odoo import Command

HISTORY_YEARS = (2021, 2022, 2023, 2024, 2025)

# The all-Latvia camp of each year: (place, region, distinct participants).
HISTORY_CAMPS = {
    2021: ("Lielvārde", "region_vidzeme", 182),
    2022: ("Kalsnava", "region_vidzeme", 268),
    2023: ("Jaunpiebalga", "region_vidzeme", 306),
    2024: ("Aglona", "region_latgale", 322),
    2025: ("Kandava", "region_kurzeme", 321),
}

NATIONAL_EVENTS = [
    ("Mazpulku salidojums", (2, 14)),
    ("Mazpulku sporta spēles Bauskā", (5, 21)),
    ("Projektu forums Jelgavā", (10, 9)),
    ("Rudens pārgājiens Gaujas senlejā", (11, 6)),
    ("Mazpulku Ziemassvētku koncerts Rīgā", (12, 14)),
]
HISTORY_NATIONAL = {
    2021: [0, 2, 3],
    2022: [0, 1, 2, 3],
    2023: [0, 1, 2, 3, 4],
    2024: [0, 1, 2, 3],
    2025: [0, 1, 2, 3, 4],
}

REGIONAL_EVENTS = [
    ("Kurzemes mazpulku diena Kuldīgā", (4, 17), "region_kurzeme"),
    ("Latgales mazpulku diena Rēzeknē", (5, 8), "region_latgale"),
    ("Zemgales mazpulku diena Bauskā", (9, 18), "region_zemgale"),
    ("Vidzemes mazpulku diena Cēsīs", (9, 25), "region_vidzeme"),
]
HISTORY_REGIONAL = {2021: [0, 1], 2022: [0, 1, 2], 2023: [0, 1, 2, 3], 2024: [0, 1, 2, 3], 2025: [0, 2, 3]}

SEMINARS = {
    "rural_entrepreneurship": ["Seminārs “No idejas līdz lauku uzņēmumam”", "Darbnīca “Mana pirmā biznesa ideja”"],
    "citizen_science": ["Seminārs “Dabas novērojumi un dati”", "Putnu vērošanas darbnīca Engurē"],
    "environmental_education": ["Seminārs “Ūdens – dzīvības avots”", "Meža dienas darbnīca Tērvetē"],
    "responsible_consumption": ["Seminārs “Gudrs patērētājs”", "Darbnīca “Salabo, nevis izmet”"],
    "modern_technologies": ["Robotikas darbnīca Jelgavā", "Seminārs “Droni lauksaimniecībā”"],
    "civic_participation": ["Seminārs “Jaunietis savā pagastā”", "Debašu darbnīca “Mana balss”"],
    "rural_development": ["Seminārs “Dzīvot laukos”", "Darbnīca “Mans pagasts pēc desmit gadiem”"],
}
# Seminars per priority area and year: the board counts the areas with at least two.
HISTORY_SEMINARS = {
    2021: {"rural_entrepreneurship": 2, "citizen_science": 2, "environmental_education": 1},
    2022: {"rural_entrepreneurship": 2, "citizen_science": 2, "environmental_education": 2},
    2023: {"rural_entrepreneurship": 2, "responsible_consumption": 2, "citizen_science": 2, "modern_technologies": 1},
    2024: {"rural_entrepreneurship": 2, "modern_technologies": 2, "civic_participation": 2, "citizen_science": 2},
    2025: {"rural_entrepreneurship": 2, "responsible_consumption": 2, "citizen_science": 2, "rural_development": 1},
}

RECRUITMENT_EVENTS = [
    ("Mazpulku festivāls ar darbnīcām Ādažos", "region_riga"),
    ("Atvērto durvju diena Smiltenes mazpulkā", "region_vidzeme"),
    ("Mazpulku diena Viļānu tirgus laukumā", "region_latgale"),
]
INFO_EVENTS = [
    "Informatīvā diena par Erasmus+ iespējām",
    "Eiropas Solidaritātes korpuss: tikšanās ar brīvprātīgajiem",
    "Tiešsaistes tikšanās ar 4-H Norway jauniešiem",
]
INTERNATIONAL_EVENTS = [
    ("Jauniešu apmaiņa “4-H Estonia” Pērnavā", "international"),
    ("Erasmus+ jauniešu apmaiņa Birštonā", "exchange_international"),
    ("Rural Youth Europe vasaras nometne Somijā", "international"),
    ("Ziemeļvalstu un Baltijas jauniešu forums Zviedrijā", "international"),
]
# Distinct members in international activities, and how many activities there were.
HISTORY_INTERNATIONAL = {2021: (14, 1), 2022: (33, 2), 2023: (47, 3), 2024: (56, 3), 2025: (52, 4)}
HISTORY_COUNCIL = {2021: (9, 1), 2022: (7, 1), 2023: (6, 2), 2024: (5, 1), 2025: (6, 2)}
HISTORY_RECRUITMENT = {2021: 1, 2022: 2, 2023: 3, 2024: 2, 2025: 3}
HISTORY_INFO = {2021: 2, 2022: 2, 2023: 3, 2024: 2, 2025: 3}
# Leaders' trainings: professional-development seminars (hours each) and new-leader seminars.
HISTORY_PD_SEMINARS = {
    2021: [4, 6, 4],
    2022: [6, 4, 4, 6],
    2023: [8, 4, 6, 4],
    2024: [6, 6, 4, 8, 4],
    2025: [8, 6, 4, 6],
}
PD_SEMINARS = [
    "Vadītāju kvalifikācijas kursi “Projektu metode”",
    "Seminārs vadītājiem “Neformālā izglītība praksē”",
    "Vadītāju seminārs “Pirmā palīdzība nometnē”",
    "Seminārs vadītājiem “Bērnu tiesību aizsardzība”",
    "Vadītāju seminārs “Digitālie rīki mazpulkā”",
]
HISTORY_NEW_LEADER = {2021: 1, 2022: 1, 2023: 1, 2024: 2, 2025: 1}
EXCHANGE_DOMESTIC = ["Vadītāju pieredzes brauciens uz Latgali", "Vadītāju pieredzes brauciens uz Kurzemi"]
HISTORY_EXCHANGE_DOMESTIC = {2021: 1, 2022: 1, 2023: 2, 2024: 1, 2025: 1}
EXCHANGE_INTERNATIONAL = [
    "Vadītāju pieredzes brauciens pie 4-H Estonia",
    "Vadītāju pieredzes brauciens uz Lietuvu (Jaunųjų ūkininkų ratelis)",
    "Vadītāju pieredzes brauciens uz 4H Suomi",
    "Vadītāju pieredzes brauciens uz Norvēģijas 4H",
    "Vadītāju pieredzes brauciens uz 4-H Estonia Tartu",
]
# Volunteer trainings (distinct people trained, trainings) and team-building activities.
HISTORY_VOLUNTEER_TRAINING = {2021: (14, 1), 2022: (19, 1), 2023: (24, 2), 2024: (27, 2), 2025: (23, 2)}
VOLUNTEER_TRAININGS = ["Brīvprātīgo mācības “Izauguši Latvijai”", "Brīvprātīgo mācības “Nometnes palīgs”"]
HISTORY_TEAM_BUILDING = {2021: 1, 2022: 3, 2023: 3, 2024: 4, 2025: 3}
TEAM_BUILDING = [
    "Komandas saliedēšana pie Raiskuma ezera",
    "Laivu brauciens pa Gauju",
    "Piedzīvojumu parks Siguldā",
    "Orientēšanās Ķemeru nacionālajā parkā",
]


class _YearPlan:
    """The events of one year to create, each with the people who attended it."""

    def __init__(self, env, year, done_stage):
        self.env = env
        self.year = year
        self.done_stage = done_stage
        self.events = []  # (vals, attendees)

    def add(self, category, name, month_day, days=0, region=None, attendees=(), **extra):
        begin = datetime.datetime(self.year, *month_day, 7, 0)
        vals = {
            "name": name,
            "event_type_id": self.env.ref(f"mazpulki_events.event_type_{category}").id,
            "mazpulki_category": category,
            "date_begin": begin,
            "date_end": begin + datetime.timedelta(days=days, hours=8),
            "date_tz": "Europe/Riga",
            "mazpulki_region_id": self.env.ref(f"mazpulki_members.{region}").id if region else False,
            # a past event sends nothing: no mail schedulers
            "event_mail_ids": [Command.clear()],
            **extra,
        }
        if self.done_stage:
            vals["stage_id"] = self.done_stage.id
        self.events.append((vals, list(attendees)))


def create_demo_history(self):
    """The events of 2021–2025; ``self`` is the ``event.event`` model."""
    env = self.env
    Event = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
    if Event.search_count(
        [("mazpulki_category", "!=", False), ("date_begin", ">=", "2021-01-01"), ("date_begin", "<", "2026-01-01")],
        limit=1,
    ):
        return Event  # already there: demo files load again on every update
    rng = random.Random(2021)
    members = env["res.partner"].search(
        [("is_mazpulki_member", "=", True), ("birthdate_date", "!=", False)], order="id"
    )
    leader_links = env["mazpulki.club.leader"].search([], order="date_start, id")
    done_stage = env.ref("event.event_stage_done", raise_if_not_found=False)
    events_vals = []
    for year in HISTORY_YEARS:
        plan = _YearPlan(env, year, done_stage)
        _plan_members_events(plan, rng, members, leader_links)
        _plan_leaders_events(plan, rng, leader_links)
        events_vals += plan.events
    events = Event.create([vals for vals, _attendees in events_vals])
    # Registrations: most of those registered came (a few did not show up).
    Registration = env["event.registration"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
    registrations = []
    for event, (_vals, attendees) in zip(events, events_vals, strict=True):
        no_shows = rng.sample(members, max(1, len(attendees) // 9)) if event.mazpulki_category != "camp" else []
        no_shows = [partner for partner in no_shows if partner not in attendees]
        for partner in attendees + no_shows:
            vals = {"event_id": event.id, "partner_id": partner.id, "state": "open"}
            if partner.is_mazpulki_member:
                vals["mazpulki_approval_state"] = "approved"
            if partner not in no_shows:
                vals.update(state="done", date_closed=event.date_end)
            registrations.append(vals)
    Registration.create(registrations)
    return events


def _leaders_of(leader_links, year):
    """The club leaders who led a club in ``year`` (each once)."""
    leaders = [
        link.partner_id
        for link in leader_links
        if link.date_start.year <= year and (not link.date_end or link.date_end.year >= year)
    ]
    return list(dict.fromkeys(leaders))


def _plan_members_events(plan, rng, members, leader_links):
    """The camp, national and regional events, seminars, the council, international and volunteer activities."""
    year = plan.year
    youth = [m for m in members if 6 <= (m._mazpulki_age_on(datetime.date(year, 7, 1)) or 0) <= 25]
    teens = [m for m in youth if m._mazpulki_age_on(datetime.date(year, 7, 1)) >= 13]
    leaders = _leaders_of(leader_links, year)
    place, region, campers = HISTORY_CAMPS[year]
    # The youngest come to the camp with their families; leaders are campers too.
    camp_pool = [m for m in members if 5 <= (m._mazpulki_age_on(datetime.date(year, 7, 1)) or 0) <= 25] + leaders
    plan.add(
        "camp",
        f"Visas Latvijas mazpulku nometne “{place} {year}”",
        (7, 28),
        days=3,
        region=region,
        attendees=rng.sample(camp_pool, min(campers, len(camp_pool))),
        seats_max=400,
        seats_limited=True,
        mazpulki_scope="national",
    )
    for index in HISTORY_NATIONAL[year]:
        name, day = NATIONAL_EVENTS[index]
        if index == 0 and year == 2021:
            name = "Mazpulku salidojums tiešsaistē"
        plan.add("national", f"{name} {year}", day, attendees=rng.sample(youth, rng.randint(35, 55)))
    for index in HISTORY_REGIONAL[year]:
        name, day, region = REGIONAL_EVENTS[index]
        plan.add("regional", name, day, region=region, attendees=rng.sample(youth, rng.randint(18, 30)))
    month = 2
    for area, count in HISTORY_SEMINARS[year].items():
        for n in range(count):
            plan.add(
                "seminar",
                SEMINARS[area][n],
                (month, 10 + 7 * n),
                attendees=rng.sample(youth, rng.randint(14, 24)),
                mazpulki_priority_area=area,
            )
        month += 2 if month < 10 else -8
    for n in range(HISTORY_RECRUITMENT[year]):
        name, region = RECRUITMENT_EVENTS[n]
        plan.add("recruitment", name, (9, 3 + 7 * n), region=region, attendees=rng.sample(youth, rng.randint(20, 35)))
    for n in range(HISTORY_INFO[year]):
        plan.add(
            "international_info", INFO_EVENTS[n], (2 + 4 * n, 26), attendees=rng.sample(teens, rng.randint(15, 25))
        )
    travellers, trips = HISTORY_INTERNATIONAL[year]
    abroad = rng.sample(teens, min(travellers, len(teens)))
    for n in range(trips):
        name, category = INTERNATIONAL_EVENTS[n]
        plan.add(category, name, (6 + n, 12), days=4, attendees=abroad[n::trips])
    council = rng.sample(teens, 16)
    remote, in_person = HISTORY_COUNCIL[year]
    for n in range(remote):
        plan.add(
            "council_remote",
            f"Mazpulcēnu padomes sēde (tiešsaistē) Nr. {n + 1}",
            (1 + n, 20),
            attendees=rng.sample(council, rng.randint(11, 16)),
        )
    for n in range(in_person):
        plan.add(
            "council_in_person",
            "Mazpulcēnu padomes mācības Rīgā" if n == 0 else "Mazpulcēnu padomes izbraukuma sesija Cēsīs",
            (6 + 4 * n, 5),
            days=1,
            attendees=rng.sample(council, rng.randint(12, 16)),
        )
    trained, trainings = HISTORY_VOLUNTEER_TRAINING[year]
    trainees = rng.sample(teens, trained)
    for n in range(trainings):
        plan.add("volunteer_training", VOLUNTEER_TRAININGS[n], (3 + 5 * n, 14), attendees=trainees[n::trainings])
    for n in range(HISTORY_TEAM_BUILDING[year]):
        plan.add("team_building", TEAM_BUILDING[n], (7 + n, 25), attendees=rng.sample(teens, rng.randint(12, 20)))


def _plan_leaders_events(plan, rng, leader_links):
    """The leaders' trainings (qualification hours) and exchange trips."""
    year = plan.year
    leaders = _leaders_of(leader_links, year)
    new_leaders = [link.partner_id for link in leader_links if link.date_start.year in (year - 1, year)]
    for n, hours in enumerate(HISTORY_PD_SEMINARS[year]):
        plan.add(
            "pd_seminar",
            PD_SEMINARS[n],
            (2 + 2 * n, 15),
            days=1 if hours >= 8 else 0,
            attendees=[leader for leader in leaders if rng.random() < 0.55],
            mazpulki_qualification_hours=hours,
        )
    for n in range(HISTORY_NEW_LEADER[year]):
        plan.add(
            "new_leader_seminar",
            "Jauno vadītāju seminārs" if n == 0 else "Jauno vadītāju seminārs (rudens)",
            (3 + 6 * n, 20),
            attendees=new_leaders or leaders[-2:],
            mazpulki_qualification_hours=6,
        )
    for n in range(HISTORY_EXCHANGE_DOMESTIC[year]):
        plan.add(
            "exchange_domestic",
            EXCHANGE_DOMESTIC[n],
            (6 + 3 * n, 17),
            days=1,
            attendees=[leader for leader in leaders if rng.random() < 0.7],
        )
    plan.add(
        "exchange_international",
        EXCHANGE_INTERNATIONAL[year - HISTORY_YEARS[0]],
        (9, 22),
        days=3,
        attendees=[leader for leader in leaders if rng.random() < 0.6],
    )
