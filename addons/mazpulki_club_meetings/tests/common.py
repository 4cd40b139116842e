import datetime
import uuid

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon


class MazpulkiMeetingsCommon(MazpulkiCommon):
    """The members' fixture (club A led by Ilze, club B by Jānis) with a meeting of club A today at 15:00
    (Riga) and a few more members in club A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_a2 = cls._create_member("Kārlis Bērziņš", cls.club_a, years=10)
        cls.member_a3 = cls._create_member("Elza Kalna", cls.club_a, years=12)
        cls.Meeting = cls.env["mazpulki.meeting"]
        cls.RollCall = cls.env["mazpulki.meeting.roll.call"]
        cls.meeting_a = cls._create_meeting(cls.club_a, cls.today, topic="Putnu būrīši")
        cls.meeting_b = cls._create_meeting(cls.club_b, cls.today, topic="Dabas vērojumi")

    @classmethod
    def _create_meeting(cls, club, day, **vals):
        return cls.env["mazpulki.meeting"].create(
            {
                "club_id": club.id,
                # 15:00 in Riga in winter (13:00 UTC); the day's figure does not depend on the hour
                "date_begin": datetime.datetime.combine(day, datetime.time(13, 0)),
                "place": "Skolas zāle",
                **vals,
            }
        )

    @classmethod
    def _hold(cls, meeting, present=(), absent=(), user=None):
        """Save ``meeting``'s roll call: ``present`` and ``absent`` members."""
        marks = [{"member_id": m.id, "state": "present"} for m in present]
        marks += [{"member_id": m.id, "state": "absent"} for m in absent]
        RollCall = cls.env["mazpulki.meeting.roll.call"]
        if user:
            RollCall = RollCall.with_user(user)
        return RollCall.mazpulki_save(meeting.id, marks, str(uuid.uuid4()))
