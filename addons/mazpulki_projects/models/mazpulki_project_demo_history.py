"""Demo history: the priority themes and projects of 2021–2025, so the strategy board has figures.

The projects went the whole way (submitted, approved, report submitted, scored,
completed) in their own year; their dates are set to that year, not to the day
the demo was loaded. Deterministic: the same board on every run.
"""

import datetime
import random

from odoo import Command

# Projects carried out (all kinds but local initiatives) and local initiatives per year:
# few in 2021 (the covid year), then growing.
HISTORY_COMPLETED = {2021: 385, 2022: 446, 2023: 506, 2024: 517, 2025: 534}
HISTORY_LOCAL_INITIATIVES = {2021: 11, 2022: 16, 2023: 21, 2024: 23, 2025: 22}
# Share of the applications of a year that were rejected or abandoned on the way.
HISTORY_DROPPED = 0.06

# The themes of each year: (name, priority area, participation, ages, criteria, project ideas).
HISTORY_THEMES = {
    2021: [
        (
            "Mana mazā saimniecība mājās",
            "rural_entrepreneurship",
            "both",
            (7, 25),
            ["Mērķis un plāns", "Paveiktais un rezultāti", "Izmaksas un ieņēmumi"],
            ["Vistas pagalmā", "Dārzeņu dobe pie mājas", "Garšaugi podos", "Kazlēnu kopšana", "Sēņu audzēšana"],
        ),
        (
            "Pētnieks dabā: mans mežs",
            "citizen_science",
            "team",
            (9, 18),
            ["Pētījuma jautājums un metode", "Novērojumu apjoms", "Secinājumi"],
            ["Meža putnu skaitīšana", "Sēņu karte pagastā", "Skudru pūžņu novērojumi", "Koku veselības pētījums"],
        ),
    ],
    2022: [
        (
            "Garšīgā Latvija: no dārza līdz galdam",
            "rural_entrepreneurship",
            "both",
            (7, 25),
            ["Mērķis un plāns", "Paveiktais un rezultāti", "Uzņēmējdarbības ideja", "Atskaite un foto"],
            ["Ievārījumi tirdziņam", "Skābēti kāposti", "Maize no pašu graudiem", "Zāļu tējas", "Ķiploku audzēšana"],
        ),
        (
            "Zaļais mazpulks: ūdens manā pagastā",
            "environmental_education",
            "team",
            (9, 19),
            ["Ietekme uz vidi", "Pētījuma kvalitāte", "Sadarbība ar kopienu"],
            ["Dīķa ūdens pārbaude", "Strauta sakopšana", "Lietus ūdens savākšana", "Avotu karte"],
        ),
        (
            "Mans novads – mana vēsture",
            "rural_development",
            "both",
            (10, 25),
            ["Izpētes dziļums", "Rezultāta noderīgums novadam", "Atskaites kvalitāte"],
            ["Vecās mājas stāsts", "Pagasta skolas vēsture", "Vecvecāku atmiņu grāmata", "Senās amatu prasmes"],
        ),
    ],
    2023: [
        (
            "Mans dārzs – mana bagātība",
            "rural_entrepreneurship",
            "both",
            (7, 25),
            ["Mērķis un plāns", "Paveiktais un rezultāti", "Uzņēmējdarbības ideja un budžets", "Atskaite un foto"],
            ["Zemeņu dobe", "Tomāti siltumnīcā", "Kartupeļu šķirņu salīdzinājums", "Ķirbju lauks", "Trušu audzēšana"],
        ),
        (
            "Bites un tauriņi manā pļavā",
            "citizen_science",
            "team",
            (9, 18),
            ["Pētījuma jautājums un metode", "Novērojumu apjoms", "Secinājumi"],
            ["Tauriņu skaitīšana pļavā", "Savvaļas bišu mājas", "Ziedu kalendārs", "Kamenes dārzā"],
        ),
        (
            "Gudrs patērētājs",
            "responsible_consumption",
            "both",
            (5, 25),
            ["Ietekme uz vidi", "Sadarbība ar kopienu", "Atskaites kvalitāte"],
            ["Apģērbu maiņas diena", "Pārtikas atkritumu uzskaite", "Otrā elpa vecām mēbelēm", "Bez plastmasas nedēļa"],
        ),
    ],
    2024: [
        (
            "Lauku uzņēmējs nākotnē",
            "rural_entrepreneurship",
            "both",
            (10, 25),
            ["Biznesa ideja", "Paveiktais un rezultāti", "Budžets un ieņēmumi", "Prezentācija"],
            ["Olu tirdzniecība kaimiņiem", "Medus no vectēva dravas", "Mikrozaļumi kafejnīcai", "Stādu tirdziņš"],
        ),
        (
            "Pētnieks dabā: putni un kukaiņi",
            "citizen_science",
            "team",
            (9, 18),
            ["Pētījuma jautājums un metode", "Novērojumu apjoms", "Secinājumi"],
            ["Putnu būrīši parkā", "Upes bezmugurkaulnieki", "Sikspārņu vakari", "Putnu barotavas ziemā"],
        ),
        (
            "Digitālais mazpulks",
            "modern_technologies",
            "both",
            (11, 25),
            ["Ideja un risinājums", "Tehniskais izpildījums", "Noderīgums citiem"],
            [
                "Laikapstākļu stacija dārzā",
                "Siltumnīcas laistīšanas robots",
                "Pagasta ziņu lietotne",
                "3D drukāti putnu būrīši",
            ],
        ),
        (
            "Es savam pagastam",
            "civic_participation",
            "team",
            (12, 25),
            ["Kopienas vajadzība", "Paveiktais", "Iesaistītie cilvēki"],
            [
                "Rotaļu laukuma atjaunošana",
                "Pagasta svētku rīkošana",
                "Senioru pēcpusdienas",
                "Velonovietne pie skolas",
            ],
        ),
    ],
    2025: [
        (
            "Mans dārzs – mana bagātība",
            "rural_entrepreneurship",
            "both",
            (7, 25),
            ["Mērķis un plāns", "Paveiktais un rezultāti", "Uzņēmējdarbības ideja un budžets", "Atskaite un foto"],
            ["Garšaugu dārzs skolas pagalmā", "Zemeņu dobe", "Tomāti siltumnīcā", "Ķirbju lauks", "Puķu audzēšana"],
        ),
        (
            "Zaļā skola: mazāk atkritumu",
            "responsible_consumption",
            "both",
            (5, 25),
            ["Ietekme uz vidi", "Sadarbība ar kopienu", "Atskaites kvalitāte"],
            ["Kompostēšana skolā", "Plastmasas vāciņu vākšana", "Salabo, nevis izmet", "Auduma maisiņi veikalam"],
        ),
        (
            "Vides detektīvs",
            "environmental_education",
            "team",
            (9, 19),
            ["Pētījuma jautājums", "Novērojumu apjoms", "Ieteikumi pagastam"],
            ["Gaisa kvalitāte pie skolas", "Invazīvo augu karte", "Ezera krasta izpēte", "Trokšņa mērījumi ciemā"],
        ),
    ],
}
HISTORY_LOCAL_IDEAS = [
    "Soliņi pie baznīcas",
    "Talka upes krastā",
    "Grāmatu plaukts autobusa pieturā",
    "Senioru datorpēcpusdienas",
    "Pagasta vēstures taka",
    "Puķu dobes pie pagasta nama",
    "Ziemassvētku paciņas vientuļajiem",
    "Putnu barotavas parkā",
    "Rotaļu laukuma krāsošana",
    "Pagasta pastaigu karte",
]
HISTORY_REPORTS = [
    "Darbu veicām no pavasara līdz rudenim; reizi nedēļā pierakstījām paveikto.",
    "Sākumā sagatavojām vietu un materiālus, vasarā strādājām un rudenī apkopojām rezultātus.",
    "Strādājām kopā ar vadītāju un vecākiem; rezultātus parādījām projektu forumā.",
]


