import uuid

from odoo.exceptions import UserError
from odoo.tests import tagged, users, warmup

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestRollCall(MazpulkiMeetingsCommon):
    def _marks(self, **states):
        return [{"member_id": member.id, "state": state} for member, state in states.values()]

    def test_leader_saves_the_roll_call(self):
        RollCall = self.RollCall.with_user(self.user_leader_a)
        marks = [
            {"member_id": self.member_a.id, "state": "present", "scanned": True},
            {"member_id": self.member_a2.id, "state": "absent"},
            {"member_id": self.member_a3.id, "state": "excused"},
        ]
        self.assertTrue(RollCall.mazpulki_save(self.meeting_a.id, marks, "uuid-1"))
        self.assertEqual(self.meeting_a.state, "held")
        rows = {a.member_id: a for a in self.meeting_a.attendance_ids}
        self.assertEqual(rows[self.member_a].state, "present")
        self.assertEqual(rows[self.member_a].source, "scan")
        self.assertEqual(rows[self.member_a2].state, "absent")
        self.assertEqual(rows[self.member_a2].source, "roll_call")
        self.assertEqual(self.meeting_a.present_count, 1)
        # a correction: a new roll call of the same meeting updates the rows
        marks[1]["state"] = "present"
        RollCall.mazpulki_save(self.meeting_a.id, marks, "uuid-2")
        self.assertEqual(len(self.meeting_a.attendance_ids), 3)
        self.assertEqual(self.meeting_a.present_count, 2)

    def test_offline_roll_call_synced_twice_counts_once(self):
        """Made offline (an early version, then the final one), the phone sends its queue; the answer is
        lost and it sends it again: the meeting counts each member once, the second send changes nothing."""
        queue = [
            {
                "uuid": "phone-1",
                "meeting_id": self.meeting_a.id,
                "made_at": "2000-01-01 12:00:00",
                "marks": [{"member_id": self.member_a.id, "state": "present"}],
            },
            {
                "uuid": "phone-2",
                "meeting_id": self.meeting_a.id,
                "marks": [
                    {"member_id": self.member_a.id, "state": "present"},
                    {"member_id": self.member_a2.id, "state": "present"},
                    {"member_id": self.member_a3.id, "state": "absent"},
                ],
            },
        ]
        RollCall = self.RollCall.with_user(self.user_leader_a)
        first = RollCall.mazpulki_sync(queue)
        self.assertEqual([answer["saved"] for answer in first], [True, True])
        # the leader corrects on line meanwhile; the phone's second send must not undo it
        self.env["mazpulki.meeting.attendance"].search(
            [("meeting_id", "=", self.meeting_a.id), ("member_id", "=", self.member_a3.id)]
        ).state = "excused"
        second = RollCall.mazpulki_sync(queue)
        self.assertEqual([answer["saved"] for answer in second], [False, False])
        rows = self.meeting_a.attendance_ids
        self.assertEqual(len(rows), 3)
        self.assertEqual(self.meeting_a.present_count, 2)
        self.assertEqual(rows.filtered(lambda a: a.member_id == self.member_a3).state, "excused")
        self.assertEqual(set(rows.mapped("source")), {"offline"})
        logs = self.env["mazpulki.meeting.roll.call"].search([("meeting_id", "=", self.meeting_a.id)])
        self.assertEqual(len(logs), 2)
        self.assertTrue(all(logs.mapped("is_offline")))

    def test_a_member_of_another_club_is_refused(self):
        RollCall = self.RollCall.with_user(self.user_leader_a)
        with self.assertRaises(UserError):
            RollCall.mazpulki_save(self.meeting_a.id, [{"member_id": self.member_b.id, "state": "present"}], "u-x")
        with self.assertRaises(UserError):
            RollCall.mazpulki_save(self.meeting_a.id, [{"member_id": self.member_a.id, "state": "late"}], "u-y")
        self.assertFalse(self.meeting_a.attendance_ids)
        self.assertEqual(self.meeting_a.state, "planned")

    def test_absence_reported_ahead_stays_beside_the_leaders_mark(self):
        guardian = self._create_guardian(self.member_a2, "Anda Bērziņa")
        self.env["mazpulki.meeting.attendance"].create(
            {
                "meeting_id": self.meeting_a.id,
                "member_id": self.member_a2.id,
                "state": "excused",
                "source": "portal",
                "reported_by_id": guardian.id,
                "reason": "Slims",
            }
        )
        data = self.Meeting.with_user(self.user_leader_a).browse(self.meeting_a.id).mazpulki_roll_call_data()
        row = next(m for m in data["members"] if m["id"] == self.member_a2.id)
        self.assertEqual(row["ahead"], {"by": "Anda Bērziņa", "reason": "Slims"})
        self.assertEqual(row["state"], "excused")
        self.RollCall.with_user(self.user_leader_a).mazpulki_save(
            self.meeting_a.id, [{"member_id": self.member_a2.id, "state": "excused"}], "u-1"
        )
        attendance = self.meeting_a.attendance_ids
        self.assertEqual(attendance.reported_by_id, guardian)
        self.assertEqual(attendance.reason, "Slims")

    def test_scan_finds_the_club_members_card(self):
        meeting = self.Meeting.with_user(self.user_leader_a).browse(self.meeting_a.id)
        card = self.member_a.mazpulki_card_id
        self.assertEqual(meeting.mazpulki_roll_call_scan(card.code), self.member_a.id)
        self.assertEqual(meeting.mazpulki_roll_call_scan(card.short_code.lower()), self.member_a.id)
        with self.assertRaises(UserError):
            meeting.mazpulki_roll_call_scan(self.member_b.mazpulki_card_id.code)
        with self.assertRaises(UserError):
            meeting.mazpulki_roll_call_scan("NOSUCHCODE123")
        # offline, the phone knows the card by its keyed hash only
        data = meeting.mazpulki_roll_call_data()
        row = next(m for m in data["members"] if m["id"] == self.member_a.id)
        self.assertNotIn(card.code, str(data["members"]))
        from odoo.addons.mazpulki_events.models.mazpulki_event_desk_scan import card_hash

        self.assertIn(card_hash(data["key"], card.code), row["k"])


@tagged("post_install", "-at_install")
class TestRollCallQueries(MazpulkiMeetingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.many = cls.env["res.partner"].create(
            [
                {
                    "name": f"Biedrs {n}",
                    "is_mazpulki_member": True,
                    "mazpulki_club_id": cls.club_a.id,
                    "birthdate_date": cls.today.replace(year=cls.year - 12),
                }
                for n in range(40)
            ]
        )
        cls.meeting_a2 = cls._create_meeting(cls.club_a, cls.today, topic="Otrā")

    @users("leader_a")
    @warmup
    def test_saving_a_roll_call_costs_the_same_for_3_or_40_members(self):
        RollCall = self.env["mazpulki.meeting.roll.call"]
        small = [{"member_id": m.id, "state": "present"} for m in self.many[:3]]
        large = [{"member_id": m.id, "state": "present"} for m in self.many]
        self.env.invalidate_all()
        with self.assertQueryCount(leader_a=12):
            RollCall.mazpulki_save(self.meeting_a.id, small, str(uuid.uuid4()))
        self.env.invalidate_all()
        with self.assertQueryCount(leader_a=12):
            RollCall.mazpulki_save(self.meeting_a2.id, large, str(uuid.uuid4()))
        self.assertEqual(self.meeting_a2.sudo().present_count, 40)
