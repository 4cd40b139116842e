import io
import json
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import MazpulkiCommon

# Records that stand for one person: a link to them is a link to that person.
PERSON_RECORDS = {"res.partner", "res.users", "mazpulki.volunteer", "event.registration"}

# Models of the suite linked to a person that hold nothing of a member's own: each with the reason.
NOT_MEMBER_DATA = {
    "mazpulki.club": "a club's host organisation and leaders are adults of the organisation, not a member",
    "mazpulki.club.leader": "club leaders are adult staff and volunteers, never the member being exported",
    "mazpulki.register.import": "the office user who imported a register file; the rows became registry records",
    "mazpulki.leader.qualification": "a report on leaders' training hours (adults), not on members",
    "mazpulki.strategy.entry": "figures of the strategy entered by the office, with no person in them",
    "mazpulki.strategy.snapshot": "a closed year's frozen figures and the office user who closed it",
    "mazpulki.volunteer.team": "a team's coordinators are the organisation's staff",
    "mazpulki.volunteer.award.campaign": "a campaign; its candidates and awards are exported per volunteer",
    "res.company": "the office users who receive re-enrolment news, not members",
    "res.config.settings": "a transient settings form",
    "mazpulki.contact.message": "a visitor's message to the office, linked only to the office user who handled "
    "it; the sender is typed text, not a registry person, and answered messages are deleted after 12 months",
    "mazpulki.data.export.log": "exported too (Earlier Downloads), listed here for the downloader's user link",
    "mazpulki.event.staff": "the people an event manager names as camp staff (adult users), not members",
    "mazpulki.event.group": "a camp group and its leader (a user); the member's group is on the registration",
}


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", file.name, "-"], check=True, capture_output=True
        ).stdout.decode()


def unzip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, json.loads(archive.read("mani-dati.json"))