def _day(rng, year, start, end):
    """A day of ``year`` between two (month, day) pairs."""
    first = datetime.date(year, *start)
    last = datetime.date(year, *end)
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def create_demo_history(self):
    """Themes and projects of 2021–2025; ``self`` is the ``mazpulki.project`` model."""
    env = self.env
    if self.search_count([("year", "in", list(HISTORY_COMPLETED))], limit=1):
        return self.browse()  # already there: demo files load again on every update
    rng = random.Random(2021)
    Project = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
    Theme = env["mazpulki.project.theme"].with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
    reviewers = env.ref("mazpulki_members.user_leader_demo") | env.ref("base.user_admin")
    # The demo clubs' members, each in the years they were of a member's age (5 to 25).
    # Members with a portal login (Līga) show their own projects of this year: not drawn for the history.
    members = env["res.partner"].search(
        [
            ("is_mazpulki_member", "=", True),
            ("mazpulki_club_id", "!=", False),
            ("birthdate_date", "!=", False),
            ("user_ids", "=", False),
        ],
        order="id",
    )
    members_by_year = {
        year: [
            (member, member.mazpulki_club_id)
            for member in members
            if 5 <= (member._mazpulki_age_on(datetime.date(year, 4, 1)) or 0) <= 25
        ]
        for year in HISTORY_COMPLETED
    }
    created = self.browse()
    for year, themes_spec in HISTORY_THEMES.items():
        pool = members_by_year.get(year) or []
        if not pool:
            continue
        by_club = {}
        for member, club in pool:
            by_club.setdefault(club, []).append(member)
        themes = Theme.create(
            [
                {
                    "name": name,
                    "year": year,
                    "sequence": 10 * (index + 1),
                    "priority_area": area,
                    "participation": participation,
                    "age_min": ages[0],
                    "age_max": ages[1],
                    "date_open": datetime.date(year, 2, 1),
                    "date_close": datetime.date(year, 4, 30),
                    "date_report_deadline": datetime.date(year, 10, 15),
                    "rules": f"<p>{year}. gada tēma „{name}”: pieteikumā mērķis, darba plāns un budžets; "
                    "noslēguma atskaitē paveiktais, rezultāti, ko iemācījies, un fotogrāfijas.</p>",
                    "criterion_ids": [
                        Command.create({"name": criterion, "weight": 2 if n == 1 else 1, "sequence": n})
                        for n, criterion in enumerate(criteria)
                    ],
                    "is_published": True,
                }
                for index, (name, area, participation, ages, criteria, _ideas) in enumerate(themes_spec)
            ]
        )
        completed = HISTORY_COMPLETED[year]
        dropped = round(completed * HISTORY_DROPPED)
        vals_list = []
        finals = []
        titles = set()  # a member does not carry out the same idea twice in a year
        for index in range(completed + dropped):
            theme_index = index % len(themes)
            theme = themes[theme_index]
            ideas = themes_spec[theme_index][5]
            reference_day = datetime.date(year, 4, 1)
            team = []
            for _attempt in range(20):
                member, club = rng.choice(pool)
                age = member._mazpulki_age_on(reference_day) or 0
                if not theme.age_min <= age <= theme.age_max:
                    continue
                title = next(
                    (
                        title
                        for shift in range(len(ideas))
                        if (title := f"{ideas[(index + shift) % len(ideas)]} ({member.name})") not in titles
                    ),
                    None,
                )
                if title:
                    titles.add(title)
                    team = [member]
                    break
            if not team:
                continue
            size = rng.choice([2, 2, 3]) if theme.participation == "team" else rng.choice([1, 1, 1, 2])
            mates = [mate for mate in by_club[club] if mate != member]
            team += rng.sample(mates, min(len(mates), size - 1))
            state = "completed" if index < completed else rng.choice(["rejected", "abandoned", "abandoned"])
            vals_list.append(_history_vals(rng, year, state, theme, club, team, title))
            finals.append(state)
        for index in range(HISTORY_LOCAL_INITIATIVES[year]):
            member, club = rng.choice(pool)
            team = [member] + [mate for mate in by_club[club] if mate != member][:3]
            title = f"{HISTORY_LOCAL_IDEAS[index % len(HISTORY_LOCAL_IDEAS)]} ({club.name})"
            vals_list.append(_history_vals(rng, year, "completed", None, club, team, title))
            finals.append("completed")
        projects = Project.create(vals_list)
        created |= projects
        # Each themed project was scored by a reviewer before it was completed.
        scored = projects.filtered(lambda p: p.state == "report_submitted" and p.theme_id)
        env["mazpulki.project.review"].with_context(tracking_disable=True).create(
            [
                {
                    "project_id": project.id,
                    "reviewer_id": reviewers[n % len(reviewers)].id,
                    "line_ids": [
                        Command.create({"criterion_id": criterion.id, "score": rng.choice([6, 7, 8, 8, 9, 10])})
                        for criterion in project.theme_id.criterion_ids
                    ],
                }
                for n, project in enumerate(scored)
            ]
        )
        # The office completes the scored projects on the evaluation days of the autumn.
        to_complete = projects.filtered(lambda p: p.state == "report_submitted")
        evaluation_days = [datetime.date(year, 10, 24), datetime.date(year, 11, 7), datetime.date(year, 11, 21)]
        for n, day in enumerate(evaluation_days):
            to_complete[n :: len(evaluation_days)].write({"state": "completed", "date_completed": day})
    return created


