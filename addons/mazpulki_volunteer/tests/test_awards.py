from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged, users, warmup

from odoo.addons.mazpulki_members.tests.certificate import assert_certificate_pdf

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerAwards(MazpulkiVolunteerCommon):
    """Approved hours of 2001 (and 2000 for the lifetime milestones) with known candidates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        approved = {"volunteer_state": "approved"}
        talka, office = cls.activity_talka, cls.activity_office
        cls._line(cls.volunteer_madara, 10, date(2001, 4, 1), talka, **approved)
        cls._line(cls.volunteer_madara, 12, date(2001, 5, 1), talka, **approved)
        cls._line(cls.volunteer_madara, 13, date(2001, 5, 2), talka, **approved)
        cls._line(cls.volunteer_peteris, 20, date(2001, 4, 1), office, **approved)
        cls._line(cls.volunteer_peteris, 20, date(2001, 4, 2), office, **approved)
        cls._line(cls.volunteer_peteris, 5, date(2001, 4, 3), talka, **approved)
        cls._line(cls.volunteer_roberts, 15, date(2001, 8, 1), talka, **approved)
        cls._line(cls.volunteer_roberts, 15, date(2001, 8, 3), talka, **approved)
        cls._line(cls.volunteer_roberts, 10, date(2001, 8, 2), talka)  # awaiting approval
        cls._line(cls.volunteer_roberts, 24, date(2000, 8, 2), office, **approved)  # the year before
        cls.type_talka = cls.env["mazpulki.volunteer.award.type"].create(
            {
                "name": "Talku balva",
                "kind": "prize",
                "min_hours": 30,
                "activity_ids": [(6, 0, talka.ids)],
                "needs_nomination": True,
            }
        )
        cls.type_fifty = cls.env["mazpulki.volunteer.award.type"].create(
            {
                "name": "50 stundas",
                "kind": "milestone",
                "min_hours": 50,
                "hours_period": "total",
                "once_per_person": True,
            }
        )
        cls.campaign_talka = cls.env["mazpulki.volunteer.award.campaign"].create(
            {"award_type_id": cls.type_talka.id, "year": 2001}
        )

    def _campaign(self, award_type, year=2001):
        return (
            self.env["mazpulki.volunteer.award.campaign"]
            .with_user(self.user_officer)
            .create({"award_type_id": award_type.id, "year": year})
        )

    def test_candidates_of_the_year_by_activity(self):
        campaign = self.campaign_talka.with_user(self.user_officer)
        # Madara 10 + 12 + 13 talka hours; Pēteris has only 5 talka hours; Roberts 15 + 15 approved (10 still pending).
        self.assertEqual(
            campaign._mazpulki_candidates(),
            {self.volunteer_madara.id: {"hours": 35.0}, self.volunteer_roberts.id: {"hours": 30.0}},
        )

    @users("officer")
    @warmup
    def test_candidate_computation_is_one_aggregation(self):
        campaign = self.campaign_talka.with_user(self.env.user)
        self.env.invalidate_all()
        # the campaign, its award type, the type's activities (relation and rows), the one aggregation
        with self.assertQueryCount(officer=5):
            candidates = campaign._mazpulki_candidates()
        self.assertEqual(len(candidates), 2)

    def test_lifetime_milestone_granted_once(self):
        campaign = self._campaign(self.type_fifty)
        # Lifetime hours to the end of 2001: Madara 35, Pēteris 45, Roberts 30 + 24 = 54.
        self.assertEqual(campaign._mazpulki_candidates(), {self.volunteer_roberts.id: {"hours": 54.0}})
        campaign.action_compute_candidates()
        campaign.candidate_ids.action_grant()
        next_year = self._campaign(self.type_fifty, 2002)
        self.assertEqual(next_year._mazpulki_candidates(), {})

    def test_grant_needs_nomination_and_counts(self):
        campaign = self.campaign_talka.with_user(self.user_officer)
        campaign.action_compute_candidates()
        self.assertEqual(campaign.candidate_ids.volunteer_id, self.volunteer_madara | self.volunteer_roberts)
        madara = campaign.candidate_ids.filtered(lambda c: c.volunteer_id == self.volunteer_madara)
        with self.assertRaisesMessage(UserError, "nominated"):
            madara.action_grant()
        madara.is_nominated = True
        madara.action_grant()
        self.assertEqual(madara.award_id.volunteer_id, self.volunteer_madara)
        self.assertEqual(madara.award_id.hours, 35)
        self.assertEqual(campaign.award_count, 1)
        # Recomputing keeps the granted candidate and its nomination.
        campaign.action_compute_candidates()
        self.assertTrue(madara.exists() and madara.is_nominated)
        self.assertEqual(
            self.env["mazpulki.measure"].mazpulki_measure_values("volunteer.awards_prize", 2001, 2001), {2001: 1}
        )

    def test_rules_read_other_addons_figures_when_installed(self):
        award_type = self.env["mazpulki.volunteer.award.type"].create(
            {"name": "Projektu balva", "kind": "izaugusi", "min_hours": 30, "min_projects": 1}
        )
        campaign = self._campaign(award_type)
        Measure = type(self.env["mazpulki.measure"])
        # Without the projects add-on the projects rule cannot be judged and is left out.
        with patch.object(Measure, "_mazpulki_person_counts", return_value=None):
            self.assertEqual(
                set(campaign._mazpulki_candidates()),
                {self.volunteer_madara.id, self.volunteer_peteris.id, self.volunteer_roberts.id},
            )
        with patch.object(Measure, "_mazpulki_person_counts", return_value={self.member_a.id: 2}):
            self.assertEqual(
                campaign._mazpulki_candidates(), {self.volunteer_madara.id: {"hours": 35.0, "projects": 2}}
            )


@tagged("post_install", "-at_install")
class TestVolunteerAwardCertificate(MazpulkiVolunteerCommon, HttpCase):
    """wkhtmltopdf fetches the certificate layout's styles from the test server:
    an HttpCase shares the test transaction with it."""

    def test_certificate_pdf(self):
        award_type = self.env["mazpulki.volunteer.award.type"].create(
            {"name": "Talku balva", "kind": "other", "description": "Par čaklu darbu talkās ārā un ēnā."}
        )
        awards = self.env["mazpulki.volunteer.award"].create(
            [
                {"volunteer_id": volunteer.id, "award_type_id": award_type.id, "year": 2001, "hours": hours}
                for volunteer, hours in ((self.volunteer_madara, 35.5), (self.volunteer_peteris, 12))
            ]
        )
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("mazpulki_volunteer.mazpulki_volunteer_award_report", awards.ids)
        )
        text = assert_certificate_pdf(self, pdf, 2)
        self.assertEqual(text.count("APLIECINĀJUMS"), 2)
        self.assertIn("Madara Liepiņa", text)
        self.assertIn(self.volunteer_peteris.partner_id.name, text)
        self.assertEqual(text.count("Talku balva"), 2)
        self.assertIn("Par čaklu darbu talkās ārā un ēnā.", text)
        self.assertIn("Apstiprinātās brīvprātīgā darba stundas 2001. gadā: 35,5", text)
