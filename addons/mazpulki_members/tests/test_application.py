from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestApplication(MazpulkiCommon):
    """A family applies to join a club; the club's leader decides in the back office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Application = cls.env["mazpulki.member.application"]
        cls.base_vals = {
            "club_id": cls.club_a.id,
            "applicant": "guardian",
            "name": "Emīls Kalējs",
            "birthdate_date": cls.today - relativedelta(years=8, days=20),
            "school_name": "Kalnciema pamatskola",
            "school_grade": "2.a",
            "guardian_name": "Laura Kalēja",
            "guardian_relation": "mother",
            "guardian_email": "laura.kaleja@example.lv",
            "guardian_phone": "+371 26114455",
            "consent_data_processing": True,
            "consent_photo": True,
        }

    def _apply(self, **vals):
        return self.Application.create({**self.base_vals, **vals})

    def test_accept_creates_the_family_in_the_registry(self):
        application = self._apply()
        self.assertEqual(application.state, "new")
        self.assertEqual(
            application.activity_ids.user_id, self.user_leader_a, "The club's leader gets a to-do for the decision"
        )

        application.with_user(self.user_leader_a).action_accept()

        member = application.member_id
        self.assertEqual(application.state, "accepted")
        self.assertTrue(member.is_mazpulki_member)
        self.assertEqual(member.mazpulki_club_id, self.club_a)
        self.assertEqual(member.school_grade, "2.a")
        guardian = application.guardian_partner_id
        self.assertEqual(member.guardian_ids.guardian_id, guardian)
        self.assertEqual(guardian.email, "laura.kaleja@example.lv")
        consents = member.consent_ids
        self.assertEqual(set(consents.mapped("consent_type")), {"data_processing", "photo"})
        self.assertEqual(consents.given_by_id, guardian, "Under 13 the guardian gives the consents")
        self.assertEqual(set(consents.mapped("date_given")), {application.date_submitted.date()})
        self.assertEqual(member.mazpulki_membership_ids.filtered(lambda m: m.year == self.year).club_id, self.club_a)
        self.assertTrue(member.mazpulki_card_id, "The member gets a card")
        self.assertTrue(guardian.user_ids and guardian.user_ids._is_portal(), "The guardian is invited to the portal")
        self.assertFalse(member.user_ids, "A child of 8 gets no portal account")
        self.assertFalse(application.activity_ids, "The leader's to-do is done")
        self.assertTrue(
            self.env["mail.mail"].search(
                [("email_to", "=", "laura.kaleja@example.lv"), ("res_id", "=", application.id)]
            ),
            "The family is told by e-mail",
        )

    def test_member_from_13_invited_only_on_own_address(self):
        same_address = self._apply(
            name="Anna Kalēja",
            birthdate_date=self.today - relativedelta(years=14, days=3),
            email="laura.kaleja@example.lv",
        )
        same_address.with_user(self.user_leader_a).action_accept()
        self.assertFalse(same_address.member_id.user_ids, "Never an account for the child on the guardian's e-mail")
        self.assertTrue(same_address.guardian_partner_id.user_ids)
        self.assertEqual(
            same_address.member_id.consent_ids.given_by_id, same_address.member_id, "From 13 the member consents"
        )

        own_address = self._apply(
            name="Toms Kalējs",
            birthdate_date=self.today - relativedelta(years=14, days=3),
            email="toms.kalejs@example.lv",
        )
        own_address.with_user(self.user_leader_a).action_accept()
        self.assertTrue(
            own_address.member_id.user_ids._is_portal(), "From 13 the member is invited on their own address"
        )
        self.assertEqual(
            own_address.guardian_partner_id,
            same_address.guardian_partner_id,
            "The same guardian is linked, not twinned",
        )

    def test_under_13_needs_guardian_data_processing_consent(self):
        with self.assertRaisesRegex(ValidationError, "under 13 a parent or guardian must consent"):
            self._apply(consent_data_processing=False)
        with self.assertRaisesRegex(ValidationError, "enrolled by a parent or guardian"):
            self._apply(applicant="member", email="emils@example.lv")

    def test_15_year_old_alone_waits_for_the_guardian(self):
        application = self._apply(
            applicant="member",
            name="Paula Strautiņa",
            birthdate_date=self.today - relativedelta(years=15, days=40),
            email="paula.strautina@example.lv",
        )
        self.assertTrue(application.needs_guardian_confirmation)
        with self.assertRaisesRegex(UserError, "wait until a guardian confirms"):
            application.with_user(self.user_leader_a).action_accept()
        self.assertEqual(application.state, "new")

        application._mazpulki_confirm_by_guardian()
        application.with_user(self.user_leader_a).action_accept()
        self.assertEqual(application.state, "accepted")
        self.assertTrue(application.member_id.user_ids, "The 15-year-old is invited on her own address")

    def test_an_adult_applies_alone(self):
        application = self._apply(
            applicant="member",
            name="Gints Vanags",
            birthdate_date=self.today - relativedelta(years=20),
            email="gints.vanags@example.lv",
            guardian_name=False,
            guardian_email=False,
            guardian_phone=False,
        )
        self.assertFalse(application.needs_guardian_confirmation)
        application.with_user(self.user_leader_a).action_accept()
        self.assertFalse(application.guardian_partner_id)
        self.assertEqual(application.member_id.consent_ids.given_by_id, application.member_id)

    def test_application_for_an_existing_member_links_to_her(self):
        mother = self._create_guardian(self.member_a, "Inga Liepiņa")
        application = self._apply(
            name="madara liepiņa ",
            birthdate_date=self.member_a.birthdate_date,
            guardian_name="Inga Liepiņa",
            guardian_email=mother.email,
        )
        self.assertEqual(application.match_member_id, self.member_a)
        self.assertEqual(application.match_guardian_id, mother)
        self.assertIn("already in the registry", application.with_user(self.user_leader_a).match_note)

        partners_before = self.env["res.partner"].search_count([])
        application.with_user(self.user_leader_a).action_accept()
        self.assertEqual(application.member_id, self.member_a)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before, "No twin and no new guardian")
        self.assertEqual(self.member_a.guardian_ids.guardian_id, mother)

    def test_a_member_of_another_club_is_moved_by_the_office(self):
        application = self._apply(name="Roberts Vītols", birthdate_date=self.member_b.birthdate_date)
        self.assertEqual(application.match_member_id, self.member_b)
        with self.assertRaisesRegex(UserError, "the office moves members"):
            application.with_user(self.user_leader_a).action_accept()
        application.with_user(self.user_officer).action_accept()
        self.assertEqual(self.member_b.mazpulki_club_id, self.club_a)

    def test_leader_of_another_club_cannot_see_the_application(self):
        application = self._apply()
        Application_b = self.Application.with_user(self.user_leader_b)
        self.assertFalse(Application_b.search([("id", "=", application.id)]))
        with self.assertRaises(AccessError):
            Application_b.browse(application.id).read(["name"])
        self.assertTrue(self.Application.with_user(self.user_officer).search([("id", "=", application.id)]))
        self.assertEqual(application.with_user(self.user_leader_a).read(["name"])[0]["name"], "Emīls Kalējs")

    def test_public_portal_and_staff_outside_mazpulki_read_nothing(self):
        application = self._apply()
        portal = new_test_user(self.env, login="portal_parent", groups="base.group_portal")
        for user in (self.env.ref("base.public_user"), portal, self.user_employee):
            with self.assertRaises(AccessError, msg=user.login):
                self.Application.with_user(user).browse(application.id).read(["name"])

    def test_decline_sends_a_kind_mail(self):
        application = self._apply(decline_reason="Šogad pulciņš ir pilns.")
        application.with_user(self.user_leader_a).action_decline()
        self.assertEqual(application.state, "declined")
        mail = (
            self.env["mail.mail"]
            .search(
                [
                    ("res_id", "=", application.id),
                    ("model", "=", application._name),
                    ("email_to", "=", "laura.kaleja@example.lv"),
                ]
            )
            .filtered(lambda m: "pilns" in m.body_html)
        )
        self.assertTrue(mail)
        self.assertFalse(self.env["res.partner"].search([("email", "=", "laura.kaleja@example.lv")]))
        with self.assertRaises(UserError):
            application.with_user(self.user_leader_a).action_accept()

    def test_measures_count_applications_per_year_and_region(self):
        self._apply().with_user(self.user_leader_a).action_accept()
        self._apply(name="Anna Ozola").with_user(self.user_leader_a).action_decline()
        self._apply(name="Pēteris Ozols", club_id=self.club_b.id)
        Measure = self.env["mazpulki.measure"]
        received = Measure.mazpulki_measure_values("members.applications_received", self.year, self.year)
        kurzeme = Measure.mazpulki_measure_values(
            "members.applications_received", self.year, self.year, region_ids=self.region_kurzeme.ids
        )
        accepted = Measure.mazpulki_measure_values(
            "members.applications_accepted", self.year, self.year, region_ids=self.region_kurzeme.ids
        )
        declined = Measure.mazpulki_measure_values(
            "members.applications_declined", self.year, self.year, region_ids=self.region_kurzeme.ids
        )
        self.assertGreaterEqual(received[self.year], 3)
        self.assertEqual(
            kurzeme[self.year] - accepted[self.year] - declined[self.year],
            self.Application.search_count(
                [
                    ("region_id", "=", self.region_kurzeme.id),
                    ("state", "in", ("new", "withdrawn")),
                    ("date_submitted", ">=", f"{self.year}-01-01"),
                ]
            ),
        )
        model, domain = Measure.mazpulki_measure_records("members.applications_accepted", self.year)
        self.assertEqual(
            self.env[model].search_count(domain),
            accepted[self.year]
            + self.Application.search_count(
                [
                    ("region_id", "!=", self.region_kurzeme.id),
                    ("state", "=", "accepted"),
                    ("date_submitted", ">=", f"{self.year}-01-01"),
                ]
            ),
        )


@tagged("post_install", "-at_install")
class TestApplicationLatvian(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_members")])._update_translations(["lv_LV"])

    def test_the_form_explains_errors_in_latvian(self):
        Application = self.env["mazpulki.member.application"].with_context(lang="lv_LV")
        errors = Application._mazpulki_form_errors(
            {
                "applicant": "guardian",
                "name": "Emīls",
                "birthdate_date": self.today - relativedelta(years=8),
                "guardian_name": "Laura Kalēja",
                "guardian_email": "laura.kaleja@example.lv",
                "guardian_phone": "12ab",
            }
        )
        self.assertEqual(
            set(errors), {"name", "guardian_phone", "consent_data_processing"}, "Each wrong field is named"
        )
        self.assertIn("vārdu un uzvārdu", errors["name"])
        self.assertIn("vismaz 8 cipariem", errors["guardian_phone"])
        self.assertIn("13 gadu vecumam piekrišanu datu apstrādei", errors["consent_data_processing"])
