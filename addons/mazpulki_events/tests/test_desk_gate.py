import re

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MazpulkiEventsCommon


@tagged("post_install", "-at_install")
class TestDeskGate(MazpulkiEventsCommon):
    """The gate admits what a person at the gate would: typed codes, a guardian present, namesakes told apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk = new_test_user(
            cls.env, login="gate_desk", name="Edgars Vārtos", groups="mazpulki_events.group_mazpulki_event_desk"
        )
        cls.camp.write({"mazpulki_walkin_allowed": True, "mazpulki_guardian_approval": True})
        # Roberts (11) walks in unregistered; his mother is registered as his guardian
        cls.mother_b = cls._create_guardian(cls.member_b, "Ilze Vītola")

    def record(self, code=None, name="Pēteris Vītols", phone="+371 29 123 456", consent=True, user=None):
        return (
            self.env["event.registration"]
            .with_user(user or self.desk)
            .mazpulki_record_gate_consent(code or self.code_b, self.camp.id, name, phone, consent)
        )

    def registration_of(self, member):
        return self.env["event.registration"].search([("event_id", "=", self.camp.id), ("partner_id", "=", member.id)])

    # typed codes

    def test_typed_short_code_and_member_number_check_in(self):
        short = self.member_a.mazpulki_card_id.short_code_display.lower().replace("-", " ")
        result = self.scan(short, user=self.desk)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(result["name"], "Madara Liepiņa")
        result = self.scan(f"  {self.member_adult.member_number}  ", user=self.desk)
        self.assertEqual(result["status"], "confirmed_registration", "an adult walks in by member number")
        self.assertEqual(result["mazpulki_club"], "Testa mazpulks Kurzemē")
        self.assertEqual(self.scan(self.member_a.member_number, user=self.desk)["status"], "already_registered")

    def test_typed_revoked_short_code_is_refused(self):
        card = self.member_a.mazpulki_card_id
        card._revoke("stolen")
        result = self.scan(card.short_code_display, user=self.desk)
        self.assertEqual(result["status"], "mazpulki_revoked_card")

    # a guardian at the gate

    def test_child_walkin_refused_offers_the_gate(self):
        result = self.scan(self.code_b, user=self.desk)
        self.assertEqual(result["status"], "mazpulki_approval_missing")
        self.assertTrue(result["mazpulki_gate_possible"])
        self.assertIn("or here at the gate", result["mazpulki_message"])
        self.assertFalse(self.registration_of(self.member_b))

    def test_guardian_at_the_gate_approves_on_the_spot(self):
        guardians_before = self.env["mazpulki.guardian"].search_count([])
        result = self.record()
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertTrue(result["mazpulki_gate_recorded"])
        registration = self.registration_of(self.member_b)
        self.assertRecordValues(
            registration,
            [
                {
                    "state": "done",
                    "mazpulki_approval_state": "approved",
                    "mazpulki_approved_by_id": False,
                    "mazpulki_gate_consent": True,
                    "mazpulki_gate_guardian_name": "Pēteris Vītols",
                    "mazpulki_gate_guardian_phone": "+371 29 123 456",
                    "mazpulki_gate_recorded_by_id": self.desk.id,
                }
            ],
        )
        self.assertTrue(registration.mazpulki_gate_recorded_at)
        self.assertEqual(len(registration.mazpulki_attendance_ids), 1)
        # the adult at the gate is not made the child's guardian in the registry
        self.assertEqual(self.env["mazpulki.guardian"].search_count([]), guardians_before)
        self.assertEqual(self.member_b.guardian_ids.guardian_id, self.mother_b)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Pēteris Vītols")]))
        # scanned again: already in
        self.assertEqual(self.scan(self.code_b, user=self.desk)["status"], "already_registered")

    def test_registration_waiting_for_the_portal_approved_at_the_gate(self):
        registration = self.env["event.registration"].create({"event_id": self.camp.id, "partner_id": self.member_b.id})
        self.assertEqual(registration.mazpulki_approval_state, "pending")
        self.assertTrue(self.scan(self.code_b, user=self.desk)["mazpulki_gate_possible"])
        result = self.record(code=self.member_b.member_number)
        self.assertEqual(result["status"], "confirmed_registration")
        self.assertEqual(result["id"], registration.id)
        self.assertRecordValues(
            registration,
            [{"state": "done", "mazpulki_approval_state": "approved", "mazpulki_gate_guardian_name": "Pēteris Vītols"}],
        )

    def test_a_guardians_refusal_stands_at_the_gate(self):
        registration = self.env["event.registration"].create({"event_id": self.camp.id, "partner_id": self.member_b.id})
        registration.action_mazpulki_decline(guardian=self.mother_b)
        self.assertNotIn("mazpulki_gate_possible", self.scan(self.code_b, user=self.desk))
        result = self.record()
        self.assertEqual(result["status"], "canceled_registration")
        self.assertEqual(registration.mazpulki_approval_state, "declined")
        self.assertFalse(registration.mazpulki_gate_consent)

    def test_gate_needs_name_phone_and_consent(self):
        for values, message in (
            ({"name": "  "}, "name of the guardian"),
            ({"phone": ""}, "phone number"),
            ({"phone": "zvaniet mammai"}, "phone number"),
            ({"phone": "123"}, "phone number"),
            ({"consent": False}, "has to consent"),
            ({"consent": "yes"}, "has to consent"),
        ):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, message):
                self.record(**values)
        self.assertFalse(self.registration_of(self.member_b))

    def test_gate_for_the_desk_only(self):
        for user in (self.user_leader_b, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.record(user=user)
        self.assertFalse(self.registration_of(self.member_b))

    # what the desk cannot do or see

    def test_desk_cannot_approve_by_rpc(self):
        registration = self.env["event.registration"].create({"event_id": self.camp.id, "partner_id": self.member_b.id})
        as_desk = registration.with_user(self.desk)
        with self.assertRaises(AccessError):
            as_desk.action_mazpulki_approve()
        for vals in (
            {"mazpulki_approval_state": "approved"},
            {"mazpulki_gate_consent": True},
            {"mazpulki_gate_guardian_name": "Kāds", "mazpulki_gate_guardian_phone": "+371 20000000"},
            {"mazpulki_approved_by_id": self.mother_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_desk.write(vals)
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(self.desk).create(
                {"event_id": self.camp.id, "partner_id": self.member_adult.id, "mazpulki_approval_state": "not_needed"}
            )
        self.assertEqual(registration.mazpulki_approval_state, "pending")

    def test_desk_reads_no_guardian_consent_or_personal_code(self):
        self.record()
        registration = self.registration_of(self.member_b).with_user(self.desk)
        for field in (
            "mazpulki_approved_by_id",
            "mazpulki_gate_guardian_name",
            "mazpulki_gate_guardian_phone",
            "mazpulki_gate_recorded_by_id",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                registration.read([field])
        for model in ("mazpulki.guardian", "mazpulki.consent", "mazpulki.member.card"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.desk).search_read([], ["id"])
        with self.assertRaises(AccessError):
            self.member_b.with_user(self.desk).read(["personal_code"])
        # the office sees it all
        office = registration.with_user(self.user_officer)
        self.user_officer.groups_id += self.env.ref("event.group_event_user")
        self.assertEqual(office.mazpulki_gate_guardian_name, "Pēteris Vītols")

    def test_desk_opens_the_attendee_list(self):
        """The event's "Attendees" (list, kanban, form) as the desk loads them: no access error, no guardian."""
        registration_b = self.env["event.registration"].create(
            {"event_id": self.camp.id, "partner_id": self.member_b.id}
        )
        Registration = self.env["event.registration"].with_user(self.desk)
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.desk)
            ._for_xml_id("event.act_event_registration_from_event")
        )
        self.assertEqual(action["res_model"], "event.registration")
        views = Registration.get_views([(False, "list"), (False, "kanban"), (False, "form"), (False, "search")])
        fields_info = views["models"]["event.registration"]["fields"]
        self.assertNotIn("mazpulki_approved_by_id", fields_info)
        self.assertNotIn("mazpulki_gate_guardian_name", fields_info)
        for view_type in ("list", "kanban", "form"):
            arch = etree.fromstring(views["views"][view_type]["arch"])
            names = {node.get("name") for node in arch.iter("field") if node.getparent().tag != "field"}
            spec = {}
            for name in names & set(fields_info):
                relational = fields_info[name]["type"] in ("many2one", "one2many", "many2many")
                spec[name] = {"fields": {"display_name": {}}} if relational else {}
            with self.subTest(view=view_type):
                records = Registration.web_search_read([("event_id", "=", self.camp.id)], spec)["records"]
                self.assertEqual(len(records), 2)
        # namesakes told apart: the kanban of the desk's search shows club and age group
        kanban = views["views"]["kanban"]["arch"]
        self.assertIn("o_mazpulki_kanban_club", kanban)
        self.assertIn("o_mazpulki_kanban_age", kanban)
        row = Registration.browse(registration_b.id).read(["mazpulki_club_id", "mazpulki_age_group"])[0]
        self.assertEqual(row["mazpulki_club_id"][1].split("] ")[-1], "Testa mazpulks Latgalē")
        self.assertEqual(row["mazpulki_age_group"], "7_12")
        self.assertFalse(re.search(r"Ilze Vītola", str(records)))
