from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import MazpulkiCommon, prove_guardian


@tagged("post_install", "-at_install")
class TestAccess(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a.personal_code = "321234-56789"
        cls.env["mazpulki.consent"].create(
            [
                {
                    "member_id": m.id,
                    "given_by_id": cls._create_guardian(m, f"Vecāks {m.name}").id,
                    "consent_type": "photo",
                }
                for m in cls.member_a | cls.member_b
            ]
        )

    def test_leader_sees_own_club_only(self):
        Partner = self.env["res.partner"].with_user(self.user_leader_a)
        members = Partner.search([("is_mazpulki_member", "=", True)])
        self.assertIn(self.member_a, members)
        self.assertNotIn(self.member_b, members)
        self.assertEqual(self.member_a.with_user(self.user_leader_a).name, "Madara Liepiņa")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_b.with_user(self.user_leader_a).read(["name"])

    def test_leader_edits_own_club_only(self):
        self.member_a.with_user(self.user_leader_a).school_grade = "9.a"
        self.assertEqual(self.member_a.school_grade, "9.a")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_b.with_user(self.user_leader_a).write({"school_grade": "5.b"})

    def test_leader_sees_records_of_own_members_only(self):
        for model in ("mazpulki.membership", "mazpulki.consent", "mazpulki.guardian", "mazpulki.member.card"):
            with self.subTest(model=model):
                records = self.env[model].with_user(self.user_leader_a).search([])
                self.assertEqual(records.member_id, self.member_a)

    def test_leader_cannot_read_personal_codes(self):
        self.assertNotIn("personal_code", self.env["res.partner"].with_user(self.user_leader_a).fields_get())
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_leader_a).read(["personal_code"])

    def test_leader_edits_only_the_clubs_they_lead(self):
        self.club_a.with_user(self.user_leader_a).municipality = "Jelgavas novads"
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.club_b.with_user(self.user_leader_a).municipality = "Rēzeknes novads"

    def test_former_leader_loses_access(self):
        self.club_a.leader_ids.date_end = self.today - relativedelta(days=1)
        self.env.invalidate_all()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_leader_a).read(["name"])

    def test_leadership_follows_riga_s_day(self):
        """A leadership starts and ends at Riga's midnight, also while UTC is still on the day before,
        and the rules' cached domain follows the day."""
        self.club_b.leader_ids.unlink()
        self.env["mazpulki.club.leader"].create(
            {"club_id": self.club_b.id, "partner_id": self.user_leader_a.partner_id.id, "date_start": "2026-03-02"}
        )
        member = self.member_b.with_user(self.user_leader_a)
        # 1 March, 23:30 UTC is 01:30 on 2 March in Riga: the leadership has started
        with freeze_time("2026-03-01 23:30:00"):
            self.assertEqual(member.read(["name"])[0]["name"], "Roberts Vītols")
            self.club_b.leader_ids.date_end = "2026-03-02"
        with freeze_time("2026-03-02 21:30:00"):  # 23:30 in Riga: still their last day
            member.invalidate_recordset()
            self.assertTrue(member.read(["name"]))
        with freeze_time("2026-03-02 22:30:00"), mute_logger("odoo.models"), self.assertRaises(AccessError):
            member.invalidate_recordset()  # 00:30 on 3 March in Riga: no longer
            member.read(["name"])

    def test_officer_sees_and_edits_all(self):
        Partner = self.env["res.partner"].with_user(self.user_officer)
        self.assertTrue({self.member_a, self.member_b} <= set(Partner.search([("is_mazpulki_member", "=", True)])))
        self.member_b.with_user(self.user_officer).school_grade = "5.b"
        self.assertEqual(self.member_a.with_user(self.user_officer).personal_code, "321234-56789")

    def test_internal_user_outside_mazpulki_sees_no_member(self):
        Partner = self.env["res.partner"].with_user(self.user_employee)
        self.assertFalse(Partner.search([("is_mazpulki_member", "=", True)]))
        # A guardian's contact is held because of the child: hidden as the child is.
        guardians = (self.member_a | self.member_b).guardian_ids.guardian_id
        self.assertFalse(Partner.search([("id", "in", guardians.ids)]))
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.member_a.with_user(self.user_employee).read(["name"])