def _history_vals(rng, year, state, theme, club, team, title):
    """The values of a project of ``year`` that reached ``state`` (completed ones wait in report_submitted)."""
    submitted = _day(rng, year, (2, 1), (4, 30))
    vals = {
        "name": title,
        "kind": "member" if theme else "local_initiative",
        "theme_id": theme.id if theme else False,
        "year": year,
        "club_id": club.id,
        "member_ids": [Command.set([member.id for member in team])],
        "goal": "Apgūt jaunas prasmes un paveikt darbu, ko var parādīt rudens projektu forumā.",
        "plan": "Februārī–aprīlī: plāns un pieteikums.\nMaijā–augustā: darbs un novērojumi.\n"
        "Septembrī: rezultātu apkopošana un atskaite.",
        "expected_result": "Paveikts darbs, jaunas prasmes un atskaite ar fotogrāfijām.",
        "budget_line_ids": [
            Command.create({"name": "Materiāli", "quantity": 1, "unit_price": rng.choice([10, 15, 25, 40])}),
        ],
        "date_submitted": submitted,
        "state": state,
    }
    if state == "rejected":
        vals["decision_note"] = "Projekts neatbilst tēmas nolikumam; nākamgad noteikti piesakies vēlreiz!"
        return vals
    vals["date_approved"] = submitted + datetime.timedelta(days=rng.randint(5, 14))
    if state == "abandoned":
        return vals
    vals.update(
        state="report_submitted",
        report_done=rng.choice(HISTORY_REPORTS),
        report_results="Rezultāti apkopoti tabulā un fotogrāfijās.",
        report_learned="Iemācījāmies plānot laiku, rēķināt izmaksas un strādāt komandā.",
        report_hours=rng.choice([12, 18, 24, 30, 40]),
        date_report_submitted=_day(rng, year, (9, 1), (10, 15)),
    )
    return vals
