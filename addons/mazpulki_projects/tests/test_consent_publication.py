from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import PNG, ProjectsCommon


@tagged("post_install", "-at_install")
class TestConsentPublication(ProjectsCommon, HttpCase):
    """A completed team project of Madara and Roberts, shared by its link: what the public sees follows the consents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._create_project(
            "completed",
            name="Kopīgā bišu drava",
            member_ids=[Command.set((cls.member_a | cls.member_b).ids)],
        )
        cls.project.evidence_ids = [
            Command.create({"name": "drava.png", "raw": PNG, "res_model": "mazpulki.project", "res_id": cls.project.id})
        ]
        cls.evidence = cls.project.evidence_ids
        Consent = cls.env["mazpulki.consent"]
        cls.consents = {}
        for member, giver in ((cls.member_a, cls.member_a), (cls.member_b, cls.guardian_b)):
            for kind in ("photo", "publication"):
                cls.consents[member, kind] = Consent.create(
                    {"member_id": member.id, "consent_type": kind, "given_by_id": giver.id}
                )
        cls.link = f"/my/projects/{cls.project.id}?access_token={cls.project._portal_ensure_token()}"

    def _certificate(self, member):
        return self.url_open(
            f"/my/projects/{self.project.id}/certificate/{member.id}?access_token={self.project.access_token}"
        )

    def _evidence(self):
        return self.url_open(
            f"/my/projects/{self.project.id}/evidence/{self.evidence.id}?access_token={self.project.access_token}"
        )

    def test_consents_read_in_one_query(self):
        team = self.member_a | self.member_b
        with self.assertQueryCount(1):
            self.assertEqual(self.env["mazpulki.consent"]._mazpulki_consented(team, "publication"), team)
        self.consents[self.member_b, "publication"]._mazpulki_withdraw(self.guardian_b)
        self.assertEqual(self.env["mazpulki.consent"]._mazpulki_consented(team, "publication"), self.member_a)

    def test_withdrawn_publication_takes_the_name_and_certificate_off_at_once(self):
        page = self.url_open(self.link).text
        self.assertIn("Roberts Vītols", page)
        self.assertIn("drava.png", page)
        # a shared link never hands out a certificate: only the member's own family downloads it (issue 23)
        self.assertEqual(self._certificate(self.member_b).status_code, 404)

        self.consents[self.member_b, "publication"]._mazpulki_withdraw(self.guardian_b)

        page = self.url_open(self.link).text
        self.assertIn("Madara Liepiņa", page)
        self.assertNotIn("Roberts", page)
        self.assertIn("o_mazpulki_unnamed", page)
        self.assertNotIn("drava.png", page, "the team's photos need every member's consent")
        self.assertEqual(self._certificate(self.member_b).status_code, 404)
        self.assertEqual(self._evidence().status_code, 404)
        self.assertEqual(self._certificate(self.member_a).status_code, 404)

    def test_withdrawn_photo_consent_takes_the_photos_off_at_once(self):
        self.assertEqual(self._evidence().status_code, 200)
        self.consents[self.member_a, "photo"]._mazpulki_withdraw(self.member_a)
        page = self.url_open(self.link).text
        self.assertIn("Madara Liepiņa", page, "her name stays: the publication consent is still given")
        self.assertNotIn("drava.png", page)
        self.assertEqual(self._evidence().status_code, 404)

    def test_the_team_and_the_families_still_see_everything(self):
        self.consents[self.member_b, "publication"]._mazpulki_withdraw(self.guardian_b)
        self.consents[self.member_b, "photo"]._mazpulki_withdraw(self.guardian_b)
        self._create_portal_user(self.guardian_b, "inga")
        self.authenticate("inga", "inga_pass")
        page = self.url_open(f"/my/projects/{self.project.id}").text
        self.assertIn("Roberts Vītols", page)
        self.assertIn("drava.png", page)
        self.assertEqual(
            self.url_open(f"/my/projects/{self.project.id}/certificate/{self.member_b.id}").status_code, 200
        )
