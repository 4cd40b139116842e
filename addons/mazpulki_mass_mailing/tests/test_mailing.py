from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon, prove_guardian


@tagged("post_install", "-at_install")
class TestClubMailing(MazpulkiCommon):
    """A mailing to a club: members 13 or older themselves, the guardians of the younger ones, less opt-outs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        club = cls.club_a
        cls.member_a.email = "madara@example.lv"
        cls.teen = cls._create_member("Kārlis Bērziņš", club, years=13, email="karlis@example.lv")
        cls.teen_out = cls._create_member("Laura Kalēja", club, years=16, email="laura@example.lv")
        cls.child = cls._create_member("Anna Ozola", club, years=10, email="anna@example.lv")
        cls.child_sibling = cls._create_member("Pēteris Ozols", club, years=8)
        cls.child_out = cls._create_member("Elza Krūmiņa", club, years=12)
        cls.mother = cls._create_guardian(cls.child, "Ieva Ozola")
        prove_guardian(cls.env, cls.child_sibling, cls.mother)
        cls.father_out = cls._create_guardian(cls.child_out, "Mārtiņš Krūmiņš", relation="father")
        cls.father_out.email = "martins@example.lv"
        # a guardian of a member 13+ is not written to (the member is)
        cls.teen_mother = cls._create_guardian(cls.teen, "Sarmīte Bērziņa")
        # another club's member and a young one's guardian there: not this club's mailing
        cls.other = cls._create_member("Toms Vītols", cls.club_b, years=14, email="toms@example.lv")
        cls._create_guardian(cls.member_b, "Dace Vītola")
        # Email Marketing's own opt-out: the blacklist
        cls.env["mail.blacklist"].create([{"email": "laura@example.lv"}, {"email": "martins@example.lv"}])

    def test_recipients(self):
        """The club's filter finds exactly the members 13+ and the guardians of the younger ones."""
        partners = self.env["res.partner"].search(self.club_a._mazpulki_mailing_domain())
        self.assertEqual(partners, self.member_a | self.teen | self.teen_out | self.mother | self.father_out)
        self.assertEqual(self.mother.mazpulki_mailing_member_ids, self.child | self.child_sibling)
        self.assertEqual(self.teen.mazpulki_mailing_member_ids, self.teen)
        self.assertFalse(self.teen_mother.mazpulki_mailing_member_ids)
        # narrowed to an age group by the members' birth dates: the club's children under 13
        born_after = self.today - relativedelta(years=13)
        young = self.env["res.partner"].search(
            [
                (
                    "mazpulki_mailing_member_ids",
                    "any",
                    [("mazpulki_club_id", "=", self.club_a.id), ("birthdate_date", ">", born_after)],
                )
            ]
        )
        self.assertEqual(young, self.mother | self.father_out)

    def test_mailing_sent(self):
        """Sent: one mail each to the members 13+ and the guardians, none to the blacklisted."""
        action = self.club_a.action_mazpulki_mailing()
        mailing = (
            self.env["mailing.mailing"]
            .with_context(**action["context"])
            .create(
                {"name": "Pavasara talka", "subject": "Pavasara talka", "body_html": "<p>Sveiki! Aicinām uz talku.</p>"}
            )
        )
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        mailing.action_send_mail()
        sent = mailing.mailing_trace_ids.filtered(lambda trace: trace.trace_status != "cancel")
        cancelled = mailing.mailing_trace_ids - sent
        self.assertEqual(sorted(sent.mapped("email")), ["ieva@example.lv", "karlis@example.lv", "madara@example.lv"])
        self.assertEqual(sorted(cancelled.mapped("email")), ["laura@example.lv", "martins@example.lv"])
        self.assertEqual(set(cancelled.mapped("failure_type")), {"mail_bl"})
