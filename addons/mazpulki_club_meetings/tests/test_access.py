from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import MazpulkiMeetingsCommon

MODELS = [
    "mazpulki.meeting",
    "mazpulki.meeting.plan",
    "mazpulki.meeting.attendance",
    "mazpulki.meeting.visitor",
    "mazpulki.meeting.roll.call",
    "mazpulki.meeting.drift",
    "mazpulki.school.holiday",
]


@tagged("post_install", "-at_install")
class TestMeetingAccess(MazpulkiMeetingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._hold(cls.meeting_a, present=[cls.member_a], absent=[cls.member_a2])
        cls.visitor_a = cls.env["mazpulki.meeting.visitor"].create({"meeting_id": cls.meeting_a.id, "name": "Viesis A"})

    def test_another_clubs_leader_sees_and_writes_nothing_of_club_a(self):
        """Jānis leads club B: club A's meeting, roll call, visitors and log are not his."""
        leader_b = self.user_leader_b
        self.assertFalse(self.Meeting.with_user(leader_b).search([("club_id", "=", self.club_a.id)]))
        Attendance = self.env["mazpulki.meeting.attendance"].with_user(leader_b)
        self.assertFalse(Attendance.search([("meeting_id", "=", self.meeting_a.id)]))
        self.assertFalse(self.env["mazpulki.meeting.visitor"].with_user(leader_b).search([]))
        self.assertFalse(
            self.env["mazpulki.meeting.roll.call"].with_user(leader_b).search([("meeting_id", "=", self.meeting_a.id)])
        )
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(leader_b).topic = "Cits"
        with self.assertRaises(AccessError):
            self.RollCall.with_user(leader_b).mazpulki_save(
                self.meeting_a.id, [{"member_id": self.member_a.id, "state": "absent"}], "steal-1"
            )
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(leader_b).mazpulki_roll_call_data()
        with self.assertRaises(AccessError):
            self.meeting_a.with_user(leader_b).mazpulki_roll_call_scan(self.member_a.mazpulki_card_id.code)
        with self.assertRaises(AccessError):
            self.env["mazpulki.meeting.visitor"].with_user(leader_b).create(
                {"meeting_id": self.meeting_a.id, "name": "Iezagies Viesis"}
            )
        with self.assertRaises(AccessError):
            self.env["mazpulki.meeting.visitor"].with_user(leader_b).mazpulki_make_application(self.visitor_a.id)
        # his own club's meeting he does hold
        self.assertTrue(self._hold(self.meeting_b, present=[self.member_b], user=leader_b))

    def test_leader_sees_her_club_and_the_office_all(self):
        leader_a = self.user_leader_a
        self.assertEqual(
            self.Meeting.with_user(leader_a).search([("id", "in", (self.meeting_a | self.meeting_b).ids)]),
            self.meeting_a,
        )
        self.assertEqual(
            self.Meeting.with_user(self.user_officer).search([("id", "in", (self.meeting_a | self.meeting_b).ids)]),
            self.meeting_a | self.meeting_b,
        )
        with self.assertRaises(AccessError):
            self.env["mazpulki.school.holiday"].with_user(leader_a).create(
                {"name": "Brīvdienas", "date_from": self.today, "date_to": self.today}
            )

    def test_staff_outside_mazpulki_and_portal_users_have_no_access(self):
        portal = new_test_user(self.env, login="portal_parent", groups="base.group_portal")
        for user in (self.user_employee, portal):
            for model in MODELS:
                with self.assertRaises(AccessError, msg=f"{user.login} on {model}"):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.RollCall.with_user(user).mazpulki_save(
                    self.meeting_a.id, [{"member_id": self.member_a.id, "state": "absent"}], f"p-{user.id}"
                )


@tagged("post_install", "-at_install")
class TestMeetingPortalRpc(MazpulkiMeetingsCommon, HttpCase):
    def test_a_parent_writes_nothing_through_rpc(self):
        """A mother on the portal opens the console: she reads, writes and saves no roll call."""
        mother = self._create_guardian(self.member_a2, "Anda Bērziņa")
        self._create_portal_user(mother, "anda_meet")
        self.authenticate("anda_meet", "anda_meet_pass")
        calls = [
            (
                "mazpulki.meeting.attendance",
                "create",
                [[{"meeting_id": self.meeting_a.id, "member_id": self.member_a2.id}]],
            ),
            ("mazpulki.meeting", "search_read", [[]]),
            ("mazpulki.meeting", "mazpulki_roll_call_data", [[self.meeting_a.id]]),
            (
                "mazpulki.meeting.roll.call",
                "mazpulki_save",
                [self.meeting_a.id, [{"member_id": self.member_a2.id, "state": "present"}], "rpc-1"],
            ),
            ("mazpulki.meeting.roll.call", "mazpulki_sync", [[{"uuid": "rpc-2", "meeting_id": self.meeting_a.id}]]),
            ("mazpulki.meeting.visitor", "create", [[{"meeting_id": self.meeting_a.id, "name": "X Y"}]]),
        ]
        for model, method, args in calls:
            with self.subTest(method=method), mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": {}}
                )
        self.assertFalse(self.meeting_a.attendance_ids)
        self.assertEqual(self.meeting_a.state, "planned")
