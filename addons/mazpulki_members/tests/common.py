from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


def prove_guardian(env, member, guardian, relation="mother"):
    """Link ``guardian`` to ``member`` and prove it as the office does after checking a document; the link.

    For the tests' fixtures of every add-on: a link made otherwise awaits proof and gives no access."""
    Link = env["mazpulki.guardian"].sudo().with_context(active_test=False)
    link = Link.search([("member_id", "=", member.id), ("guardian_id", "=", guardian.id)])
    if not link:
        return Link.create(
            {
                "member_id": member.id,
                "guardian_id": guardian.id,
                "relation": relation,
                "state": "confirmed",
                "proof_method": "document",
                "proof_document": "Test fixture",
            }
        )
    if link.state != "confirmed":
        link._mazpulki_prove("document", proof_document="Test fixture")
    return link


class MazpulkiCommon(BaseCommon):
    """Two clubs in two regions, each with a leader, and a few members.

    Ages are relative to today so the story holds in any year.
    """

    @classmethod
    def default_env_context(cls):
        # The organisation's day is Riga's: "today" of the tests and of every user they make is one day,
        # also between midnight in Riga and midnight in UTC (the superuser's own zone is Brussels)
        return {**super().default_env_context(), "tz": "Europe/Riga"}

    @classmethod
    def setup_main_company(cls, currency_code="EUR"):
        # Odoo's BaseCommon puts the company in dollars for its tests; the organisation keeps its books in euros
        return super().setup_main_company(currency_code=currency_code)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.year = cls.today.year
        cls.region_kurzeme = cls.env.ref("mazpulki_members.region_kurzeme")
        cls.region_latgale = cls.env.ref("mazpulki_members.region_latgale")
        cls.club_a = cls.env["mazpulki.club"].create(
            {"name": "Testa mazpulks Kurzemē", "number": "T-101", "region_id": cls.region_kurzeme.id}
        )
        cls.club_b = cls.env["mazpulki.club"].create(
            {"name": "Testa mazpulks Latgalē", "number": "T-202", "region_id": cls.region_latgale.id}
        )
        cls.user_leader_a = new_test_user(
            cls.env, login="leader_a", name="Ilze Kalniņa", groups="mazpulki_members.group_mazpulki_leader"
        )
        cls.user_leader_b = new_test_user(
            cls.env, login="leader_b", name="Jānis Ozols", groups="mazpulki_members.group_mazpulki_leader"
        )
        cls.user_officer = new_test_user(
            cls.env, login="officer", name="Dace Roze", groups="mazpulki_members.group_mazpulki_officer"
        )
        cls.user_employee = new_test_user(
            cls.env, login="accountant", name="Gatis Grāmatvedis", groups="base.group_user"
        )
        cls.env["mazpulki.club.leader"].create(
            [
                {
                    "club_id": cls.club_a.id,
                    "partner_id": cls.user_leader_a.partner_id.id,
                    "date_start": cls.today - relativedelta(years=2),
                },
                {
                    "club_id": cls.club_b.id,
                    "partner_id": cls.user_leader_b.partner_id.id,
                    "date_start": cls.today - relativedelta(years=1),
                },
            ]
        )
        cls.member_a = cls._create_member("Madara Liepiņa", cls.club_a, years=15)
        cls.member_b = cls._create_member("Roberts Vītols", cls.club_b, years=11)

    @classmethod
    def _create_member(cls, name, club, years, **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_mazpulki_member": True,
                "mazpulki_club_id": club.id,
                "birthdate_date": cls.today - relativedelta(years=years, days=20),
                **vals,
            }
        )

    @classmethod
    def _create_guardian(cls, member, name, relation="mother"):
        """A contact proved as guardian of ``member`` (the office checked a document)."""
        guardian = cls.env["res.partner"].create({"name": name, "email": f"{name.split()[0].lower()}@example.lv"})
        prove_guardian(cls.env, member, guardian, relation)
        return guardian

    @classmethod
    def _create_portal_user(cls, partner, login):
        """A portal user of ``partner``; its password is ``<login>_pass``."""
        return new_test_user(
            cls.env,
            login=login,
            password=f"{login}_pass",
            groups="base.group_portal",
            partner_id=partner.id,
            name=partner.name,
        )
