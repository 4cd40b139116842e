import datetime

from odoo.tests import tagged

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestDrift(MazpulkiMeetingsCommon):
    def _weeks_ago(self, club, weeks):
        return self._create_meeting(club, self.today - datetime.timedelta(weeks=weeks))

    def test_members_absent_from_the_last_meetings(self):
        """Club A meets weekly; Kārlis came in the first weeks, then missed four: he is on the list; Elza
        missed three and came to the last one: she is not. With the club's setting at 5, nobody is."""
        meetings = [self._weeks_ago(self.club_a, weeks) for weeks in (6, 5, 4, 3, 2, 1)]
        for n, meeting in enumerate(meetings):
            present = [self.member_a] + ([self.member_a2] if n < 2 else []) + ([self.member_a3] if n in (0, 5) else [])
            absent = [m for m in (self.member_a2, self.member_a3) if m not in present]
            self._hold(meeting, present=present, absent=absent, user=self.user_leader_a)
        Drift = self.env["mazpulki.meeting.drift"]
        drifting = Drift.with_user(self.user_leader_a).search([("club_id", "in", (self.club_a | self.club_b).ids)])
        self.assertEqual(drifting.member_id, self.member_a2)
        self.assertEqual(drifting.missed_count, 4)
        self.assertEqual(drifting.date_last_present, meetings[1].day)
        # the office sees it too, grouped per region; another club's leader does not
        self.assertEqual(
            Drift.with_user(self.user_officer).search(
                [("region_id", "=", self.region_kurzeme.id), ("club_id", "=", self.club_a.id)]
            ),
            drifting,
        )
        self.assertFalse(Drift.with_user(self.user_leader_b).search([("member_id", "=", self.member_a2.id)]))
        # the activity to contact the family lands with the leader
        drifting.with_user(self.user_leader_a).action_contact_family()
        activity = self.member_a2.activity_ids
        self.assertEqual(activity.user_id, self.user_leader_a)
        self.assertIn("Kārlis Bērziņš", activity.summary)
        self.club_a.drift_meeting_count = 5
        self.assertFalse(Drift.search([("club_id", "=", self.club_a.id)]))

    def test_a_new_member_is_not_drifting(self):
        meetings = [self._weeks_ago(self.club_a, weeks) for weeks in (4, 3, 2, 1)]
        for n, meeting in enumerate(meetings):
            self._hold(meeting, present=[self.member_a], absent=[self.member_a2] if n else [])
        self.assertFalse(self.env["mazpulki.meeting.drift"].search([("club_id", "=", self.club_a.id)]))

    def test_club_without_a_meeting_in_60_days_is_flagged(self):
        Club = self.env["mazpulki.club"].with_user(self.user_officer)
        clubs = self.club_a | self.club_b
        self.assertEqual(Club.search([("id", "in", clubs.ids), ("is_without_meetings", "=", True)]), clubs)
        self._hold(self._weeks_ago(self.club_a, 1), present=[self.member_a])
        self._hold(self._create_meeting(self.club_b, self.today - datetime.timedelta(days=61)), present=[self.member_b])
        self.assertEqual(Club.search([("id", "in", clubs.ids), ("is_without_meetings", "=", True)]), self.club_b)
        self.assertEqual(Club.search([("id", "in", clubs.ids), ("is_without_meetings", "=", False)]), self.club_a)
        self.club_a.invalidate_recordset()
        self.assertFalse(self.club_a.is_without_meetings)
        self.assertTrue(self.club_b.is_without_meetings)
        self.assertEqual(self.club_b.date_last_meeting, self.today - datetime.timedelta(days=61))
