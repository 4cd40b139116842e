import json
import random
import secrets

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.mazpulki_members.models.mazpulki_measure import PRIORITY_AREAS

from .event_event_demo_history import create_demo_history
from .event_registration import GUARDIAN_APPROVAL_AGE, age_band_of, desk_window
from .event_type import CATEGORIES, NOT_YOUTH_CATEGORIES, SCOPES, TRAINING_CATEGORIES
from .event_waitlist_seats import EventEventWaitlist
from .event_website_defaults import CATEGORY_COVERS, DEFAULT_COVER, LIGHT_COVER_OPACITY, LIGHT_COVERS
from .mazpulki_event_desk_scan import card_hash
from .mazpulki_event_waitlist_demo import EventEventWaitlistDemo

FIRST_NAMES_F = ["Anna", "Elza", "Marta", "Sofija", "Emīlija", "Alise", "Paula", "Luīze", "Katrīna", "Laura", "Estere"]
FIRST_NAMES_M = ["Jānis", "Roberts", "Markuss", "Gustavs", "Kārlis", "Emīls", "Ričards", "Niks", "Olivers", "Tomass"]
SURNAMES = [
    ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"),
    ("Krūmiņš", "Krūmiņa"), ("Zariņš", "Zariņa"), ("Vītols", "Vītola"), ("Jansons", "Jansone"),
    ("Pētersons", "Pētersone"), ("Eglītis", "Eglīte"), ("Grīnbergs", "Grīnberga"), ("Lapiņš", "Lapiņa"),
    ("Siliņš", "Siliņa"), ("Ābols", "Ābola"), ("Mežulis", "Mežule"), ("Priede", "Priede"),
]  # fmt: skip
CAMP_REGISTRATIONS = 320


