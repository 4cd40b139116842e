from datetime import timedelta

from odoo import fields

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


class MazpulkiEventsCommon(MazpulkiCommon):
    """A camp going on now (started yesterday, ends the day after tomorrow) and members registered for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.now = now
        cls.camp = cls.env["event.event"].create(
            {
                "name": "Testa nometne Ērgļos",
                "mazpulki_category": "camp",
                "mazpulki_scope": "national",
                "date_begin": now - timedelta(days=1),
                "date_end": now + timedelta(days=2),
                "date_tz": "Europe/Riga",
                "mazpulki_guardian_approval": False,
            }
        )
        cls.member_adult = cls._create_member("Kārlis Bērziņš", cls.club_a, years=19)
        cls.registration_a = cls.env["event.registration"].create(
            {"event_id": cls.camp.id, "partner_id": cls.member_a.id}
        )
        cls.code_a = cls.member_a.mazpulki_card_id.code
        cls.code_b = cls.member_b.mazpulki_card_id.code
        cls.code_adult = cls.member_adult.mazpulki_card_id.code

    def scan(self, code, event=None, user=None):
        Registration = self.env["event.registration"]
        if user:
            Registration = Registration.with_user(user)
        return Registration.register_attendee(code, (event or self.camp).id)
