import base64
import json
from datetime import timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MazpulkiCommon


class QualificationCommon(MazpulkiCommon):
    """The office's kinds: the club leader's course (no expiry), first aid (3 years, 6 months' grace), the
    yearly 12-hour qualification (renewed by 12 hours of training) and the Punishment Register check
    (3 years). A club leader needs the course and the check."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Kind = cls.env["mazpulki.qualification.kind"]
        cls.course = Kind.create({"name": "Klubu vadītāja kurss"})
        cls.first_aid = Kind.create({"name": "Pirmā palīdzība", "validity_years": 3, "grace_months": 6})
        cls.yearly = Kind.create(
            {"name": "Ikgadējā 12 stundu kvalifikācija", "validity_years": 1, "grace_months": 3, "renewal_hours": 12}
        )
        cls.check_kind = Kind.create(
            {"name": "Sodu reģistra pārbaude", "validity_years": 3, "is_background_check": True}
        )
        cls.role_leader = cls.env.ref("mazpulki_members.qualification_role_club_leader")
        cls.role_leader.kind_ids = cls.course | cls.check_kind
        cls.user_manager = new_test_user(
            cls.env, login="office_manager", name="Vita Vadītāja", groups="mazpulki_members.group_mazpulki_manager"
        )
        cls.Qualification = cls.env["mazpulki.qualification"]
        cls.adult = cls.env["res.partner"].create({"name": "Anna Jaunā", "email": "anna.jauna@example.lv"})

    def _qualify(self, partner, kind, date_obtained, **vals):
        return self.Qualification.create(
            {"partner_id": partner.id, "kind_id": kind.id, "date_obtained": date_obtained, **vals}
        )

    def _check(self, partner, result, date_check=None):
        return (
            self.env["mazpulki.background.check"]
            .with_user(self.user_manager)
            .create(
                {
                    "partner_id": partner.id,
                    "kind_id": self.check_kind.id,
                    "date_check": date_check or self.today,
                    "result": result,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestQualificationKinds(QualificationCommon):
    def test_validity_and_grace_period(self):
        """First aid from 1 March 2023 is valid until 28 Feb 2026, due from 60 days before, renewable for six
        months after, then expired; the search by state agrees with the state shown."""
        first_aid = self._qualify(self.adult, self.first_aid, self.today - relativedelta(years=3) + timedelta(days=90))
        until = first_aid.date_valid_until
        self.assertEqual(until, first_aid.date_obtained + relativedelta(years=3) - timedelta(days=1))
        for day, state in (
            (until - timedelta(days=61), "valid"),
            (until - timedelta(days=60), "due"),
            (until, "due"),
            (until + timedelta(days=1), "grace"),
            (until + relativedelta(months=6), "grace"),
            (until + relativedelta(months=6, days=1), "expired"),
        ):
            with self.subTest(day=day):
                at_day = first_aid.with_context(mazpulki_today=day)
                self.assertEqual(at_day.state, state)
                found = self.Qualification.with_context(mazpulki_today=day).search(
                    [("id", "=", first_aid.id), ("state", "=", state)]
                )
                self.assertEqual(found, first_aid)
        course = self._qualify(self.adult, self.course, self.today - relativedelta(years=20))
        self.assertFalse(course.date_valid_until)
        self.assertEqual(course.state, "valid")
        with self.assertRaises(UserError):
            self.env["mazpulki.qualification.kind"].create({"name": "Bez termiņa", "renewal_hours": 8})

    def test_a_renewal_supersedes_the_older_one(self):
        old = self._qualify(self.adult, self.first_aid, self.today - relativedelta(years=4))
        new = self._qualify(self.adult, self.first_aid, self.today - relativedelta(months=2))
        self.assertTrue(old.is_superseded)
        self.assertFalse(new.is_superseded)
        new.unlink()
        self.assertFalse(old.is_superseded)

    def test_renewal_by_training_hours(self):
        """The yearly qualification is renewed on the day the trainings after it reach 12 hours, once."""
        obtained = self.today - relativedelta(months=11)
        yearly = self._qualify(self.adult, self.yearly, obtained)
        trainings = [(obtained - timedelta(days=3), 10.0), (obtained + timedelta(days=30), 8.0)]
        hook = "odoo.addons.mazpulki_members.models.res_partner_qualification.ResPartner._mazpulki_training_hours"

        def hours(_self, partner_ids, date_from, date_to):
            return {self.adult.id: [t for t in trainings if date_from <= t[0] <= date_to]}

        with patch(hook, hours):
            renew = self.Qualification._mazpulki_renew_by_training
            self.assertFalse(renew(self.adult.ids))  # 8 h after it: too few
            trainings.append((obtained + timedelta(days=60), 4.0))
            renewed = renew(self.adult.ids)
            self.assertEqual(len(renewed), 1)
            self.assertEqual(renewed.date_obtained, obtained + timedelta(days=60))
            self.assertEqual(renewed.origin, "training")
            self.assertTrue(yearly.is_superseded)
            self.assertFalse(renew(self.adult.ids), "the same hours count once")


@tagged("post_install", "-at_install")
class TestRoleQualification(QualificationCommon):
    def _make_leader(self, partner, user=None):
        return (
            self.env["mazpulki.club.leader"]
            .with_user(user or self.user_officer)
            .create({"club_id": self.club_a.id, "partner_id": partner.id})
        )

    def test_refused_without_then_allowed_with_the_qualifications(self):
        with self.assertRaises(UserError) as refusal:
            self._make_leader(self.adult)
        message = str(refusal.exception)
        self.assertIn("Anna Jaunā", message)
        self.assertIn("Klubu vadītāja kurss (missing)", message)
        self.assertIn("Sodu reģistra pārbaude (missing)", message)
        self._qualify(self.adult, self.course, self.today - relativedelta(years=1))
        self._check(self.adult, "clear", self.today - relativedelta(years=3))  # expired yesterday
        with self.assertRaises(UserError) as refusal:
            self._make_leader(self.adult)
        self.assertNotIn("Klubu vadītāja kurss", str(refusal.exception))
        self.assertIn("Sodu reģistra pārbaude (expired on", str(refusal.exception))
        self._check(self.adult, "clear")
        leader = self._make_leader(self.adult)
        self.assertEqual(leader.partner_id, self.adult)

    def test_a_check_that_is_not_clear_gives_nothing(self):
        self._qualify(self.adult, self.course, self.today)
        check = self._check(self.adult, "not_clear")
        self.assertFalse(check.qualification_id)
        with self.assertRaises(UserError) as refusal:
            self._make_leader(self.adult)
        # the message reads as "not checked": the result is not told to the office
        self.assertIn("Sodu reģistra pārbaude (missing)", str(refusal.exception))
        check.result = "clear"
        self.assertTrue(check.qualification_id)
        check.result = "not_clear"
        self.assertFalse(check.qualification_id)
        self.assertFalse(
            self.Qualification.search([("partner_id", "=", self.adult.id), ("kind_id", "=", self.check_kind.id)])
        )

    def test_override_allows_and_is_logged(self):
        override = (
            self.env["mazpulki.qualification.override"]
            .with_user(self.user_officer)
            .create(
                {
                    "partner_id": self.adult.id,
                    "role_id": self.role_leader.id,
                    "reason": "Jaunā pārbaude pieprasīta",
                    "date_valid_until": self.today + timedelta(days=30),
                }
            )
        )
        self.assertEqual(override.granted_by_id, self.user_officer)
        log = self.adult.message_ids.filtered(lambda m: "Jaunā pārbaude pieprasīta" in (m.body or ""))
        self.assertTrue(log, "the override is logged on the person")
        self.assertIn(override, self.adult.mazpulki_qualification_override_ids)
        self._make_leader(self.adult)
        # an override past its day no longer counts
        other = self.env["res.partner"].create({"name": "Pēteris Vecais"})
        self.env["mazpulki.qualification.override"].create(
            {
                "partner_id": other.id,
                "role_id": self.role_leader.id,
                "reason": "Tikai uz mēnesi",
                "date_valid_until": self.today - timedelta(days=1),
            }
        )
        with self.assertRaises(UserError):
            self._make_leader(other)

    def test_the_api_for_other_roles(self):
        """Camp staff (mazpulki_events' staff roles call the same method)."""
        role = self.env.ref("mazpulki_members.qualification_role_camp_staff")
        role.kind_ids = self.first_aid
        partner = self.adult.with_user(self.user_officer)
        with self.assertRaises(UserError):
            partner._mazpulki_check_role_qualification("mazpulki_members.qualification_role_camp_staff")
        self._qualify(self.adult, self.first_aid, self.today - relativedelta(years=1))
        self.assertTrue(partner._mazpulki_check_role_qualification(role))
        # on a day after its expiry it is refused
        with self.assertRaises(UserError):
            partner._mazpulki_check_role_qualification(role, on_date=self.today + relativedelta(years=3))

    def test_expired_leader_is_told_to_the_office_not_removed(self):
        leader = self.user_leader_a.partner_id
        self._qualify(leader, self.course, self.today - relativedelta(years=3))
        check = self._check(leader, "clear", self.today - relativedelta(years=3, days=5))
        self.env.company.mazpulki_qualification_user_id = self.user_officer
        told = self.Qualification._mazpulki_notify_expired_leaders()
        self.assertIn(check.qualification_id, told)
        activities = check.qualification_id.activity_ids
        office = activities.filtered(lambda a: a.user_id == self.user_officer)
        self.assertIn(leader.name, office.summary)
        own = activities.filtered(lambda a: a.user_id == self.user_leader_a)
        self.assertIn("Sodu reģistra pārbaude", own.summary)  # in her language
        self.assertEqual(len(activities), 2)
        self.assertFalse(self.Qualification._mazpulki_notify_expired_leaders(), "told once")
        self.assertTrue(leader.mazpulki_leader_ids.is_current, "still a leader: the office decides")
        # the leader's own page shows it
        self.assertIn(
            "Sodu reģistra pārbaude (expired on", leader.with_user(self.user_leader_a).mazpulki_qualification_alert
        )


@tagged("post_install", "-at_install")
class TestQualificationReminders(QualificationCommon):
    def test_reminders_60_and_14_days_before_once_each(self):
        self.env.company.mazpulki_qualification_user_id = self.user_officer
        first_aid = self._qualify(self.adult, self.first_aid, self.today - relativedelta(years=3) + timedelta(days=61))
        until = first_aid.date_valid_until
        Mail = self.env["mail.mail"]

        def run(day):
            sent = self.Qualification.with_context(mazpulki_today=day)._mazpulki_send_reminders()
            return {days: reminded & first_aid for days, reminded in sent.items() if reminded & first_aid}

        self.assertFalse(run(until - timedelta(days=61)))
        sent = run(until - timedelta(days=60))
        self.assertEqual(sent, {60: first_aid})
        self.assertEqual(first_aid.reminder_days_sent, 60)
        mails = Mail.search([("model", "=", "mazpulki.qualification"), ("res_id", "=", first_aid.id)])
        self.assertEqual(len(mails), 1)
        self.assertIn(self.adult, mails.recipient_ids)
        self.assertEqual(len(first_aid.activity_ids), 1)
        self.assertFalse(run(until - timedelta(days=59)), "not twice")
        self.assertFalse(run(until - timedelta(days=15)))
        sent = run(until - timedelta(days=14))
        self.assertEqual(sent, {14: first_aid})
        self.assertEqual(
            Mail.search_count([("model", "=", "mazpulki.qualification"), ("res_id", "=", first_aid.id)]), 2
        )
        self.assertFalse(run(until - timedelta(days=3)), "not twice")
        # a renewal starts the reminders over for the new one
        renewed = self._qualify(self.adult, self.first_aid, until - timedelta(days=2))
        self.assertEqual(renewed.reminder_days_sent, 0)
        self.assertFalse(run(until - timedelta(days=1)), "the old one is superseded")

    def test_due_list_by_region_and_club(self):
        leader = self.user_leader_a.partner_id
        due = self._qualify(leader, self.first_aid, self.today - relativedelta(years=3) + timedelta(days=20))
        self._qualify(leader, self.course, self.today)
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.mazpulki_qualification_action_due")
        Due = self.Qualification.with_user(self.user_officer)
        domain = [*safe_eval(action["domain"]), ("club_id", "=", self.club_a.id)]
        self.assertEqual(Due.search(domain), due)
        groups = Due._read_group(domain, ["region_id", "club_id"], ["__count"])
        self.assertEqual(groups, [(self.region_kurzeme, self.club_a, 1)])


@tagged("post_install", "-at_install")
class TestQualificationAccess(QualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader_a = cls.user_leader_a.partner_id
        cls.leader_b = cls.user_leader_b.partner_id
        cls.qual_a = cls.env["mazpulki.qualification"].create(
            {"partner_id": cls.leader_a.id, "kind_id": cls.first_aid.id, "date_obtained": cls.today}
        )
        cls.qual_b = cls.env["mazpulki.qualification"].create(
            {"partner_id": cls.leader_b.id, "kind_id": cls.first_aid.id, "date_obtained": cls.today}
        )
        cls.check_b = (
            cls.env["mazpulki.background.check"]
            .with_user(cls.user_manager)
            .create({"partner_id": cls.leader_b.id, "kind_id": cls.check_kind.id, "result": "not_clear"})
        )

    def test_only_managers_give_a_background_check_qualification(self):
        vals = {"partner_id": self.adult.id, "kind_id": self.check_kind.id, "date_obtained": self.today}
        with self.assertRaises(AccessError):
            self.Qualification.with_user(self.user_officer).create(vals)
        with self.assertRaises(AccessError):
            self.qual_a.with_user(self.user_officer).write({"kind_id": self.check_kind.id})
        self.assertTrue(self.Qualification.with_user(self.user_manager).create(vals))

    def test_leader_reads_only_her_own(self):
        Qualification = self.Qualification.with_user(self.user_leader_a)
        self.assertEqual(Qualification.search([]), self.qual_a)
        with self.assertRaises(AccessError):
            self.qual_b.with_user(self.user_leader_a).read(["kind_id"])
        with self.assertRaises(AccessError):
            self.qual_a.with_user(self.user_leader_a).write({"date_obtained": self.today - timedelta(days=400)})
        page = self.env["res.partner"].with_user(self.user_leader_a).action_mazpulki_my_qualifications()
        self.assertEqual(page["res_id"], self.leader_a.id)
        self.assertEqual(self.leader_a.with_user(self.user_leader_a).mazpulki_qualification_ids, self.qual_a)

    def test_portal_reads_only_their_own(self):
        portal = self._create_portal_user(self.member_a, "qual_portal")
        own = self._qualify(self.member_a, self.first_aid, self.today)
        self.assertEqual(self.Qualification.with_user(portal).search([]), own)
        with self.assertRaises(AccessError):
            self.qual_a.with_user(portal).read(["kind_id"])
        with self.assertRaises(AccessError):
            self.Qualification.with_user(portal).create(
                {"partner_id": self.member_a.id, "kind_id": self.course.id, "date_obtained": self.today}
            )
        with self.assertRaises(AccessError):
            self.env["mazpulki.background.check"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(portal).action_mazpulki_my_qualifications()

    def test_background_check_result_only_for_office_managers(self):
        Check = self.env["mazpulki.background.check"]
        self.assertEqual(
            Check.with_user(self.user_manager).search([("partner_id", "=", self.leader_b.id)]).result, "not_clear"
        )
        for user in (self.user_officer, self.user_leader_a, self.user_leader_b, self.user_employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Check.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.check_b.with_user(user).read(["result"])
                with self.assertRaises(AccessError):
                    Check.with_user(user).read_group([], ["result"], ["result"])
                with self.assertRaises(UserError):  # AccessError, or no right to export at all
                    self.check_b.with_user(user).export_data(["result"])
                Partner = self.env["res.partner"].with_user(user)
                # no search oracle from the contacts: the link is the managers' field
                with self.assertRaises(AccessError):
                    Partner.search([("mazpulki_background_check_ids.result", "=", "not_clear")])
                with self.assertRaises(UserError):
                    self.leader_b.with_user(user).export_data(["mazpulki_background_check_ids/result"])
                self.assertNotIn("mazpulki_background_check_ids", self.leader_b.with_user(user).fields_get())

    def test_read_log_and_deletion(self):
        check = self.check_b.with_user(self.user_manager)
        check.web_read({"result": {}})
        self.assertEqual(check.read_log_ids.user_id, self.user_manager)
        self.assertEqual(check.date_delete, check.date_check + relativedelta(years=3))
        Check = self.env["mazpulki.background.check"]
        Check._cron_mazpulki_delete_expired()  # the demo's old checks
        self.assertEqual(Check._cron_mazpulki_delete_expired(), 0)
        self.assertTrue(check.exists())
        check.result = "clear"
        check.sudo().date_check = self.today - relativedelta(years=3, days=1)
        qualification = check.qualification_id
        self.assertEqual(Check._cron_mazpulki_delete_expired(), 1)
        self.assertFalse(check.exists())
        self.assertTrue(qualification.exists(), "the expired qualification stays as history")
        self.assertEqual(qualification.state, "expired")

    def test_family_export_says_a_check_exists_never_its_result(self):
        check = self._check(self.adult, "clear")
        sections = self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.adult)
        by_key = {section["key"]: section for section in sections}
        self.assertEqual(len(by_key["qualifications"]["rows"]), 1)  # the check's qualification
        rows = by_key["background_checks"]["rows"]
        self.assertEqual(len(rows), 1)
        text = json.dumps(rows)
        self.assertIn(str(check.date_check), text)
        self.assertNotIn("clear", text.lower())

    def test_anonymisation_deletes_checks_and_keeps_qualifications_bare(self):
        """The check and the override go; the qualifications stay for the closed years' figures, without
        the office's reference and their chatter (mazpulki_strategy's TestRetentionKeepsFigures)."""
        check = self._check(self.adult, "clear")
        override = self.env["mazpulki.qualification.override"].create(
            {"partner_id": self.adult.id, "role_id": self.role_leader.id, "reason": "Testam"}
        )
        course = self._qualify(self.adult, self.course, self.today, reference="Kurss Nr. 7, Jelgava")
        course.message_post(body="Apliecības kopija pie Daces")
        self.adult.sudo()._mazpulki_erase_personal_data()
        self.assertFalse(check.exists())
        self.assertFalse(override.exists())
        self.assertTrue(course.exists())
        self.assertFalse(course.reference)
        self.assertFalse(
            self.env["mail.message"].search([("model", "=", "mazpulki.qualification"), ("res_id", "=", course.id)])
        )


@tagged("post_install", "-at_install")
class TestQualificationMeasure(QualificationCommon):
    def test_leaders_with_all_required_qualifications(self):
        Measure = self.env["mazpulki.measure"]
        code = "members.leaders_fully_qualified"
        region = [self.region_kurzeme.id]
        leader = self.user_leader_a.partner_id
        before = Measure.mazpulki_measure_values(code, self.year - 1, self.year, region)
        self._qualify(leader, self.course, self.today - relativedelta(years=1))
        self._check(leader, "clear", self.today.replace(month=1, day=1))
        after = Measure.mazpulki_measure_values(code, self.year - 1, self.year, region)
        # last year she had no check yet; this year she has both
        self.assertEqual(after[self.year - 1], before[self.year - 1])
        self.assertEqual(after[self.year], before[self.year] + 1)
        model, domain = Measure.mazpulki_measure_records(code, self.year, region)
        self.assertIn(leader, self.env[model].search(domain))
        self.assertEqual(self.env[model].search_count(domain), after[self.year])
        # another region's figure does not move
        latgale = Measure.mazpulki_measure_values(code, self.year, self.year, [self.region_latgale.id])
        self._qualify(self.user_leader_b.partner_id, self.course, self.today)
        self.assertEqual(Measure.mazpulki_measure_values(code, self.year, self.year, [self.region_latgale.id]), latgale)


@tagged("post_install", "-at_install")
class TestBackgroundCheckCertificate(QualificationCommon, HttpCase):
    def test_certificate_downloads_only_for_office_managers(self):
        check = self._check(self.adult, "clear")
        check.write({"certificate": base64.b64encode(b"%PDF-1.4 izzina"), "certificate_filename": "izzina.pdf"})
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "mazpulki.background.check"),
                ("res_id", "=", check.id),
                ("res_field", "=", "certificate"),
            ]
        )
        self.assertEqual(len(attachment), 1)
        officer = new_test_user(
            self.env,
            login="officer_http",
            password="officer_http_pass",
            groups="mazpulki_members.group_mazpulki_officer",
        )
        self.assertTrue(officer)
        self.authenticate("officer_http", "officer_http_pass")
        for url in (
            f"/web/content/{attachment.id}",
            f"/web/content/mazpulki.background.check/{check.id}/certificate",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(b"izzi", response.content)
        self.user_manager.password = "office_manager_pass"
        self.authenticate("office_manager", "office_manager_pass")
        response = self.url_open(f"/web/content/mazpulki.background.check/{check.id}/certificate")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"izzi", response.content)
