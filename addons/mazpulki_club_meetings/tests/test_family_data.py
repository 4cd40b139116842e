from odoo.tests import tagged

from odoo.addons.mazpulki_members.models.res_partner_retention import ANONYMISED_NAME

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestFamilyData(MazpulkiMeetingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mother = cls._create_guardian(cls.member_a2, "Anda Bērziņa")
        cls.absence = cls.env["mazpulki.meeting.attendance"].create(
            {
                "meeting_id": cls.meeting_a.id,
                "member_id": cls.member_a2.id,
                "state": "excused",
                "source": "portal",
                "reported_by_id": cls.mother.id,
                "reason": "Zobārsts",
            }
        )
        cls._hold(cls.meeting_b, present=[cls.member_b])

    def test_the_family_export_carries_the_meetings(self):
        sections = {
            s["key"]: s for s in self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.member_a2)
        }
        rows = sections["club_meetings"]["rows"]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["reason"], "Zobārsts")
        self.assertEqual(rows[0]["reported_by"], "Anda Bērziņa")
        self.assertIn("mazpulki.meeting.attendance", sections["club_meetings"]["models"])
        # nothing of another family
        other = self.env["mazpulki.data.export"].sudo()._mazpulki_export_sections(self.member_b)
        other_rows = next(s for s in other if s["key"] == "club_meetings")["rows"]
        self.assertEqual(len(other_rows), 1)
        self.assertNotIn("Zobārsts", str(other))

    def test_anonymisation_clears_the_reason_and_keeps_the_figure(self):
        visitor = self.env["mazpulki.meeting.visitor"].create(
            {
                "meeting_id": self.meeting_a.id,
                "name": "Kārlis Bērziņš",
                "birthdate_date": self.member_a2.birthdate_date,
                "guardian_name": "Anda Bērziņa",
                "guardian_email": "anda@example.lv",
                "guardian_phone": "+371 29111222",
                "consent_data_processing": True,
            }
        )
        visitor.action_make_application()
        visitor.application_id.sudo().member_id = self.member_a2  # as if accepted for him
        (self.member_a2 | self.mother).sudo()._mazpulki_erase_personal_data()
        self.absence.invalidate_recordset()
        self.assertTrue(self.absence.exists(), "kept for the figures")
        self.assertFalse(self.absence.reason)
        self.assertFalse(self.absence.reported_by_id)
        self.assertEqual(visitor.name, ANONYMISED_NAME)
        self.assertFalse(visitor.guardian_name)
