from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon, prove_guardian

ANSWERS = {
    "allergies": "Zemesrieksti",
    "diet": "Bez glutēna",
    "medication": "Ventolin",
    "medication_times": "8:00 un 20:00",
    "conditions": "Astma",
    "contact1_name": "Sandra Liepiņa",
    "contact1_phone": "+371 26112233",
    "contact1_relation": "māte",
    "contact2_name": "Juris Liepiņš",
    "contact2_phone": "+371 29112233",
    "contact2_relation": "tēvs",
    "note": "Peld labi",
}


class HealthCommon(MazpulkiCommon):
    """A camp in ten days that asks for health information, its named staff and two of its children:
    Madara (15, club A, group "Bites" led by Baiba; her mother Sandra is a proved guardian) and Roberts (11, club
    B, no group). Another camp with its own medic."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.health_camp = cls.env["event.event"].create(
            {
                "name": "Veselības nometne",
                "mazpulki_category": "camp",
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=12),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": False,
                "mazpulki_health_asked": True,
            }
        )
        cls.other_camp = cls.env["event.event"].create(
            {
                "name": "Cita nometne",
                "date_begin": now + timedelta(days=20),
                "date_end": now + timedelta(days=22),
                "mazpulki_health_asked": True,
            }
        )

        def user(login, name, groups="base.group_user"):
            return new_test_user(cls.env, login=login, name=name, password=f"{login}_pass", groups=groups)

        cls.user_lead = user("lead", "Mārtiņš Kalējs", "mazpulki_members.group_mazpulki_leader")
        cls.user_medic = user("medic", "Inga Zariņa", "mazpulki_members.group_mazpulki_leader")
        cls.user_kitchen = user("kitchen", "Valda Strazdiņa", "mazpulki_members.group_mazpulki_leader")
        cls.user_group_leader = user("groupleader", "Baiba Liepa", "mazpulki_members.group_mazpulki_leader")
        cls.user_other_medic = user("othermedic", "Rūta Kalna", "mazpulki_members.group_mazpulki_leader")
        cls.user_office_manager = user(
            "officemanager", "Aija Vadītāja", "mazpulki_members.group_mazpulki_manager,event.group_event_manager"
        )
        cls.user_office = user(
            "office", "Dace Birojs", "mazpulki_members.group_mazpulki_officer,event.group_event_user"
        )
        cls.user_desk = user("desk", "Edgars Lapiņš", "mazpulki_events.group_mazpulki_event_desk")
        cls.user_admin = cls.env.ref("base.user_admin")
        Staff = cls.env["mazpulki.event.staff"]
        Staff.create(
            [
                {"event_id": cls.health_camp.id, "user_id": cls.user_lead.id, "role": "camp_lead"},
                {"event_id": cls.health_camp.id, "user_id": cls.user_medic.id, "role": "medic"},
                {"event_id": cls.health_camp.id, "user_id": cls.user_kitchen.id, "role": "kitchen"},
                {"event_id": cls.health_camp.id, "user_id": cls.user_group_leader.id, "role": "group_leader"},
                {"event_id": cls.other_camp.id, "user_id": cls.user_other_medic.id, "role": "medic"},
            ]
        )
        cls.group_bites = cls.env["mazpulki.event.group"].create(
            {"name": "Bites", "event_id": cls.health_camp.id, "leader_id": cls.user_group_leader.id}
        )
        cls.mother_a = cls._create_guardian(cls.member_a, "Sandra Liepiņa")
        cls.user_mother_a = cls._create_portal_user(cls.mother_a, "sandra")
        cls.father_b = cls._create_guardian(cls.member_b, "Aivars Vītols", relation="father")
        cls.user_father_b = cls._create_portal_user(cls.father_b, "aivars")
        # a parent without proof: linked, not proved
        cls.parent_unproved = cls.env["res.partner"].create({"name": "Jānis Liepiņš", "email": "janis@example.lv"})
        cls.env["mazpulki.guardian"].create(
            {"member_id": cls.member_a.id, "guardian_id": cls.parent_unproved.id, "relation": "father"}
        )
        cls.user_parent_unproved = cls._create_portal_user(cls.parent_unproved, "janis")
        cls.user_madara = cls._create_portal_user(cls.member_a, "madara")
        cls.member_adult = cls._create_member("Kārlis Bērziņš", cls.club_a, years=19, email="karlis@example.lv")
        cls.user_adult = cls._create_portal_user(cls.member_adult, "karlis")
        Registration = cls.env["event.registration"]
        cls.reg_a = Registration.create(
            {
                "event_id": cls.health_camp.id,
                "partner_id": cls.member_a.id,
                "mazpulki_event_group_id": cls.group_bites.id,
            }
        )
        cls.reg_b = Registration.create({"event_id": cls.health_camp.id, "partner_id": cls.member_b.id})
        cls.reg_adult = Registration.create({"event_id": cls.health_camp.id, "partner_id": cls.member_adult.id})
        cls.reg_other_a = Registration.create({"event_id": cls.other_camp.id, "partner_id": cls.member_a.id})
        cls.Health = cls.env["mazpulki.event.health"]
        cls.health_a = cls.Health._mazpulki_save_family(cls.reg_a, cls.mother_a, ANSWERS)
        cls.health_b = cls.Health._mazpulki_save_family(
            cls.reg_b,
            cls.father_b,
            {**ANSWERS, "allergies": "", "medication": "", "conditions": "", "diet": "Veģetārs"},
        )

    @classmethod
    def prove(cls, member, guardian):
        return prove_guardian(cls.env, member, guardian)
