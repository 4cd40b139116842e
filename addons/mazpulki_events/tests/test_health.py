import json
import os
import tempfile
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mazpulki_members.tests.test_data_export import pdf_text

from .health_common import ANSWERS, HealthCommon


@tagged("post_install", "-at_install")
class TestHealthAccess(HealthCommon):
    """Who reads a child's health information: only the staff the event manager named for that event."""

    def outsiders(self):
        return {
            "club leader of the child": self.user_leader_a,
            "another event's medic": self.user_other_medic,
            "office manager (not named)": self.user_office_manager,
            "office": self.user_office,
            "accountant / board member (internal user)": self.user_employee,
            "desk volunteer": self.user_desk,
            "administrator (not named)": self.user_admin,
            "mother (portal)": self.user_mother_a,
            "stranger family (portal)": self.user_father_b,
        }

    def test_orm_and_rpc_denied_to_everybody(self):
        """No group has access rights on the model: read, search, read_group, web_read, export all fail, for
        outsiders and for the named staff too (they read through the checked methods only)."""
        users = {**self.outsiders(), "camp lead": self.user_lead, "medic": self.user_medic}
        for who, user in users.items():
            Health = self.Health.with_user(user)
            calls = {
                "search": lambda H=Health: H.search([]),
                "search_read": lambda H=Health: H.search_read([], ["allergies"]),
                "read": lambda H=Health: H.browse(self.health_a.id).read(["allergies"]),
                "web_read": lambda H=Health: H.browse(self.health_a.id).web_read({"allergies": {}}),
                "web_search_read": lambda H=Health: H.web_search_read([], {"allergies": {}}),
                "read_group": lambda H=Health: H.read_group([], ["allergies"], ["allergies"]),
                "formatted_read_group": lambda H=Health: H._read_group([], ["allergies"], ["__count"]),
                "search_count": lambda H=Health: H.search_count([("allergies", "ilike", "Zeme")]),
                "write": lambda H=Health: H.browse(self.health_a.id).write({"allergies": "x"}),
                "create": lambda H=Health: H.create({"registration_id": self.reg_b.id}),
                "unlink": lambda H=Health: H.browse(self.health_a.id).unlink(),
            }
            for name, call in calls.items():
                with self.subTest(who=who, call=name), self.assertRaises(AccessError):
                    call()
            # export: refused as no right to export, or (for those who may export) as no access to the model
            with self.subTest(who=who, call="export_data"), self.assertRaises(UserError):
                Health.browse(self.health_a.id).export_data(["allergies"])

    def test_fields_get_carries_no_values(self):
        description = json.dumps(self.Health.with_user(self.user_office).fields_get(), default=str)
        self.assertNotIn("Zemesrieksti", description)
        self.assertNotIn("Astma", description)

    def test_no_search_oracle_through_the_registration(self):
        """A dotted domain on the registration does not tell an outsider who has which allergy."""
        for who, user in self.outsiders().items():
            if user.share:
                continue
            Registration = self.env["event.registration"].with_user(user)
            with self.subTest(who=who), self.assertRaises(AccessError):
                Registration.search([("mazpulki_health_ids.allergies", "ilike", "Zeme")])
            with self.subTest(who=who):
                # no such field (ValueError), or no access to the registrations at all (AccessError)
                expected = ValueError if Registration.has_access("read") else AccessError
                with self.assertRaises(expected):
                    Registration.search([("mazpulki_health_id.allergies", "ilike", "Zeme")])
            with self.subTest(who=who, path="read_group"), self.assertRaises(AccessError):
                Registration.read_group([("mazpulki_health_ids.conditions", "=", "Astma")], ["event_id"], ["event_id"])
        # nor by exporting or reading the registrations with a path into the answers
        Registration = self.env["event.registration"].with_user(self.user_office)
        with self.assertRaises(AccessError):
            Registration.browse(self.reg_a.id).export_data(["mazpulki_health_ids/allergies"])
        with self.assertRaises(AccessError):
            Registration.web_search_read(
                [("id", "=", self.reg_a.id)], {"mazpulki_health_ids": {"fields": {"allergies": {}}}}
            )
        self.assertNotIn("mazpulki_health_ids", Registration.fields_get())
        # nor through the flags on the event's participants: only the state and one flag are on the registration
        registration_fields = self.env["event.registration"]._fields
        self.assertNotIn("mazpulki_health_allergies", registration_fields)
        with self.assertRaises(AccessError):
            self.reg_a.with_user(self.user_office).read(["mazpulki_health_ids"])

    def test_camp_lead_and_medic_read_everything(self):
        for user in (self.user_lead, self.user_medic):
            data = self.Health.with_user(user)._mazpulki_read_for_staff(self.health_camp)
            self.assertEqual(data["scope"], "full")
            row = next(r for r in data["rows"] if r["registration_id"] == self.reg_a.id)
            self.assertEqual(row["conditions"], "Astma")
            self.assertEqual(row["medication_times"], "8:00 un 20:00")
            self.assertEqual(row["contact2_phone"], "+371 29112233")
            self.assertEqual({r["registration_id"] for r in data["rows"]}, {self.reg_a.id, self.reg_b.id})

    def test_kitchen_reads_diet_and_allergies_only(self):
        data = self.Health.with_user(self.user_kitchen)._mazpulki_read_for_staff(self.health_camp)
        self.assertEqual(data["scope"], "kitchen")
        row = next(r for r in data["rows"] if r["registration_id"] == self.reg_a.id)
        self.assertEqual((row["allergies"], row["diet"]), ("Zemesrieksti", "Bez glutēna"))
        self.assertFalse({"conditions", "medication", "medication_times", "contact1_phone", "note"} & set(row))
        self.assertNotIn("Astma", json.dumps(data))
        with self.assertRaises(AccessError):
            self.Health.with_user(self.user_kitchen)._mazpulki_read_for_staff(self.health_camp, scope="full")

    def test_group_leader_sees_flags_of_her_group_only(self):
        data = self.Health.with_user(self.user_group_leader)._mazpulki_read_for_staff(self.health_camp)
        self.assertEqual(data["scope"], "flags")
        self.assertEqual([r["registration_id"] for r in data["rows"]], [self.reg_a.id])
        row = data["rows"][0]
        self.assertEqual((row["has_allergy"], row["has_medication"], row["has_diet"]), (True, True, True))
        self.assertNotIn("Zemesrieksti", json.dumps(data))
        self.assertNotIn("Ventolin", json.dumps(data))

    def test_outsiders_read_nothing(self):
        for who, user in self.outsiders().items():
            with self.subTest(who=who), self.assertRaises(AccessError):
                self.Health.with_user(user)._mazpulki_read_for_staff(self.health_camp)
        # a medic of another event reads her own event only
        self.assertEqual(self.Health._mazpulki_scope(self.health_camp, self.user_other_medic), False)
        self.assertEqual(self.Health._mazpulki_scope(self.other_camp, self.user_other_medic), "full")

    def test_staff_are_named_by_the_event_manager_only(self):
        with self.assertRaises(AccessError):
            self.env["mazpulki.event.staff"].with_user(self.user_office).create(
                {"event_id": self.health_camp.id, "user_id": self.user_office.id, "role": "medic"}
            )
        with self.assertRaises(AccessError):
            self.env["mazpulki.event.staff"].with_user(self.user_medic).create(
                {"event_id": self.health_camp.id, "user_id": self.user_leader_a.id, "role": "medic"}
            )
        # whatever the office requires of camp staff (test_health_staff_qualification), she is let through
        self.env["mazpulki.qualification.override"].create(
            {
                "partner_id": self.user_office_manager.partner_id.id,
                "role_id": self.env.ref("mazpulki_members.qualification_role_camp_staff").id,
                "reason": "Ārste; apliecības kopija birojā",
            }
        )
        staff = (
            self.env["mazpulki.event.staff"]
            .with_user(self.user_office_manager)
            .create({"event_id": self.health_camp.id, "user_id": self.user_office_manager.id, "role": "medic"})
        )
        # the naming is on the event's chatter: the office manager naming herself is seen
        self.assertIn("Aija Vadītāja", self.health_camp.message_ids[:1].body)
        self.assertEqual(self.Health.with_user(self.user_office_manager)._mazpulki_scope(self.health_camp), "full")
        staff.unlink()

    def test_read_log(self):
        Log = self.env["mazpulki.event.health.read.log"]
        before = Log.search_count([])
        self.Health.with_user(self.user_kitchen)._mazpulki_read_for_staff(self.health_camp)
        logs = Log.search([], limit=2)
        self.assertEqual(Log.search_count([]) - before, 2)
        self.assertEqual(set(logs.mapped("scope")), {"kitchen"})
        self.assertEqual(logs.user_id, self.user_kitchen)
        self.assertEqual(set(logs.partner_id.ids), {self.member_a.id, self.member_b.id})
        self.assertEqual(logs.event_id, self.health_camp)
        # read by the office manager only, changed by nobody
        self.assertTrue(Log.with_user(self.user_office_manager).search([]))
        for user in (self.user_office, self.user_medic, self.user_employee, self.user_mother_a):
            with self.assertRaises(AccessError):
                Log.with_user(user).search([])
        with self.assertRaises(UserError):
            logs.with_user(self.user_office_manager).write({"scope": "flags"})
        with self.assertRaises(AccessError):
            logs.with_user(self.user_office_manager).unlink()

    def test_desk_sees_a_flag_only(self):
        registration = self.reg_a.with_user(self.user_desk)
        self.assertTrue(registration.mazpulki_has_health_notes)
        self.assertFalse(self.reg_adult.with_user(self.user_desk).mazpulki_has_health_notes)
        with self.assertRaises(AccessError):
            registration.read(["mazpulki_health_ids"])

    def test_offline_desk_data_holds_no_health_data(self):
        data = self.health_camp.with_user(self.user_desk).mazpulki_desk_offline_data()
        payload = json.dumps(data, default=str)
        for value in ANSWERS.values():
            self.assertNotIn(value, payload)
        self.assertNotIn("health", payload.lower())
        self.assertNotIn("allerg", payload.lower())