@tagged("post_install", "-at_install")
class TestFamilyDataExport(TransactionCase):
    """The demo families: Līga (15, her own download; her mother Santa) and Anda's children Marta and Kārlis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.liga = cls.env.ref("mazpulki_members.member_liga_demo")
        cls.marta = cls.env.ref("mazpulki_members.member_marta_berzina_demo")
        cls.karlis = cls.env.ref("mazpulki_members.member_karlis_berzins_demo")
        cls.anda = cls.env.ref("mazpulki_members.partner_guardian_anda_demo")
        cls.user_liga = cls.liga.user_ids[:1]
        cls.user_anda = cls.anda.user_ids[:1]
        cls.Export = cls.env["mazpulki.data.export"]
        # wkhtmltopdf would fetch the styles from the test server, which waits on this test's transaction:
        # a closed port answers at once (as in mazpulki_volunteer's award certificate test)
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")

    def _export(self, member, user):
        # force_report_rendering: a real PDF in tests too, to read its text back
        export_sudo = self.Export.sudo().with_context(force_report_rendering=True)
        content, filename = export_sudo._mazpulki_export(member, user)
        self.assertTrue(filename.endswith(".zip"))
        return content

    def _count(self, model, domain):
        return self.env[model].search_count(domain) if model in self.env else 0

    @unittest.skipUnless(shutil.which("pdftotext"), "poppler's pdftotext reads the PDF's text back")
    def test_family_a_gets_every_record_of_their_child_and_nothing_of_family_b(self):
        content = self._export(self.liga, self.user_liga)
        archive, data = unzip(content)
        sections = data["sections"]
        text = json.dumps(data, ensure_ascii=False) + pdf_text(archive.read("mani-dati.pdf"))
        # Every record of Līga's, model by model.
        liga = self.liga
        expected = {
            "consents": len(liga.consent_ids),
            "memberships": len(liga.mazpulki_membership_ids),
            "guardians": len(liga.guardian_ids),
            "cards": len(liga.mazpulki_card_ids),
            "projects": self._count("mazpulki.project", [("member_ids", "in", liga.ids)]),
            "event_registrations": self._count("event.registration", [("mazpulki_member_id", "=", liga.id)]),
            "event_attendance": self._count(
                "mazpulki.event.attendance", [("registration_id.mazpulki_member_id", "=", liga.id)]
            ),
            "volunteer_hours": self._count(
                "account.analytic.line", [("mazpulki_volunteer_id.partner_id", "=", liga.id)]
            ),
        }
        for key, count in expected.items():
            self.assertEqual(len(sections.get(key, [])), count, f"section {key}")
        self.assertGreater(expected["memberships"], 3, "the demo gives Līga years of history")
        self.assertEqual(sections["registry"][0]["member_number"], liga.member_number)
        self.assertIn("Santa Ozoliņa", text)
        if "mazpulki.project" in self.env:
            projects = self.env["mazpulki.project"].search([("member_ids", "in", liga.ids)])
            for project in projects:
                title = project.name
                for other in project.member_ids - liga:
                    title = title.replace(other.name, "…")
                    self.assertNotIn(other.name, text, "a team-mate is never named, not even in a title")
                self.assertIn(title, text)
            evidence = [name for name in archive.namelist() if name.startswith("faili/projekti/")]
            solo = projects.filtered(lambda p: p.member_count == 1)
            self.assertEqual(len(evidence), len(solo.evidence_ids), "a team's photos show other people")
        # Nothing of family B (Anda, Marta, Kārlis), nor of any other member.
        for partner in self.anda | self.marta | self.karlis:
            self.assertNotIn(partner.name, text)
            if partner.member_number:
                self.assertNotIn(partner.member_number, text)
            if partner.email:
                self.assertNotIn(partner.email, text)
        others = self.env["res.partner"].search([("is_mazpulki_member", "=", True), ("id", "!=", liga.id)])
        leaked = [name for name in others.mapped("name") if name in text]
        self.assertFalse(leaked, "no other member is named in Līga's export")
        # The download is logged, without content.
        log = self.env["mazpulki.data.export.log"].search([("member_id", "=", liga.id)], limit=1)
        self.assertEqual((log.user_id, log.size), (self.user_liga, len(content)))

    def test_family_b_guardian_gets_her_child_and_nothing_of_family_a(self):
        archive, data = unzip(self._export(self.marta, self.user_anda))
        text = json.dumps(data, ensure_ascii=False)
        self.assertIn(self.marta.member_number, text)
        self.assertIn("Anda Bērziņa", text)
        for name in ("Līga Ozoliņa", "Santa Ozoliņa", "Kārlis Bērziņš", self.liga.member_number):
            self.assertNotIn(name, text)

    def test_who_may_download(self):
        may = self.Export._mazpulki_may_export
        self.assertTrue(may(self.liga, self.liga), "a member from 13 downloads their own")
        self.assertFalse(may(self.karlis, self.karlis), "below 13 the guardian does")
        self.assertTrue(may(self.karlis, self.anda))

    def test_export_needs_the_route(self):
        """The export runs only as the superuser after the route's check: never by RPC, never by URL."""
        export_as_portal = self.Export.with_user(self.user_liga)
        with self.assertRaises(AccessError):
            export_as_portal._mazpulki_export(self.marta, self.user_liga)
        with self.assertRaises(AccessError):
            self.env["report.mazpulki_members.report_data_export"].with_user(self.user_liga)._get_report_values(
                self.marta.ids, {"mazpulki_sections": []}
            )
        with self.assertRaises(AccessError):
            self.env["mazpulki.data.export.log"].with_user(self.user_anda).search([])


@tagged("post_install", "-at_install")
class TestModelCoverage(TransactionCase):
    def test_every_person_linked_model_is_exported_or_listed(self):
        """Each model of the suite (and each Odoo model the suite links to a person) is in the export."""
        env = self.env
        linked = {}
        for name, model in env.registry.items():
            if (
                model._abstract
                or model._transient
                or name in PERSON_RECORDS - {"mazpulki.volunteer", "event.registration"}
            ):
                continue
            suite_model = (model._original_module or "").startswith("mazpulki")
            for field in model._fields.values():
                if field.type not in ("many2one", "many2many") or not field.store:
                    continue
                if field.name in ("create_uid", "write_uid"):
                    continue  # who typed a record in: the office's staff, on every model
                if not (suite_model or (field._module or "").startswith("mazpulki")):
                    continue
                if field.comodel_name in PERSON_RECORDS:
                    linked[name] = field.name
                    break
        self.assertIn("mazpulki.consent", linked)
        member = env.ref("mazpulki_members.member_liga_demo")
        sections = env["mazpulki.data.export"].sudo()._mazpulki_export_sections(member)
        exported = {model for section in sections for model in section["models"]}
        missing = {
            name: field for name, field in linked.items() if name not in exported and name not in NOT_MEMBER_DATA
        }
        self.assertFalse(missing, "person-linked models neither exported nor listed as not holding a member's data")


