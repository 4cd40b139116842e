from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


class MazpulkiVolunteerCommon(MazpulkiCommon):
    """Two volunteer teams with a coordinator each and a few volunteers.

    Team Riga (coordinator Aiga) has Madara (member of club A, a portal user)
    and Pēteris (an adult, no club); team Valmiera (coordinator Kaspars) has
    Roberts (member of club B). Volunteers started long ago, so hours of past
    years (2001–2003, far from any demo data) can be logged for the measures.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_talka = cls.env.ref("mazpulki_volunteer.activity_talka")
        cls.activity_event = cls.env.ref("mazpulki_volunteer.activity_event_help")
        cls.activity_office = cls.env.ref("mazpulki_volunteer.activity_office")
        cls.user_coordinator_riga = new_test_user(
            cls.env,
            login="coord_riga",
            name="Aiga Kārkliņa",
            groups="mazpulki_volunteer.group_mazpulki_volunteer_coordinator",
        )
        cls.user_coordinator_valmiera = new_test_user(
            cls.env,
            login="coord_valmiera",
            name="Kaspars Liepa",
            groups="mazpulki_volunteer.group_mazpulki_volunteer_coordinator",
        )
        cls.user_manager = new_test_user(
            cls.env, login="vol_manager", name="Dzintra Vadītāja", groups="mazpulki_members.group_mazpulki_manager"
        )
        cls.team_riga = cls.env["mazpulki.volunteer.team"].create(
            {"name": "Testa Rīgas klubiņš", "coordinator_ids": [(6, 0, cls.user_coordinator_riga.ids)]}
        )
        cls.team_valmiera = cls.env["mazpulki.volunteer.team"].create(
            {
                "name": "Testa Valmieras komanda",
                "club_id": cls.club_b.id,
                "coordinator_ids": [(6, 0, cls.user_coordinator_valmiera.ids)],
            }
        )
        cls.user_portal_madara = new_test_user(
            cls.env,
            login="madara_portal",
            name="Madara Liepiņa",
            groups="base.group_portal",
            partner_id=cls.member_a.id,
            lang="en_US",
        )
        cls.partner_peteris = cls.env["res.partner"].create({"name": "Pēteris Kalns"})
        cls.start = date(2000, 1, 1)
        cls.volunteer_madara, cls.volunteer_peteris, cls.volunteer_roberts = cls.env["mazpulki.volunteer"].create(
            [
                {"partner_id": cls.member_a.id, "team_id": cls.team_riga.id, "date_start": cls.start},
                {"partner_id": cls.partner_peteris.id, "team_id": cls.team_riga.id, "date_start": cls.start},
                {"partner_id": cls.member_b.id, "team_id": cls.team_valmiera.id, "date_start": cls.start},
            ]
        )
        cls.yesterday = cls.today - relativedelta(days=1)

    @contextmanager
    def assertRaisesMessage(self, exception, regex):
        """``assertRaises`` (which rolls the failed write back) that also checks the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    @classmethod
    def _line(cls, volunteer, hours, day=None, activity=None, **vals):
        return cls.env["account.analytic.line"].create(
            {
                "mazpulki_volunteer_id": volunteer.id,
                "mazpulki_activity_id": (activity or cls.activity_talka).id,
                "unit_amount": hours,
                "date": day or cls.yesterday,
                **vals,
            }
        )