class EventEvent(EventEventWaitlist, EventEventWaitlistDemo, models.Model):
    _inherit = "event.event"

    def _default_description(self):
        """A new event starts from the organisation's outline (what, for whom, programme, what to bring,
        contacts) in the office's language, not Odoo's sample software conference."""
        # rendering_bundle: no template branding in the stored HTML, as Odoo's own default
        return (
            self.env["ir.ui.view"]
            .with_context(rendering_bundle=True)
            ._render_template("mazpulki_events.event_default_description")
        )

    # Odoo's field names its default function itself (event.event._default_description), not by name: the
    # field takes this class's one
    description = fields.Html(default=_default_description)

    def _default_cover_properties(self):
        """The page's picture: the organisation's clover (``DEFAULT_COVER``), not a stock conference room."""
        properties = super()._default_cover_properties()
        properties.update({"background-image": f"url('{DEFAULT_COVER}')", "opacity": "0.2"})
        return properties

    mazpulki_category = fields.Selection(
        CATEGORIES,
        compute="_compute_mazpulki_category",
        store=True,
        readonly=False,
        index=True,
        help="The strategy's kind of event; the board counts events per category and year.",
    )
    mazpulki_scope = fields.Selection(
        SCOPES, string="Scope", compute="_compute_mazpulki_category", store=True, readonly=False
    )
    mazpulki_priority_area = fields.Selection(
        PRIORITY_AREAS,
        string="Priority Area",
        help="For seminars: the priority area of non-formal education the seminar serves (M3b).",
    )
    mazpulki_region_id = fields.Many2one("mazpulki.region", string="Region", index=True)
    mazpulki_club_id = fields.Many2one(
        "mazpulki.club", string="Organising Club", index=True, help="The club that organises a club event."
    )
    mazpulki_walkin_allowed = fields.Boolean(
        string="Walk-ins Allowed",
        help="A member who scans their card at the desk without a registration is registered on the spot.",
    )
    mazpulki_guardian_approval = fields.Boolean(
        string="Guardian Approval for Minors",
        default=True,
        help="Registrations of members under 18 wait for a guardian's approval on the portal.",
    )
    mazpulki_desk_key = fields.Char(
        groups="base.group_system",
        copy=False,
        help="The key of the card hashes an offline registration desk holds for this event.",
    )
    mazpulki_qualification_hours = fields.Float(
        string="Qualification Hours",
        help="Hours credited to every club leader who attends this training (L2: 12 hours a year).",
    )
    mazpulki_youth_event = fields.Boolean(
        string="Youth Event",
        compute="_compute_mazpulki_youth_event",
        store=True,
        readonly=False,
        help="For members and their families: an anonymous visitor is asked to sign in, and a registration "
        "sent without signing in is a request the office matches to a member before it is confirmed.",
    )
    mazpulki_attendance_ids = fields.One2many("mazpulki.event.attendance", "event_id", string="Attendance per Day")
    mazpulki_attendance_count = fields.Integer(compute="_compute_mazpulki_attendance_count")

    @api.depends("event_type_id")
    def _compute_mazpulki_category(self):
        for event in self:
            if event.event_type_id.mazpulki_category:
                event.mazpulki_category = event.event_type_id.mazpulki_category
            if event.event_type_id.mazpulki_scope:
                event.mazpulki_scope = event.event_type_id.mazpulki_scope

    @api.depends("mazpulki_category")
    def _compute_mazpulki_youth_event(self):
        for event in self:
            event.mazpulki_youth_event = bool(event.mazpulki_category) and (
                event.mazpulki_category not in NOT_YOUTH_CATEGORIES
            )

    def _compute_mazpulki_attendance_count(self):
        counts = dict(
            self.env["mazpulki.event.attendance"]._read_group([("event_id", "in", self.ids)], ["event_id"], ["__count"])
        )
        for event in self:
            event.mazpulki_attendance_count = counts.get(event, 0)

    @api.constrains("mazpulki_category", "mazpulki_priority_area")
    def _check_mazpulki_priority_area(self):
        for event in self:
            if event.mazpulki_category == "seminar" and not event.mazpulki_priority_area:
                raise ValidationError(self.env._("Choose the priority area of the seminar %s.", event.name))

    @api.constrains("mazpulki_qualification_hours", "mazpulki_category")
    def _check_mazpulki_qualification_hours(self):
        for event in self:
            if event.mazpulki_qualification_hours < 0:
                raise ValidationError(self.env._("The qualification hours of %s cannot be negative.", event.name))
            if event.mazpulki_qualification_hours and event.mazpulki_category not in TRAINING_CATEGORIES:
                raise ValidationError(
                    self.env._(
                        "Only seminars and leader trainings credit qualification hours; %s is not one.", event.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # An event created without a picture of its own gets its kind's picture (a camp's tents, a seminar's book).
        for vals in vals_list:
            cover = CATEGORY_COVERS.get(vals.get("mazpulki_category"))
            if cover and "cover_properties" not in vals:
                properties = self._default_cover_properties()
                properties["background-image"] = f"url('{cover}')"
                if cover in LIGHT_COVERS:
                    properties["opacity"] = LIGHT_COVER_OPACITY
                vals["cover_properties"] = json.dumps(properties)
        return super().create(vals_list)

    def action_mazpulki_attendance(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attendance per Day"),
            "res_model": "mazpulki.event.attendance",
            "view_mode": "list,pivot",
            "domain": [("event_id", "=", self.id)],
            "context": {"search_default_group_day": 1, "default_event_id": self.id},
        }

    def action_mazpulki_register_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Members"),
            "res_model": "mazpulki.event.register",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def _mazpulki_desk_is_open(self, when=None):
        """Whether the registration desk checks attendees in at ``when`` (UTC, default now)."""
        self.ensure_one()
        when = when or fields.Datetime.now()
        opens, closes = desk_window(self.date_begin, self.date_end, self.date_tz)
        return opens <= when < closes

    def mazpulki_desk_offline_data(self):
        """What the registration desk needs to check people in without the network.

        Per registration, and per member who may walk in: the keyed hash of the card
        code (never the code), the registration's state and guardian approval, whether
        the membership of the event's year is active, the days attended, and the name,
        club and age group the desk shows (with the day they change, for a member whose
        birthday falls during the event). Nothing else of the member. Per registration
        with Odoo's ticket: the keyed hash of its barcode (never the barcode), its state,
        days attended and name. The key comes with it (fetched with the desk user's
        session; the desk keeps it in memory).
        """
        self.ensure_one()
        self.env["mazpulki.event.desk.scan"]._mazpulki_check_desk_user()
        self.check_access("read")
        key = self._mazpulki_desk_key()
        opens, closes = desk_window(self.date_begin, self.date_end, self.date_tz)
        first_day = self._mazpulki_local_day(self.date_begin)
        last_day = self._mazpulki_local_day(self.date_end)
        self.env.flush_all()  # the queries below read members, cards, memberships and registrations
        lang = self.env.lang or "en_US"
        registrations, tickets = {}, []
        self.env.cr.execute(
            SQL(
                """SELECT r.id, r.state, r.mazpulki_approval_state, r.mazpulki_member_id, r.barcode, r.name,
                          COALESCE(array_agg(att.day::text ORDER BY att.day) FILTER (WHERE att.id IS NOT NULL), '{}')
                     FROM event_registration r
                LEFT JOIN mazpulki_event_attendance att ON att.registration_id = r.id
                    WHERE r.event_id = %(event)s AND r.active
                 GROUP BY r.id
                 ORDER BY r.state = 'cancel', r.id DESC""",
                event=self.id,
            )
        )
        for reg_id, state, approval, member_id, barcode, name, days in self.env.cr.fetchall():
            if member_id:
                registrations.setdefault(member_id, (reg_id, state, approval, days))  # as the desk: the live one
            if barcode:
                # Odoo's own ticket: its barcode's hash, never the barcode
                tickets.append({"h": card_hash(key, barcode), "r": reg_id, "s": state, "d": days, "n": name or ""})
        walkin = self.mazpulki_walkin_allowed
        self.env.cr.execute(
            SQL(
                """SELECT p.id, p.name, club.name, p.birthdate_date, card.code, card.state,
                          card.short_code, p.member_number,
                          EXISTS (SELECT 1 FROM mazpulki_membership ms
                                   WHERE ms.member_id = p.id AND ms.state = 'active' AND ms.year = %(year)s),
                          %(over_new_year)s AND EXISTS (SELECT 1 FROM mazpulki_membership ms
                                   WHERE ms.member_id = p.id AND ms.state = 'active' AND ms.year = %(last_year)s)
                     FROM res_partner p
                     JOIN mazpulki_member_card card ON card.member_id = p.id
                LEFT JOIN mazpulki_club club ON club.id = p.mazpulki_club_id
                    WHERE p.id = ANY(%(registered)s) OR (%(walkin)s AND p.is_mazpulki_member AND p.active)""",
                year=first_day.year,
                last_year=last_day.year,
                over_new_year=last_day.year != first_day.year,
                registered=list(registrations),
                walkin=walkin,
            )
        )
        rows = self.env.cr.fetchall()
        labels = dict(self.env["event.registration"]._fields["mazpulki_age_group"]._description_selection(self.env))

        def on_day(birthdate, day):
            """Under 18 and needing a guardian's approval, and the age group's label, on ``day``."""
            age = relativedelta(day, birthdate).years if birthdate else None
            under_age = bool(self.mazpulki_guardian_approval and age is not None and age < GUARDIAN_APPROVAL_AGE)
            return under_age, labels.get(age_band_of(age)) or ""

        entries, revoked, shown = [], [], {}
        for row in rows:
            member_id, name, club, birthdate, code, card_state, short_code, number, has_membership, last_year = row
            digest = card_hash(key, code)
            if card_state != "active":
                revoked.append(digest)
                if short_code:
                    revoked.append(card_hash(key, short_code))
                continue
            under_age, group = on_day(birthdate, first_day)
            reg_id, state, approval, days = registrations.get(member_id, (False, False, False, []))
            entry = {
                "h": digest,
                "r": reg_id,
                "s": state,
                "a": approval,
                "m": has_membership,
                "u": under_age,
                "d": days,
                "n": name,
                "c": club or "",
                "g": group,
                # typed at the desk: the card's short code and the member number (offline_desk.js, typedAlias)
                "k": [card_hash(key, alias) for alias in (short_code, number) if alias],
            }
            if birthdate:
                # the age is counted on the scan's day: a birthday during the event changes
                # it from that day on (only then is the day given)
                birthday = birthdate + relativedelta(years=relativedelta(first_day, birthdate).years + 1)
                if birthday <= last_day and (later := on_day(birthdate, birthday)) != (under_age, group):
                    entry["t"] = [birthday.isoformat(), *later]
            if last_day.year != first_day.year and last_year != has_membership:
                # an event over the New Year: the membership of the scan day's year counts
                entry["y"] = [f"{last_day.year}-01-01", last_year]
            entries.append(entry)
            if reg_id:
                shown[reg_id] = entry
        for ticket in tickets:
            if ticket["r"] in shown:
                # a member's ticket: the desk takes the registration's state, days, name, club
                # and age group from the member's entry (as online, it shows them for both)
                for field in ("s", "d", "n"):
                    del ticket[field]
        return {
            "event": {
                "id": self.id,
                "name": self.with_context(lang=lang).name,
                "tz": self.date_tz or "UTC",
                "opens": fields.Datetime.to_string(opens),
                "closes": fields.Datetime.to_string(closes),
                "walkin": walkin,
                "seats_left": self.seats_available if self.seats_limited else None,
            },
            "key": key,
            "prepared_at": fields.Datetime.to_string(fields.Datetime.now()),
            "entries": entries,
            "tickets": tickets,
            "revoked": revoked,
        }

    def _mazpulki_desk_key(self):
        """The event's key for offline card hashes, made on first use."""
        self.ensure_one()
        event_sudo = self.sudo()  # the key is not readable by desk users; only through the desk's calls
        if not event_sudo.mazpulki_desk_key:
            event_sudo.mazpulki_desk_key = secrets.token_urlsafe(32)
        return event_sudo.mazpulki_desk_key

    def _get_date_range_str(self, lang_code=False):
        """When the event starts, as the reminder e-mails say it ("today", "in 3 days", "on 12 Jul 2026").

        Odoo 18.0 builds these words with ``_()`` in ``event``, whose Latvian lacks them, so Latvian
        families read "Ērgļi: today" in a reminder's subject. A mirror of Odoo 18.0's rule
        (event/models/event_event.py), to check on each upgrade, with the suite's own
        translated words; ``lang_code`` formats the date.
        """
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or "UTC")
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz)
        start = pytz.utc.localize(self.date_begin).astimezone(tz)
        days = (start.date() - today.date()).days
        if days <= 0:
            return self.env._("today")
        if days == 1:
            return self.env._("tomorrow")
        if days < 7:
            return self.env._("in %(days)s days", days=days)
        if days < 14:
            return self.env._("next week")
        if start.month == (today + relativedelta(months=1)).month:
            return self.env._("next month")
        return self.env._(
            "on %(date)s", date=format_date(self.env, self.date_begin, lang_code=lang_code, date_format="medium")
        )

    def _mazpulki_local_day(self, when):
        """The day of ``when`` (UTC) in the event's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or "UTC")
        return pytz.utc.localize(when).astimezone(tz).date()

    def _mazpulki_needs_guardian_approval(self, partner):
        """Whether registering ``partner`` to this event waits for a guardian's approval."""
        self.ensure_one()
        if not (self.mazpulki_guardian_approval and partner.is_mazpulki_member):
            return False
        day = (self.date_begin or fields.Datetime.now()).date()
        age = partner.sudo()._mazpulki_age_on(day)  # sudo: a member's age, whoever registers them
        return age is not None and age < GUARDIAN_APPROVAL_AGE

    @api.model
    def _mazpulki_demo_history(self):
        """Demo data: the events of 2021–2025 with registrations and attendance, for the strategy board."""
        return create_demo_history(self)

    @api.model
    def _mazpulki_demo_tidy(self):
        """Demo data: Odoo's sample events, types, tags and contacts gone; the suite's events kept true.

        The year's events that have ended are in the ended stage, and every
        Mazpulki event has a person of the office responsible, not OdooBot.
        """
        Data = self.env["ir.model.data"]
        modules = ("event", "website_event")
        samples = Data._mazpulki_demo_samples("event.event", modules)
        self.env["event.registration"].with_context(active_test=False).search(
            [("event_id", "in", samples.ids)]
        ).unlink()
        samples.unlink()
        for model in ("event.type", "event.tag", "event.tag.category"):
            Data._mazpulki_demo_samples(model, modules).unlink()
        Data._mazpulki_demo_archive_sample_partners(modules)
        events = self.search([("mazpulki_category", "!=", False)])
        office = self.env.ref("base.user_admin")
        events.filtered(lambda event: not event.user_id or event.user_id._is_superuser()).user_id = office
        done_stage = self.env.ref("event.event_stage_done", raise_if_not_found=False)
        if done_stage:
            ended = events.filtered(lambda event: event.date_end < fields.Datetime.now())
            ended.filtered(lambda event: event.stage_id != done_stage).stage_id = done_stage
        return True

    @api.model
    def _mazpulki_demo_fill(self, camp_ids):
        """Demo data too large for XML: the camp's registrations, trainings attended, approvals."""
        rng = random.Random(2027)
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        camp = self.browse(camp_ids)
        if camp.registration_ids:
            return True  # already filled: demo files load again on every update
        Partner = self.env["res.partner"]
        Registration = self.env["event.registration"].with_context(mail_create_nolog=True, tracking_disable=True)
        clubs = self.env["mazpulki.club"].search([("is_online", "=", False)])
        members = Partner.search([("is_mazpulki_member", "=", True)], order="id")
        missing = CAMP_REGISTRATIONS + 10 - len(members)
        if missing > 0:
            new_members = []
            for index in range(missing):
                female = index % 2 == 0
                first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
                surname = rng.choice(SURNAMES)[1 if female else 0]
                new_members.append(
                    {
                        "name": f"{first} {surname}",
                        "is_mazpulki_member": True,
                        "mazpulki_gender": "female" if female else "male",
                        "mazpulki_club_id": clubs[index % len(clubs)].id,
                        "birthdate_date": today - relativedelta(years=rng.randint(7, 19), days=rng.randint(0, 360)),
                    }
                )
            members |= Partner.create(new_members)
        campers = members[:CAMP_REGISTRATIONS]
        registrations = Registration.create(
            [
                {"event_id": camp.id, "partner_id": member.id, "mazpulki_approval_state": "approved"}
                for member in campers
            ]
        )
        # The first morning: a quarter of the camp is already checked in at the desk.
        registrations[: CAMP_REGISTRATIONS // 4].action_set_done()

        # Past events were attended (most of those registered came).
        past_events = self.search(
            [("id", "!=", camp.id), ("date_end", "<", now), ("mazpulki_category", "!=", False)], order="date_begin"
        )
        vals = []
        for event in past_events:
            if event.mazpulki_category in ("pd_seminar", "new_leader_seminar", "exchange_domestic"):
                continue
            for member in rng.sample(list(members), 25):
                vals.append(
                    {
                        "event_id": event.id,
                        "partner_id": member.id,
                        "mazpulki_approval_state": "approved",
                        "state": "done" if rng.random() < 0.85 else "open",
                    }
                )
        # Leaders at trainings: Ilze earns her 12-hour certificate, the others are short.
        leaders = self.env["mazpulki.club.leader"].search([]).partner_id
        ilze = self.env.ref("mazpulki_members.partner_leader_ilze_demo")
        training = self.env.ref("mazpulki_events.event_leader_training_demo")
        new_leader_seminar = self.env.ref("mazpulki_events.event_new_leader_demo")
        trip = self.env.ref("mazpulki_events.event_exchange_domestic_demo")
        vals.append({"event_id": training.id, "partner_id": ilze.id, "state": "done"})
        for leader in leaders - ilze:
            vals.append({"event_id": new_leader_seminar.id, "partner_id": leader.id, "state": "done"})
        for leader in leaders[:8]:
            vals.append({"event_id": trip.id, "partner_id": leader.id, "state": "done"})
        Registration.create(vals)

        # Anda's daughter Marta and Līga wait for a guardian's approval of the December hike.
        hike = self.env.ref("mazpulki_events.event_hike_demo")
        Registration.create(
            [
                {"event_id": hike.id, "partner_id": self.env.ref(xmlid).id}
                for xmlid in ("mazpulki_members.member_marta_berzina_demo", "mazpulki_members.member_liga_demo")
            ]
        )
        return True
