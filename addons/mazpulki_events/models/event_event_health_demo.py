from odoo import api, models

# A few participants' answers (Latvian): allergies, diet, medication with times, conditions, two contacts.
DEMO_ANSWERS = [
    {
        "allergies": "Zemesrieksti (anafilakse); EpiPen somā",
        "diet": "Bez riekstiem",
        "medication": "EpiPen 0,3 mg pēc vajadzības",
        "medication_times": "Tikai alerģiskas reakcijas gadījumā",
        "conditions": "",
        "note": "",
    },
    {
        "allergies": "",
        "diet": "Veģetārs",
        "medication": "",
        "medication_times": "",
        "conditions": "",
        "note": "Ēd visu, izņemot gaļu.",
    },
    {
        "allergies": "Bišu dzēlieni",
        "diet": "",
        "medication": "Ventolin inhalators",
        "medication_times": "8:00 un 20:00, fiziskas slodzes priekšā",
        "conditions": "Astma",
        "note": "",
    },
    {
        "allergies": "Laktoze",
        "diet": "Bez laktozes",
        "medication": "",
        "medication_times": "",
        "conditions": "",
        "note": "",
    },
]
CONTACTS = [
    ("Ilona Kalniņa", "+371 26112233", "māte", "Raitis Kalniņš", "+371 29112233", "tēvs"),
    ("Sarmīte Ozola", "+371 26223344", "māte", "Edgars Ozols", "+371 29223344", "tēvs"),
    ("Vija Eglīte", "+371 26334455", "vecmāmiņa", "Andris Eglītis", "+371 29334455", "tēvs"),
    ("Laura Krūmiņa", "+371 26445566", "māte", "Pēteris Krūmiņš", "+371 29445566", "onkulis"),
]


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _mazpulki_demo_health(self, camp_ids):
        """Demo: the camp's groups (the first led by Ilze), its first registrations in them, a few children's
        health answers (given), the others missing."""
        camp = self.browse(camp_ids)
        Health = self.env["mazpulki.event.health"].sudo()
        if Health.search_count([("event_id", "=", camp.id)]):
            return True  # demo files load again on every update
        groups = camp.mazpulki_event_group_ids
        registrations = camp.registration_ids.filtered(lambda r: r.mazpulki_member_id and r.state != "cancel").sorted(
            "id"
        )[:24]
        for index, registration in enumerate(registrations):
            registration.mazpulki_event_group_id = groups[index % len(groups)] if groups else False
        first = registrations.filtered(lambda r: r.mazpulki_event_group_id == groups[:1])[: len(DEMO_ANSWERS)]
        others = (registrations - first)[:2]
        values = []
        for index, registration in enumerate(first | others):
            answers = DEMO_ANSWERS[index % len(DEMO_ANSWERS)]
            c1n, c1p, c1r, c2n, c2p, c2r = CONTACTS[index % len(CONTACTS)]
            values.append(
                {
                    **answers,
                    "registration_id": registration.id,
                    "event_id": camp.id,
                    "partner_id": registration.mazpulki_member_id.id,
                    "contact1_name": c1n,
                    "contact1_phone": c1p,
                    "contact1_relation": c1r,
                    "contact2_name": c2n,
                    "contact2_phone": c2p,
                    "contact2_relation": c2r,
                    "state": "given",
                    "filled_by_id": registration.mazpulki_member_id.id,
                }
            )
        Health.create(values)
        return True
