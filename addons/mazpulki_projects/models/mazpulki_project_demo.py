import io
import random

from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw

from odoo import Command, fields

# (title, goal) of member projects by theme; the demo mixes them over the clubs.
DEMO_IDEAS = {
    "theme_darzs_demo": [
        ("Garšaugu dārzs skolas pagalmā", "Izaudzēt garšaugus skolas ēdnīcai un pārdot tos tirdziņā."),
        ("Zemeņu dobe", "Izaudzēt zemenes un iemācīties tās pavairot."),
        ("Trušu audzēšana", "Izaudzēt divus trušus un aprēķināt barības izmaksas."),
        ("Kartupeļu šķirņu salīdzinājums", "Salīdzināt trīs kartupeļu šķirņu ražu vienādos apstākļos."),
        ("Ķirbju lauks", "Izaudzēt ķirbjus rudens tirdziņam."),
        ("Tomāti siltumnīcā", "Izaudzēt tomātus un uzzināt, kā tos pasargāt no slimībām."),
        ("Medus no vectēva dravas", "Kopā ar vectēvu kopt divus bišu saimes stropus."),
        ("Mikrozaļumi uz palodzes", "Izaudzēt mikrozaļumus un piedāvāt tos kafejnīcai."),
    ],
    "theme_daba_demo": [
        ("Putnu būrīši parkā", "Izlikt desmit būrīšus un novērot, kuri putni tajos ligzdo."),
        ("Tauriņu skaitīšana pļavā", "Reizi nedēļā skaitīt tauriņus un salīdzināt sugas."),
        ("Bišu draugi", "Novērot, kādus ziedus apmeklē savvaļas bites."),
        ("Upes bezmugurkaulnieki", "Noteikt upes ūdens kvalitāti pēc bezmugurkaulniekiem."),
    ],
    "theme_kopiena_demo": [
        ("Kompostēšana skolā", "Ierīkot skolas kompostu un samazināt pārtikas atkritumus."),
        ("Apģērbu maiņas diena", "Sarīkot apģērbu maiņas dienu pagasta kultūras namā."),
        ("Plastmasas vāciņu vākšana", "Savākt plastmasas vāciņus pārstrādei visas skolas mērogā."),
        ("Salabo, nevis izmet", "Rīkot labošanas darbnīcas velosipēdiem un apģērbam."),
    ],
}
DEMO_LOCAL_INITIATIVES = [
    ("Soliņi pie Rendas baznīcas", "Kopā ar pagastu atjaunot soliņus un puķu dobes."),
    ("Talka Lielupes krastā", "Sakopt upes krastu un izvietot atkritumu tvertnes."),
    ("Grāmatu plaukts pieturā", "Izveidot grāmatu maiņas plauktu autobusu pieturā."),
    ("Senioru datorpēcpusdienas", "Iemācīt pagasta senioriem lietot viedtālruni."),
    ("Pagasta vēstures taka", "Izveidot taku ar informācijas zīmēm par pagasta vēsturi."),
]
# How many projects of the demo are in each stage.
DEMO_STAGES = [
    ("draft", 6),
    ("submitted", 8),
    ("returned", 4),
    ("approved", 6),
    ("rejected", 3),
    ("in_progress", 9),
    ("report_submitted", 7),
    ("evaluated", 5),
    ("completed", 9),
    ("abandoned", 2),
]
REVIEW_COMMENTS = [
    "Ļoti rūpīgs darbs un skaidra atskaite. Turpini!",
    "Labs plāns; nākamreiz pievieno vairāk fotogrāfiju no darba procesa.",
    "Lieliski, ka rezultātus izmantoja skolas ēdnīca.",
    "Interesanta ideja. Budžetu vajadzēja aprēķināt precīzāk.",
    "Prieks redzēt, cik daudz iemācījies par dārza darbiem!",
]