@tagged("post_install", "-at_install")
class TestHealthPdf(HealthCommon, HttpCase):
    """wkhtmltopdf fetches the report's assets from the test server: an HttpCase shares the transaction."""

    def test_medic_list_pdf(self):
        Attachment = self.env["ir.attachment"].sudo()
        attachments = Attachment.search_count([])
        logs = self.env["mazpulki.event.health.read.log"].search_count([("channel", "=", "pdf")])
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_medic)
            .sudo()
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_events.action_report_event_health_medic", self.health_camp.ids)
        )
        text = pdf_text(pdf)
        for expected in ("Madara Liepiņa", "Zemesrieksti", "Ventolin", "8:00 un 20:00", "+371 29112233", "Astma"):
            self.assertIn(expected, text)
        self.assertEqual(Attachment.search_count([]), attachments, "the medic's list is never stored")
        self.assertEqual(self.env["mazpulki.event.health.read.log"].search_count([("channel", "=", "pdf")]) - logs, 2)
        for user in (self.user_kitchen, self.user_group_leader, self.user_office_manager, self.user_other_medic):
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                self.env["ir.actions.report"].with_user(user).sudo()._render_qweb_pdf(
                    "mazpulki_events.action_report_event_health_medic", self.health_camp.ids
                )
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                self.health_camp.with_user(user).action_mazpulki_medic_list()


