import base64
import datetime
import json
import os
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common import MazpulkiCommon, prove_guardian

# a 1x1 PNG: a picture on the contact
PIXEL = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestRetention(MazpulkiCommon):
    """Former members are anonymised after N years without a membership (issue 22, part 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Erasure = cls.env["mazpulki.erasure"]
        cls.env["ir.config_parameter"].set_param("mazpulki_members.retention_years", 3)
        cls.user_manager = new_test_user(
            cls.env, login="office_manager", name="Vija Vadone", groups="mazpulki_members.group_mazpulki_manager"
        )
        cls.former = cls._create_former("Anna Bērziņa", last_year=cls.year - 4)
        cls.mother = cls._create_guardian(cls.former, "Inga Bērziņa")
        cls.sibling = cls._create_member("Pēteris Bērziņš", cls.club_a, years=12)
        cls.father = cls._create_guardian(cls.former, "Andris Bērziņš", relation="father")
        prove_guardian(cls.env, cls.sibling, cls.father, "father")
        cls.portal_user = cls._create_portal_user(cls.former, "anna_portal")

    @classmethod
    def _create_former(cls, name, last_year, **vals):
        """A former member: 20 now, a member in ``last_year - 1`` and ``last_year`` only."""
        member = cls._create_member(
            name,
            cls.club_a,
            years=20,
            email=f"{name.split()[0].lower()}@example.lv",
            phone="+371 20000000",
            street="Lielā iela 1",
            city="Jelgava",
            school_name="Jelgavas 1. vidusskola",
            mazpulki_gender="female",
            **vals,
        )
        member.mazpulki_membership_ids.unlink()
        cls.env["mazpulki.membership"].create(
            [
                {"member_id": member.id, "club_id": cls.club_a.id, "year": year, "date_join": datetime.date(year, 1, 1)}
                for year in (last_year - 1, last_year)
            ]
        )
        return member

    def _consent(self, member, kind, giver=None):
        return self.env["mazpulki.consent"].create(
            {
                "member_id": member.id,
                "consent_type": kind,
                "given_by_id": (giver or member).id,
                "date_given": member.birthdate_date + datetime.timedelta(days=365 * 18),
                "note": "Signed at the club evening by Inga",
            }
        )

    def test_due_by_the_office_setting(self):
        due = self.Erasure._due_partners()
        self.assertIn(self.former, due)
        self.assertNotIn(self.member_a, due, "a current member is not due")
        self.assertEqual(self.former.mazpulki_date_erasure_due, datetime.date(self.year, 1, 1))
        self.env["ir.config_parameter"].set_param("mazpulki_members.retention_years", 5)
        self.assertNotIn(self.former, self.Erasure._due_partners(), "5 years: not yet")

    def test_anonymise_removes_personal_data(self):
        former = self.former
        former.image_1920 = PIXEL
        former.message_post(body="Anna forgot her boots at the camp")
        consent = self._consent(former, "photo")
        application = self.env["mazpulki.member.application"].create(
            {
                "club_id": self.club_a.id,
                "name": former.name,
                "birthdate_date": former.birthdate_date,
                "guardian_name": "Inga Bērziņa",
                "guardian_email": "inga@example.lv",
                "guardian_phone": "+371 29123456",
                "consent_data_processing": True,
                "school_name": "Jelgavas 1. vidusskola",
            }
        )
        self.env.cr.execute(
            SQL("UPDATE mazpulki_member_application SET member_id = %s WHERE id = %s", former.id, application.id)
        )
        card = former.mazpulki_card_ids[:1]
        old_code, old_short_code = card.code, card.short_code
        birth_year = former.birthdate_date.year
        ages = former.mazpulki_membership_ids.mapped("age")
        self.Erasure._cron_anonymise(batch_size=500)
        self.env.invalidate_all()

        self.assertEqual(former.name, "Anonymised")
        self.assertFalse(former.email or former.phone or former.street or former.city or former.school_name)
        self.assertEqual(former.birthdate_date, datetime.date(birth_year, 7, 1), "the birth year stays")
        self.assertEqual(former.mazpulki_membership_ids.mapped("age"), ages, "ages in the years unchanged")
        self.assertEqual(former.mazpulki_gender, "female")
        self.assertEqual(former.mazpulki_club_id, self.club_a)
        self.assertFalse(former.image_1920)
        self.assertFalse(
            self.env["ir.attachment"].search_count([("res_model", "=", "res.partner"), ("res_id", "=", former.id)])
        )
        self.assertFalse(
            self.env["mail.message"].search_count([("model", "=", "res.partner"), ("res_id", "=", former.id)])
        )
        self.assertNotEqual(card.code, old_code)
        self.assertTrue(old_short_code)
        self.assertNotEqual(card.short_code, old_short_code, "the code printed under the QR dies with the card")
        self.assertEqual(card.state, "revoked")
        self.assertFalse(consent.note)
        self.assertEqual(consent.given_by_id, former)
        self.assertEqual(application.name, "Anonymised")
        self.assertFalse(application.guardian_email or application.guardian_name or application.school_name)
        self.assertFalse(self.portal_user.with_context(active_test=False).active)
        self.assertNotIn("anna", self.portal_user.login)
        self.assertFalse(former.sudo().personal_code)
        self.assertFalse(former.guardian_ids)
        # the mother guards no other child: gone; the father guards the sibling: kept
        self.assertEqual(self.mother.name, "Anonymised")
        self.assertFalse(self.mother.email)
        self.assertFalse(self.mother.active)
        self.assertEqual(self.father.name, "Andris Bērziņš")
        self.assertIn(self.father, self.sibling.guardian_ids.guardian_id)
        log = self.env["mazpulki.erasure.log"].search([("partner_ref", "in", (former | self.mother).ids)])
        self.assertEqual(len(log), 2)
        self.assertEqual(set(log.mapped("cause")), {"retention"})

    def test_alumni_consent_and_hold_keep_a_person(self):
        alumna = self._create_former("Līga Ozola", last_year=self.year - 6)
        held = self._create_former("Rasa Kalna", last_year=self.year - 6)
        self._consent(alumna, "alumni")
        wizard = (
            self.env["mazpulki.erasure.wizard"]
            .with_user(self.user_officer)
            .create({"mode": "hold", "partner_ids": [(6, 0, held.ids)], "reason": "Open accident report"})
        )
        wizard.action_apply()
        self.assertEqual(held.sudo().mazpulki_hold_user_id, self.user_officer)
        self.Erasure._cron_anonymise()
        self.assertEqual(alumna.name, "Līga Ozola")
        self.assertEqual(held.name, "Rasa Kalna")
        self.assertEqual(self.former.name, "Anonymised")
        # the office's list shows the held person (not the alumna); released, the next run anonymises her
        action = self.env["mazpulki.erasure"].with_user(self.user_officer).action_open_due()
        listed = self.env["res.partner"].with_context(active_test=False).search(action["domain"])
        self.assertIn(held, listed)
        self.assertNotIn(alumna, listed)
        held.with_user(self.user_officer).action_mazpulki_erasure_release()
        self.Erasure._cron_anonymise()
        self.assertEqual(held.name, "Anonymised")
        # a withdrawn alumni consent no longer keeps her
        alumna.consent_ids.filtered(lambda c: c.consent_type == "alumni").action_withdraw()
        self.Erasure._cron_anonymise()
        self.assertEqual(alumna.name, "Anonymised")

    def test_forget_now(self):
        wizard = (
            self.env["mazpulki.erasure.wizard"]
            .with_user(self.user_manager)
            .create({"mode": "forget", "partner_ids": [(6, 0, self.member_a.ids)], "reason": "Request by e-mail"})
        )
        with self.assertRaises(UserError):
            wizard.action_apply()  # not confirmed
        wizard.confirm = True
        wizard.action_apply()
        self.assertEqual(self.member_a.name, "Anonymised")
        log = self.env["mazpulki.erasure.log"].search([("partner_ref", "=", self.member_a.id)])
        self.assertEqual(log.cause, "request")
        self.assertEqual(log.user_ref, self.user_manager.id)
        with self.assertRaises(UserError):
            log.write({"partner_ref": 1})
        with self.assertRaises(UserError):
            log.unlink()

    def test_access(self):
        """Portal users, leaders and officers (for Forget now) cannot hold, forget or anonymise."""
        portal = self._create_portal_user(self.member_a, "madara_portal")
        for user in (portal, self.user_leader_a, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.former.with_user(user).action_mazpulki_erasure_hold()
                with self.assertRaises(AccessError):
                    self.former.with_user(user).action_mazpulki_erasure_forget()
                with self.assertRaises(AccessError):
                    self.former.with_user(user).action_mazpulki_erasure_release()
                with self.assertRaises(AccessError):
                    self.env["mazpulki.erasure"].with_user(user).action_open_due()
                with self.assertRaises(AccessError):
                    self.env["mazpulki.erasure.wizard"].with_user(user).create(
                        {"mode": "forget", "partner_ids": [(6, 0, self.former.ids)], "reason": "x", "confirm": True}
                    )
                with self.assertRaises(AccessError):
                    self.env["mazpulki.erasure.log"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.former.with_user(user)._mazpulki_erase_personal_data()
        with self.assertRaises(AccessError):
            self.former.with_user(self.user_officer).action_mazpulki_erasure_forget()
        wizard = (
            self.env["mazpulki.erasure.wizard"]
            .with_user(self.user_officer)
            .create({"mode": "forget", "partner_ids": [(6, 0, self.former.ids)], "reason": "x", "confirm": True})
        )
        with self.assertRaises(AccessError):
            wizard.action_apply()
        self.assertEqual(self.former.name, "Anna Bērziņa")
        # the hold fields are not writable by RPC
        with self.assertRaises(AccessError):
            self.former.with_user(self.user_leader_a).write({"mazpulki_hold_reason": "mine"})

    def test_batches_take_constant_queries(self):
        """The queries of a batch do not depend on its size."""
        warm = self._create_former("Silta Persona", last_year=self.year - 5)
        small = self.env["res.partner"]
        large = self.env["res.partner"]
        for index in range(2):
            small |= self._create_former(f"Maza Persona{index}", last_year=self.year - 5)
        for index in range(6):
            large |= self._create_former(f"Liela Persona{index}", last_year=self.year - 5)
        for member in warm | small | large:
            self._create_guardian(member, f"Aizbildnis {member.name}")
            self._consent(member, "photo")
        self.env.flush_all()
        self.env.invalidate_all()
        queries = []
        for batch in (warm, small, large):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            self.Erasure._anonymise(batch, "retention")
            self.env.flush_all()
            queries.append(self.cr.sql_log_count - start)
        self.assertEqual(queries[1], queries[2], f"queries for 1 (warming the caches), 2 and 6 people: {queries}")

    def test_restore_reapplies_the_log_file(self):
        """bin/restore re-applies the erasure-log files: a person anonymised after the backup is again."""
        db_uuid = self.env["ir.config_parameter"].get_param("database.uuid")
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "other.jsonl"), "w", encoding="utf-8") as log_file:
                for entry in (
                    {"db_uuid": db_uuid, "partner_id": self.former.id, "cause": "request", "batch": "b1"},
                    {"db_uuid": "another-database", "partner_id": self.member_a.id, "cause": "request"},
                ):
                    log_file.write(json.dumps(entry) + "\n")
                log_file.write('{"db_uuid": "cut by a cra')
            count = self.Erasure._reapply_log_files(directory)
        self.assertEqual(count, 1)
        self.assertEqual(self.former.name, "Anonymised")
        self.assertEqual(self.member_a.name, "Madara Liepiņa", "another database's log is not applied")
        log = self.env["mazpulki.erasure.log"].search([("partner_ref", "=", self.former.id)])
        self.assertEqual((log.cause, log.batch), ("request", "b1"))

    def test_log_file_written_on_commit(self):
        """The file's lines wait for the commit (a rolled-back anonymisation leaves no line)."""
        self.Erasure._anonymise(self.former, "request")
        self.assertTrue(self.env.cr.postcommit._funcs)
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "erasure-log", "db.jsonl")
            self.Erasure._append_lines(path, ['{"partner_id": 1}'])
            self.Erasure._append_lines(path, ['{"partner_id": 2}'])
            with open(path, encoding="utf-8") as log_file:
                self.assertEqual([json.loads(line)["partner_id"] for line in log_file], [1, 2])

    def test_privacy_lookup_finds_the_registry(self):
        self.former.sudo().personal_code = "32123456789"
        wizard = self.env["privacy.lookup.wizard"].create({"name": "321234-56789", "email": "nobody@example.invalid"})
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertIn(("res.partner", self.former.id), found)
        for membership in self.former.mazpulki_membership_ids:
            self.assertIn(("mazpulki.membership", membership.id), found)
        wizard = self.env["privacy.lookup.wizard"].create({"name": "Anna Bērziņa", "email": "inga@example.lv"})
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        links = self.env["mazpulki.guardian"].search([("guardian_id", "=", self.mother.id)])
        self.assertTrue(links)
        for link in links:
            self.assertIn(("mazpulki.guardian", link.id), found)

    def test_model_coverage(self):
        """Every suite model linked to a person is handled by the anonymisation (or listed with a reason)."""
        coverage = self.env["res.partner"]._mazpulki_erasure_coverage()
        # the models a suite add-on defines or extends: those with a field the add-on brings
        self.env.cr.execute(
            "SELECT DISTINCT f.model FROM ir_model_fields f JOIN ir_model_data d "
            "ON d.model = 'ir.model.fields' AND d.res_id = f.id WHERE d.module LIKE 'mazpulki%%'"
        )
        suite_models = {row[0] for row in self.env.cr.fetchall()}
        missing = []
        for model_name in sorted(suite_models):
            if model_name not in self.env:
                continue
            model = self.env[model_name]
            if not any(
                field.comodel_name == "res.partner" and field.store and field.type in ("many2one", "many2many")
                for field in model._fields.values()
            ):
                continue
            if model_name not in coverage:
                missing.append(model_name)
        self.assertGreater(len(suite_models), 10)
        self.assertFalse(missing, f"suite models linked to a person the anonymisation does not handle: {missing}")
