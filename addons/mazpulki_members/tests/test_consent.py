from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestConsent(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.child = cls._create_member("Emīls Kalniņš", cls.club_a, years=9)
        cls.mother = cls._create_guardian(cls.child, "Inese Kalniņa")

    def _consent(self, member, given_by, consent_type="data_processing", **vals):
        return self.env["mazpulki.consent"].create(
            {"member_id": member.id, "given_by_id": given_by.id, "consent_type": consent_type, **vals}
        )

    def test_under_13_a_guardian_consents(self):
        with self.assertRaisesRegex(ValidationError, "below 13 a guardian gives the consent"):
            self._consent(self.child, self.child)
        consent = self._consent(self.child, self.mother)
        self.assertEqual(consent.state, "given")
        self.assertTrue(self.child.has_guardian_consent)

    def test_from_13_the_member_consents(self):
        consent = self._consent(self.member_a, self.member_a, "photo")
        self.assertEqual(consent.state, "given")

    def test_stranger_cannot_consent(self):
        with self.assertRaisesRegex(ValidationError, "neither"):
            self._consent(self.child, self.user_officer.partner_id)

    def test_withdrawal(self):
        consent = self._consent(self.child, self.mother)
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        self.assertFalse(self.child.has_guardian_consent)
        with self.assertRaisesRegex(ValidationError, "withdrawn before it was given"):
            consent.date_withdrawn = consent.date_given - relativedelta(days=1)

    def test_consents_are_kept_as_evidence(self):
        consent = self._consent(self.child, self.mother)
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            consent.with_user(self.user_officer).unlink()

    def test_child_under_13_without_consent_gets_no_portal_access(self):
        with self.assertRaisesRegex(ValidationError, "under 13"):
            new_test_user(self.env, login="emils", groups="base.group_portal", partner_id=self.child.id)

    def test_portal_wizard_refuses_child_without_consent(self):
        self.child.email = "emils@example.lv"
        wizard = self.env["portal.wizard"].with_context(active_ids=self.child.ids).create({})
        with self.assertRaisesRegex(UserError, "under 13"):
            wizard.user_ids.action_grant_access()
        self.assertFalse(self.child.user_ids)

    def test_child_with_guardian_consent_gets_portal_access(self):
        self._consent(self.child, self.mother)
        user = new_test_user(self.env, login="emils", groups="base.group_portal", partner_id=self.child.id)
        self.assertEqual(user.partner_id, self.child)
