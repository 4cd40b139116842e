import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import prove_guardian


@tagged("post_install", "-at_install")
class TestGuardianStrangerTour(HttpCase):
    """Issue 22: a stranger who knows a child's name and birth date enrols "his" child; he reaches nothing
    until the mother on file confirms from her e-mail, and loses it all when the office removes him."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["res.partner"])
        cls.club = cls.env["mazpulki.club"].create(
            {
                "name": "Silu mazpulks",
                "number": "T-778",
                "region_id": cls.env.ref("mazpulki_members.region_zemgale").id,
            }
        )
        cls.leader = new_test_user(
            cls.env, login="silu_leader", password="silu_leader", name="Ieva Sila",
            groups="mazpulki_members.group_mazpulki_leader",
        )  # fmt: skip
        cls.env["mazpulki.club.leader"].create(
            {"club_id": cls.club.id, "partner_id": cls.leader.partner_id.id, "date_start": "2020-01-01"}
        )
        cls.child = cls.env["res.partner"].create(
            {
                "name": "Marta Sila",
                "is_mazpulki_member": True,
                "mazpulki_club_id": cls.club.id,
                "birthdate_date": today - relativedelta(years=10, days=30),
            }
        )
        cls.mother = cls.env["res.partner"].create({"name": "Līga Sila", "email": "liga.sila@example.lv"})
        prove_guardian(cls.env, cls.child, cls.mother)
        cls.env["mazpulki.consent"].create(
            {"member_id": cls.child.id, "consent_type": "data_processing", "given_by_id": cls.mother.id}
        )
        # The worst case: the stranger already has a portal account (a parent of another child, say)
        cls.stranger_user = new_test_user(
            cls.env, login="viktors.svesais@example.lv", password="viktors_pass", name="Viktors Svešais",
            email="viktors.svesais@example.lv", groups="base.group_portal",
        )  # fmt: skip
        cls.stranger = cls.stranger_user.partner_id

    def _stranger_sees_child(self):
        """What the stranger reaches of the child: his /my pages, RPC, event approvals (asserts each agrees)."""
        self.authenticate("viktors.svesais@example.lv", "viktors_pass")
        page = self.url_open(f"/my/membership/{self.child.id}")
        listing = self.url_open("/my/membership")
        sees_page = page.status_code == 200 and "Marta Sila" in page.text
        self.assertEqual(sees_page, "Marta Sila" in listing.text)
        rpc = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": "res.partner", "method": "search_read", "args": [[("id", "=", self.child.id)], ["name"]],
             "kwargs": {"context": {"active_test": False}}},
        )  # fmt: skip
        self.assertFalse(rpc, "a portal user never reads a member by RPC, guardian or not")
        approvals = self.url_open("/my/event-approvals")
        if approvals.status_code == 200 and not sees_page:
            self.assertNotIn("Marta Sila", approvals.text)
        return sees_page

    def test_stranger_applies_leader_accepts_mother_confirms_office_removes(self):
        slug = self.env["ir.http"]._slug(self.club)
        self.start_tour(f"/clubs/{slug}/join", "mazpulki_guardian_stranger_applies")
        application = self.env["mazpulki.member.application"].search([("club_id", "=", self.club.id)])
        self.assertEqual(application.match_member_id, self.child)
        self.assertEqual(application.guardian_proof_status, "new_adult")

        self.start_tour("/odoo/mazpulki-applications", "mazpulki_guardian_leader_accepts", login="silu_leader")
        self.assertEqual(application.state, "accepted")
        self.assertEqual(self.child.mazpulki_club_id, self.club, "the child is linked to the club")
        link = application.guardian_link_id
        self.assertEqual((link.guardian_id, link.state, link.active), (self.stranger, "pending", False))
        self.assertNotIn(self.stranger, self.child.guardian_ids.guardian_id)
        self.assertFalse(
            self.env["mazpulki.consent"].search([("given_by_id", "=", self.stranger.id)]),
            "no consent is recorded in the name of an adult awaiting proof",
        )
        self.assertFalse(self._stranger_sees_child(), "the stranger reaches nothing of the child")

        # The request went to the mother on file, never to the stranger
        mails = self.env["mail.mail"].search([("model", "=", "mazpulki.guardian"), ("res_id", "=", link.id)])
        self.assertEqual(mails.mapped("email_to"), [self.mother.email_formatted])
        url = re.search(r'href="([^"]*/guardian/request/[^"]*)"', mails.body_html).group(1).replace("&amp;", "&")
        path = url[url.index("/guardian/request/") :]
        # A made-up token, or the token sent to the mother used in the stranger's name: no page
        self.assertEqual(self.url_open(re.sub(r"token=\w+", "token=" + "0" * 64, path)).status_code, 404)
        forged = path.replace(f"/{self.mother.id}?", f"/{self.stranger.id}?")
        self.assertEqual(self.url_open(forged).status_code, 404)

        self.authenticate(None, None)
        self.start_tour(path, "mazpulki_guardian_mother_confirms")
        self.assertEqual((link.state, link.proof_method, link.confirmed_by_id), ("confirmed", "guardian", self.mother))
        self.assertTrue(self._stranger_sees_child(), "confirmed by the mother: the adult is a guardian")

        # The office removes him (a court order): he loses the child's records at once
        officer = new_test_user(self.env, login="silu_office", groups="mazpulki_members.group_mazpulki_officer")
        wizard = (
            self.env["mazpulki.guardian.proof"]
            .with_user(officer)
            .create({"link_id": link.id, "mode": "remove", "note": "Tiesas lēmums"})
        )
        wizard.action_confirm()
        self.assertEqual((link.state, link.removed_by_id, link.removal_reason), ("removed", officer, "Tiesas lēmums"))
        self.assertFalse(self._stranger_sees_child())
        # The old mail link does nothing any more
        self.assertNotIn(b"o_mazpulki_guardian_confirm", self.url_open(path).content)