@tagged("post_install", "-at_install")
class TestHealthFamily(HealthCommon):
    def test_who_fills_in(self):
        family = self.Health._mazpulki_family_registrations
        self.assertEqual(family(self.mother_a), self.reg_a | self.reg_other_a)
        self.assertEqual(family(self.member_adult), self.reg_adult, "a member of 18 fills in her own")
        self.assertFalse(family(self.member_a), "a member of 15 does not")
        self.assertFalse(family(self.parent_unproved), "a parent without proof does not")
        self.assertNotIn(self.reg_a, family(self.father_b), "another family does not")

    def test_state_and_validation(self):
        self.assertEqual(self.reg_a.mazpulki_health_state, "given")
        self.assertEqual(self.reg_adult.mazpulki_health_state, "missing")
        self.assertTrue(self.reg_a.mazpulki_has_health_notes)
        with self.assertRaises(ValidationError):
            self.Health._mazpulki_save_family(self.reg_adult, self.member_adult, {**ANSWERS, "contact2_phone": ""})
        with self.assertRaises(ValidationError):
            self.Health._mazpulki_save_family(
                self.reg_adult, self.member_adult, {**ANSWERS, "contact1_phone": "zvani man"}
            )
        with self.assertRaises(ValidationError):
            self.Health._mazpulki_save_family(self.reg_adult, self.member_adult, {**ANSWERS, "note": "x" * 2001})
        self.assertEqual(self.reg_adult.mazpulki_health_state, "missing")

    def test_last_answers_offered_never_reused_silently(self):
        """For the next camp the earlier answers are a proposal: the state stays missing until confirmed."""
        proposal = self.Health._mazpulki_proposal(self.reg_other_a)
        self.assertEqual(proposal, self.health_a)
        self.assertEqual(self.reg_other_a.mazpulki_health_state, "missing")
        self.assertFalse(self.Health.sudo().search([("registration_id", "=", self.reg_other_a.id)]))
        health = self.Health._mazpulki_save_family(self.reg_other_a, self.mother_a, {}, confirm_from=proposal)
        self.assertEqual(health.state, "confirmed")
        self.assertEqual(health.allergies, "Zemesrieksti")
        self.assertEqual(health.proposed_from_id, self.health_a)
        self.assertEqual(self.reg_other_a.mazpulki_health_state, "confirmed")

    def test_deadline(self):
        self.health_camp.mazpulki_health_deadline_days = 11  # the deadline was yesterday
        with self.assertRaises(UserError):
            self.Health._mazpulki_save_family(self.reg_adult, self.member_adult, ANSWERS)

    def test_reminder_once_and_missing_list(self):
        now = self.health_camp.date_begin - timedelta(days=5)
        template = self.env.ref("mazpulki_events.mail_template_health_reminder")
        self.assertTrue(template)
        self.env["event.event"]._cron_mazpulki_health_reminders(now=now)
        # the adult; Madara's and Roberts' are given; the other camp's reminder is not due yet
        self.assertFalse(self.reg_other_a.mazpulki_health_reminded)
        self.assertTrue(self.reg_adult.mazpulki_health_reminded)
        self.assertFalse(self.reg_a.mazpulki_health_reminded)
        reminders = [("model", "=", "event.registration"), ("subject", "ilike", "health information")]
        mail = self.env["mail.mail"].search([*reminders, ("res_id", "=", self.reg_adult.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn(f"/my/health/{self.reg_adult.id}", mail.body_html)
        self.env["event.event"]._cron_mazpulki_health_reminders(now=now)
        mails = self.env["mail.mail"].search([*reminders, ("res_id", "=", self.reg_adult.id)])
        self.assertEqual(len(mails), 1, "one reminder only")
        # the event manager's list of the missing ones
        action = self.health_camp.action_mazpulki_health_missing()
        self.assertEqual(action["context"]["search_default_mazpulki_health_missing"], 1)
        self.assertEqual(self.health_camp.mazpulki_health_missing_count, 1)
        missing = self.env["event.registration"].search(action["domain"] + [("mazpulki_health_state", "=", "missing")])
        self.assertEqual(missing, self.reg_adult)


@tagged("post_install", "-at_install")
class TestHealthDeletion(HealthCommon):
    def test_deleted_after_the_event_except_incident(self):
        self.assertEqual(self.health_a.date_delete, self.health_camp.date_end + timedelta(days=30))
        with self.assertRaises(AccessError):
            self.Health.with_user(self.user_office)._mazpulki_keep_for_incident(self.reg_b, "Kritiens")
        self.Health.with_user(self.user_office_manager)._mazpulki_keep_for_incident(self.reg_b, "Kritiens no koka")
        Deletion = self.env["mazpulki.event.health.deletion"]
        self.Health._cron_delete_expired(now=self.health_camp.date_end + timedelta(days=29))
        self.assertTrue(self.health_a.exists())
        self.assertFalse(Deletion.search([("event_ref", "=", self.health_camp.id)]))
        self.Health._cron_delete_expired(now=self.health_camp.date_end + timedelta(days=31))
        self.assertFalse(self.health_a.exists())
        self.assertEqual(self.health_b.incident_report, "Kritiens no koka")
        self.assertEqual(self.reg_a.mazpulki_health_state, "missing")
        log = self.env["mazpulki.event.health.deletion"].search([("event_ref", "=", self.health_camp.id)])
        self.assertEqual(log.count, 1)
        self.assertEqual(
            set(log._fields) & {"partner_id", "registration_id", "user_id"}, set(), "no personal data in the log"
        )
        # the line for the file bin/restore re-applies is written when the transaction commits
        self.assertTrue(self.env.cr.postcommit._funcs)

    def test_reapplied_after_a_restore(self):
        """A restored older backup brings the answers back: the erasure-log file deletes them again."""
        db_uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        date = self.health_camp.date_end + timedelta(days=31)
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "db.jsonl"), "w", encoding="utf-8") as log_file:
                log_file.write("not json\n")
                log_file.write(
                    json.dumps(
                        {
                            "db_uuid": db_uuid,
                            "kind": "event_health",
                            "event_id": self.health_camp.id,
                            "date": date.strftime("%Y-%m-%d %H:%M:%S"),
                            "count": 2,
                        }
                    )
                    + "\n"
                )
                log_file.write(json.dumps({"db_uuid": "other", "kind": "event_health", "event_id": 1}) + "\n")
            self.Health.with_user(self.user_office_manager)._mazpulki_keep_for_incident(self.reg_b, "Kritiens")
            self.env["mazpulki.erasure"]._reapply_log_files(directory=directory)
            self.assertFalse(self.health_a.exists())
            self.assertTrue(self.health_b.exists(), "kept for an incident")
            log = self.env["mazpulki.event.health.deletion"].search([("event_ref", "=", self.health_camp.id)])
            self.assertTrue(log.restored)
            # again: nothing more, no second log row
            self.env["mazpulki.erasure"]._reapply_log_files(directory=directory)
            self.assertEqual(
                self.env["mazpulki.event.health.deletion"].search_count([("event_ref", "=", self.health_camp.id)]), 1
            )

    def test_anonymisation_removes_health_answers(self):
        self.Health.with_user(self.user_kitchen)._mazpulki_read_for_staff(self.health_camp)
        self.env["mazpulki.erasure"]._anonymise(self.member_a, "request")
        self.assertFalse(self.health_a.exists())
        self.assertFalse(self.env["mazpulki.event.health.read.log"].search([("partner_id", "=", self.member_a.id)]))
        self.assertTrue(self.health_b.exists())

    def test_export_says_it_exists_never_its_content(self):
        sections = self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.member_a)
        section = next(s for s in sections if s["key"] == "event_health")
        self.assertIn("mazpulki.event.health", section["models"])
        self.assertEqual(len(section["rows"]), 1)
        self.assertEqual(section["rows"][0]["event"], "Veselības nometne")
        dump = json.dumps(sections, default=str)
        for value in ("Zemesrieksti", "Astma", "Ventolin", "+371 29112233"):
            self.assertNotIn(value, dump)


