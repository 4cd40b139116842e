from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestPublicationMailing(MazpulkiCommon):
    """A club newsletter that shows Madara (15): it goes out only while her publication consent is given."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a.email = "madara@example.lv"
        cls.consent = cls.env["mazpulki.consent"].create(
            {"member_id": cls.member_a.id, "consent_type": "publication", "given_by_id": cls.member_a.id}
        )
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Kalnciema mazpulka ziņas",
                "body_html": "<p>Madara Liepiņa uzvarēja projektu konkursā!</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "=", cls.member_a.id)]),
                "mazpulki_featured_member_ids": [(6, 0, cls.member_a.ids)],
            }
        )

    def test_queued_mailing_stops_when_the_consent_is_withdrawn(self):
        self.mailing.action_put_in_queue()
        self.assertEqual(self.mailing.state, "in_queue")
        self.consent._mazpulki_withdraw(self.member_a)
        self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertEqual(self.mailing.state, "draft")
        self.assertFalse(self.env["mailing.trace"].search([("mass_mailing_id", "=", self.mailing.id)]))
        with self.assertRaises(UserError):
            self.mailing.action_put_in_queue()

    def test_mailing_with_consent_is_sent(self):
        self.mailing.action_put_in_queue()
        self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertTrue(self.env["mailing.trace"].search([("mass_mailing_id", "=", self.mailing.id)]))
