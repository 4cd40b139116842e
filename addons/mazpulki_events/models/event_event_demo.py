import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

FIRST_NAMES_F = ["Anna", "Elza", "Marta", "Sofija", "Emīlija", "Alise", "Paula", "Luīze", "Katrīna", "Laura", "Estere"]
FIRST_NAMES_M = ["Jānis", "Roberts", "Markuss", "Gustavs", "Kārlis", "Emīls", "Ričards", "Niks", "Olivers", "Tomass"]
SURNAMES = [
    ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"),
    ("Krūmiņš", "Krūmiņa"), ("Zariņš", "Zariņa"), ("Vītols", "Vītola"), ("Jansons", "Jansone"),
    ("Pētersons", "Pētersone"), ("Eglītis", "Eglīte"), ("Grīnbergs", "Grīnberga"), ("Lapiņš", "Lapiņa"),
    ("Siliņš", "Siliņa"), ("Ābols", "Ābola"), ("Mežulis", "Mežule"), ("Priede", "Priede"),
]  # fmt: skip
CAMP_REGISTRATIONS = 320


class EventEvent(models.Model):
    _inherit = "event.event"

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