@tagged("post_install", "-at_install")
class TestLeaderAddressBook(MazpulkiCommon):
    """What of the address book a club leader reads and edits.

    A leader reads and edits the members of the clubs they lead and those
    members' guardians. Like every internal user, they read the ordinary
    address book (companies and host organisations, the organisation's own
    partner, staff, club leaders), but no other member and no other guardian.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mother_a = cls._create_guardian(cls.member_a, "Inese Liepiņa")
        cls.mother_b = cls._create_guardian(cls.member_b, "Sarmīte Vītola")
        cls.mother_b.write({"phone": "+371 26000001", "street": "Graudu iela 5", "city": "Liepāja"})
        cls.school = cls.env["res.partner"].create({"name": "Kalnciema pamatskola", "is_company": True})
        cls.club_a.host_partner_id = cls.school
        cls.user_officer.partner_id.email = "dace@example.lv"

    def test_leader_reads_and_edits_own_clubs_guardians(self):
        mother = self.mother_a.with_user(self.user_leader_a)
        self.assertEqual(mother.name, "Inese Liepiņa")
        mother.phone = "+371 29000002"
        self.assertEqual(self.mother_a.phone, "+371 29000002")
        links = self.member_a.with_user(self.user_leader_a).guardian_ids
        self.assertEqual(links.guardian_id, self.mother_a)

    def test_leader_cannot_read_or_edit_another_clubs_guardian(self):
        Partner = self.env["res.partner"].with_user(self.user_leader_a)
        self.assertFalse(Partner.search([("id", "=", self.mother_b.id)]))
        self.assertFalse(Partner.search([("phone", "=", "+371 26000001")]))
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.mother_b.with_user(self.user_leader_a).read(["name", "phone", "street"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.mother_b.with_user(self.user_leader_a).write({"phone": "+371 20000000"})
        self.assertEqual(self.mother_b.phone, "+371 26000001")

    def test_leader_address_book(self):
        Partner = self.env["res.partner"].with_user(self.user_leader_a)
        visible = (
            self.school  # the club's host organisation
            | self.env.company.partner_id  # the organisation itself
            | self.user_leader_a.partner_id  # themselves
            | self.user_leader_b.partner_id  # another club's leader, in the club directory
            | self.user_officer.partner_id  # the office
        )
        self.assertEqual(Partner.search([("id", "in", visible.ids)]), visible)
        hidden = self.member_b | self.mother_b
        self.assertFalse(Partner.search([("id", "in", hidden.ids)]))

    def test_a_guardian_who_leads_a_club_stays_in_the_directory(self):
        # Jānis leads club B and is the father of a member of club A.
        prove_guardian(self.env, self.member_a, self.user_leader_b.partner_id, "father")
        employee_partners = self.env["res.partner"].with_user(self.user_employee)
        self.assertTrue(employee_partners.search([("id", "=", self.user_leader_b.partner_id.id)]))

    def test_leader_opens_member_list_form_preferences_and_chatter(self):
        member_a = self.member_a.with_user(self.user_leader_a)
        self.member_a.message_subscribe(self.user_officer.partner_id.ids)
        self.member_a.with_user(self.user_officer).message_post(body="Sveika, Madara!", message_type="comment")
        # The member list, as the menu opens it.
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_members.res_partner_action_member")
        Partner = self.env["res.partner"].with_user(self.user_leader_a)
        domain = safe_eval(action["domain"])
        result = Partner.web_search_read(domain, {"display_name": {}, "mazpulki_club_id": {}, "phone": {}})
        self.assertEqual([r["id"] for r in result["records"]], self.member_a.ids)
        # The member's form with the guardians tab.
        with Form(member_a, view="mazpulki_members.res_partner_view_form_member") as form:
            self.assertEqual(form.guardian_link_ids.edit(0).guardian_id, self.mother_a)
        # Their own preferences.
        me = self.user_leader_a.with_user(self.user_leader_a)
        me.read(["name", "email", "signature", "lang", "tz", "partner_id"])
        me.partner_id.read(["name", "email", "phone", "image_128"])
        # The chatter: messages, their authors and the followers.
        messages = member_a.message_ids
        self.assertIn("Sveika, Madara!", "".join(messages.mapped("body")))
        messages.author_id.read(["name"])
        self.assertIn(self.user_officer.partner_id, member_a.message_follower_ids.partner_id)
        member_a.message_post(body="Paldies!", message_type="comment")