@tagged("post_install", "-at_install")
class TestHealthLatvian(HealthCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_events")])._update_translations(["lv_LV"])

    def test_reminder_and_errors_speak_latvian(self):
        self.member_adult.lang = "lv_LV"
        self.env["event.event"]._cron_mazpulki_health_reminders(now=self.health_camp.date_begin - timedelta(days=5))
        mail = self.env["mail.mail"].search([("model", "=", "event.registration"), ("res_id", "=", self.reg_adult.id)])
        mail = mail.filtered(lambda m: "veselības informācija" in (m.subject or ""))
        self.assertEqual(len(mail), 1)
        self.assertIn("Aizpildīt veselības informāciju", mail.body_html)
        Health = self.Health.with_context(lang="lv_LV")
        with self.assertRaisesRegex(ValidationError, "divus ārkārtas kontaktus"):
            Health._mazpulki_save_family(self.reg_adult, self.member_adult, {**ANSWERS, "contact2_name": ""})
        with self.assertRaisesRegex(AccessError, "nozīmējis šim pasākumam"):
            Health.with_user(self.user_office)._mazpulki_read_for_staff(self.health_camp)


@tagged("post_install", "-at_install")
class TestHealthScreens(HealthCommon):
    def test_views_open_for_each_role(self):
        """The registration's and the event's screens open for each role, with the health state and flag only."""
        for user in (self.user_leader_a, self.user_desk, self.user_office, self.user_office_manager):
            with self.subTest(user=user.login):
                views = (
                    self.env["event.registration"]
                    .with_user(user)
                    .get_views([(False, "list"), (False, "form"), (False, "search")])
                )
                self.assertNotIn("mazpulki_health_ids", views["models"]["event.registration"]["fields"])
                self.assertIn("mazpulki_has_health_notes", views["models"]["event.registration"]["fields"])
                registration = self.reg_a.with_user(user)
                registration.read(["mazpulki_has_health_notes", "mazpulki_event_group_id"])
        for user in (self.user_office, self.user_office_manager):
            with self.subTest(user=user.login):
                self.env["event.event"].with_user(user).get_views([(False, "form")])
                self.health_camp.with_user(user).read(["mazpulki_health_missing_count", "mazpulki_staff_ids"])
        action = self.env.ref("mazpulki_events.mazpulki_event_health_read_log_action")
        self.env["mazpulki.event.health.read.log"].with_user(self.user_office_manager).web_search_read(
            action._get_action_dict().get("domain") or [], {"date": {}, "user_id": {"fields": {"display_name": {}}}}
        )
        # the office manager's dialog keeping answers for an incident; nobody else opens it
        result = self.reg_b.with_user(self.user_office_manager).action_mazpulki_health_incident()
        wizard = (
            self.env[result["res_model"]]
            .with_user(self.user_office_manager)
            .with_context(**result["context"])
            .create({"report": "Kritiens pārgājienā"})
        )
        wizard.action_keep()
        self.assertTrue(self.health_b.incident_keep)
        with self.assertRaises(AccessError):
            self.reg_b.with_user(self.user_office).action_mazpulki_health_incident()