@tagged("post_install", "-at_install")
class TestFamilyDataPortal(MazpulkiCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Madara (15) downloads and withdraws her own; Roberts (11) through his father.
        cls.father_b = cls._create_guardian(cls.member_b, "Aivars Vītols", relation="father")
        cls.mother_a = cls._create_guardian(cls.member_a, "Sandra Liepiņa")
        cls.user_madara = cls._create_portal_user(cls.member_a, "madara")
        cls.user_father_b = cls._create_portal_user(cls.father_b, "aivars")
        cls.user_mother_a = cls._create_portal_user(cls.mother_a, "sandra")
        Consent = cls.env["mazpulki.consent"]
        cls.photo_b = Consent.create(
            {"member_id": cls.member_b.id, "consent_type": "photo", "given_by_id": cls.father_b.id}
        )
        cls.publication_a = Consent.create(
            {"member_id": cls.member_a.id, "consent_type": "publication", "given_by_id": cls.member_a.id}
        )

    def _withdraw(self, member, consent):
        return self.url_open(
            f"/my/membership/{member.id}/consent/{consent.id}/withdraw",
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )

    def test_guardian_downloads_the_child_and_not_another(self):
        self.authenticate("aivars", "aivars_pass")
        page = self.url_open(f"/my/membership/{self.member_b.id}")
        self.assertIn("o_mazpulki_data_download", page.text)
        response = self.url_open(f"/my/membership/{self.member_b.id}/data")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        _archive, data = unzip(response.content)
        self.assertEqual(data["sections"]["registry"][0]["name"], "Roberts Vītols")
        self.assertEqual(self.url_open(f"/my/membership/{self.member_a.id}/data").status_code, 404)
        log = self.env["mazpulki.data.export.log"].search([("member_id", "=", self.member_b.id)])
        self.assertEqual(log.user_id, self.user_father_b)

    def test_guardian_withdraws_the_photo_consent_of_a_child_under_13(self):
        self.authenticate("aivars", "aivars_pass")
        response = self._withdraw(self.member_b, self.photo_b)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.photo_b.state, "withdrawn")
        self.assertEqual(self.photo_b.withdrawn_by_id, self.father_b)
        self.assertEqual(self.photo_b.date_withdrawn, self.today)
        page = self.url_open(f"/my/membership/{self.member_b.id}?withdrawn=photo")
        self.assertIn("o_mazpulki_withdrawn", page.text)

    def test_member_from_13_withdraws_her_own_and_her_mother_cannot(self):
        self.authenticate("sandra", "sandra_pass")
        self.assertEqual(self._withdraw(self.member_a, self.publication_a).status_code, 404)
        self.assertEqual(self.publication_a.state, "given")
        self.authenticate("madara", "madara_pass")
        page = self.url_open(f"/my/membership/{self.member_a.id}")
        self.assertIn("o_mazpulki_withdraw_form", page.text)
        self.assertIn("return confirm(", page.text, "the withdrawal asks before it acts")
        self.assertEqual(self._withdraw(self.member_a, self.publication_a).status_code, 303)
        self.assertEqual(self.publication_a.withdrawn_by_id, self.member_a)
        # Someone else's consent, or one already withdrawn: the same 404.
        self.assertEqual(self._withdraw(self.member_b, self.photo_b).status_code, 404)
        self.assertEqual(self._withdraw(self.member_a, self.publication_a).status_code, 404)