def _demo_photo(seed):
    """A small picture (green field, sky, sun) standing in for a member's photo."""
    rng = random.Random(seed)
    image = Image.new("RGB", (320, 240), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 150, 320, 240], fill=(60 + rng.randint(0, 60), 140 + rng.randint(0, 60), 60))
    x = rng.randint(30, 290)
    draw.ellipse([x - 18, 20, x + 18, 56], fill=(250, 215, 60))
    for _i in range(6):
        px = rng.randint(10, 310)
        draw.rectangle([px, 130, px + 6, 170], fill=(40, 110, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def create_demo_projects(self):
    """Demo projects of the demo clubs in every stage; ``self`` is the ``mazpulki.project`` model."""
    rng = random.Random(2024)
    today = fields.Date.context_today(self)
    env = self.env
    themes = {xmlid: env.ref(f"mazpulki_projects.{xmlid}") for xmlid in DEMO_IDEAS}
    if self.search_count([("theme_id", "in", [theme.id for theme in themes.values()])], limit=1):
        return self.browse()  # already there: demo files load again on every update
    clubs = env["mazpulki.club"].search([("member_ids", "!=", False)])
    # Līga's own projects are the three below; the others' teams are drawn from members without a login.
    members_by_club = {
        club: env["res.partner"].search(
            [("mazpulki_club_id", "=", club.id), ("is_mazpulki_member", "=", True), ("user_ids", "=", False)],
            order="id",
        )
        for club in clubs
    }
    reviewers = env.ref("mazpulki_members.user_leader_demo") | env.ref("base.user_admin")
    liga = env.ref("mazpulki_members.member_liga_demo")
    stages = [state for state, count in DEMO_STAGES for _i in range(count)]
    # Līga's own projects come first: one completed, one running, one draft.
    stages = ["completed", "in_progress", "draft", *stages]
    created = self.browse()
    used = set()
    for index, state in enumerate(stages):
        if index < 3:
            theme_key, club, team = "theme_darzs_demo", liga.mazpulki_club_id, liga
        else:
            theme_key = rng.choice(list(DEMO_IDEAS))
            if state in ("in_progress", "report_submitted", "evaluated", "completed", "approved"):
                theme_key = rng.choice(["theme_kopiena_demo", "theme_darzs_demo"])
            club = rng.choice(list(members_by_club))
            theme = themes[theme_key]
            members = members_by_club[club].filtered(
                lambda m, t=theme: t.age_min <= (m._mazpulki_age_on(today) or 0) <= t.age_max
            )
            if not members:
                continue
            size = 2 if theme.participation == "team" else rng.choice([1, 1, 1, 2])
            team = members[rng.randrange(len(members))]
            if size > 1 and len(members) > 1:
                team |= (members - team)[rng.randrange(len(members) - 1)]
        theme = themes[theme_key]
        ideas = DEMO_IDEAS[theme_key]
        # A member does not carry out the same idea twice in a year.
        title, goal = next(
            (
                idea
                for shift in range(len(ideas))
                if ((idea := ideas[(index + shift) % len(ideas)])[0], team[0]) not in used
            ),
            ideas[index % len(ideas)],
        )
        if (title, team[0]) in used:
            continue
        used.add((title, team[0]))
        created |= _demo_project(self, rng, index, state, theme, club, team, title, goal, reviewers)
    for index, (title, goal) in enumerate(DEMO_LOCAL_INITIATIVES):
        club = list(members_by_club)[index % len(members_by_club)]
        team = members_by_club[club][:3]
        state = "completed" if index < 4 else "in_progress"
        created |= _demo_project(self, rng, 100 + index, state, None, club, team, title, goal, reviewers)
    return created


def _demo_project(self, rng, index, state, theme, club, team, title, goal, reviewers):
    today = fields.Date.context_today(self)
    vals = {
        "name": title if index < 3 or index >= 100 else f"{title} ({team[0].name})",
        "kind": "local_initiative" if theme is None else "member",
        "theme_id": theme.id if theme else False,
        "year": today.year,
        "club_id": club.id,
        "member_ids": [Command.set(team.ids)],
        "goal": goal,
        "plan": "Aprīlī: sagatavošanās un materiālu iegāde.\nMaijā–augustā: darbs un novērojumi.\n"
        "Septembrī: rezultātu apkopošana un atskaite.",
        "expected_result": "Paveikts darbs, ko var parādīt rudens projektu forumā, un jaunas prasmes.",
        "budget_line_ids": [
            Command.create({"name": "Sēklas un materiāli", "quantity": 1, "unit_price": rng.choice([15, 25, 40])}),
            Command.create(
                {"name": "Instrumenti", "quantity": 1, "unit_price": rng.choice([0, 10, 20]), "funding": "club"}
            ),  # fmt: skip
        ],
        "state": state if state not in ("evaluated", "completed") else "report_submitted",
    }
    if state not in ("draft",):
        vals["date_submitted"] = today - relativedelta(days=rng.randint(20, 60))
    if state == "returned":
        vals["decision_note"] = "Lūdzu, papildini darba plānu ar laikiem un pievieno budžetu."
    if state == "rejected":
        vals["decision_note"] = "Projekts neatbilst tēmas nolikumam: tas nav saistīts ar lauku uzņēmējdarbību."
    if state in ("approved", "in_progress", "report_submitted", "evaluated", "completed"):
        vals["date_approved"] = vals["date_submitted"] + relativedelta(days=7)
    if state in ("in_progress", "report_submitted", "evaluated", "completed"):
        vals.update(
            report_done="Iesējām, stādījām un kopām visu sezonu; reizi nedēļā pierakstījām novērojumus.",
            report_results="Raža un rezultāti ir apkopoti tabulā; daļu ražas nodevām skolas ēdnīcai.",
            report_learned="Iemācījāmies plānot laiku, rēķināt izmaksas un strādāt komandā.",
            report_hours=rng.choice([12, 18, 24, 30, 40]),
        )
    if state in ("report_submitted", "evaluated", "completed"):
        vals["date_report_submitted"] = today - relativedelta(days=rng.randint(1, 15))
    project = self.create(vals)
    if state in ("in_progress", "report_submitted", "evaluated", "completed"):
        photos = [(f"foto_{index}_{n}.jpg", _demo_photo(index * 10 + n)) for n in range(2)]
        project._mazpulki_add_evidence(photos)
    if state in ("evaluated", "completed") and project.theme_id:
        for reviewer in reviewers:
            self.env["mazpulki.project.review"].create(
                {
                    "project_id": project.id,
                    "reviewer_id": reviewer.id,
                    "comment": rng.choice(REVIEW_COMMENTS),
                    "line_ids": [
                        Command.create({"criterion_id": c.id, "score": rng.choice([6, 7, 8, 8, 9, 10])})
                        for c in project.theme_id.criterion_ids
                    ],
                }
            )
    if state in ("evaluated", "completed"):
        final = {"state": state}
        if state == "completed":
            final["date_completed"] = today - relativedelta(days=rng.randint(0, 5))
        project.write(final)
    if state == "submitted":
        project._mazpulki_ask_leaders()  # the club's leader is told, as when a member submits
    return project
