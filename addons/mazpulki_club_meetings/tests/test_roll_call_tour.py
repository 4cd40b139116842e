import datetime

from odoo.tests import HttpCase, tagged

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestRollCallTour(MazpulkiMeetingsCommon, HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_roll_call_on_a_phone(self):
        """Ilze (the demo's Kalnciema leader) on her phone: today's meeting, a mother's absence reported
        ahead, one tap per member, a card scanned, a visitor and her application, saved; then the network
        drops, she corrects a mark, saves on the phone, and it is sent when the network is back."""
        ilze = self.env.ref("mazpulki_members.user_leader_demo", raise_if_not_found=False)
        if not ilze:
            self.skipTest("the demo data (Ilze and the Kalnciema club) is not installed")
        club = self.env.ref("mazpulki_members.club_kalnciema_demo")
        Meeting = self.env["mazpulki.meeting"]
        Meeting.search(
            [("club_id", "in", ilze.partner_id.mazpulki_leader_ids.club_id.ids), ("day", "=", self.today)]
        ).write({"state": "cancelled"})
        meeting = self._create_meeting(club, self.today, topic="Tūres sanāksme")
        meeting.date_begin = datetime.datetime.combine(self.today, datetime.time(0, 0))
        members = self.env["res.partner"].search(
            [("mazpulki_club_id", "=", club.id), ("is_mazpulki_member", "=", True)], order="name"
        )
        marta = self.env.ref("mazpulki_members.member_marta_berzina_demo")
        karlis = self.env.ref("mazpulki_members.member_karlis_berzins_demo")
        liga = self.env.ref("mazpulki_members.member_liga_demo")
        self.env["mazpulki.meeting.attendance"].create(
            {
                "meeting_id": meeting.id,
                "member_id": karlis.id,
                "state": "excused",
                "source": "portal",
                "reported_by_id": self.env.ref("mazpulki_members.partner_guardian_anda_demo").id,
                "reason": "Slims ar gripu",
            }
        )
        liga.mazpulki_card_id.code = "TourRollCallLiga"
        self.start_tour("/odoo/roll-call", "mazpulki_club_meetings_roll_call", login="ilze")
        rows = {a.member_id: a for a in meeting.attendance_ids}
        self.assertEqual(meeting.state, "held")
        self.assertEqual(len(rows), len(members), "every member marked, once")
        self.assertEqual(rows[liga].state, "present")
        self.assertEqual(rows[liga].source, "scan", "her card was scanned")
        self.assertEqual(rows[marta].state, "absent", "corrected offline")
        self.assertEqual(rows[marta].source, "offline", "the last roll call came from the phone's queue")
        self.assertEqual(rows[karlis].state, "excused")
        self.assertEqual(rows[karlis].reason, "Slims ar gripu")
        logs = self.env["mazpulki.meeting.roll.call"].search([("meeting_id", "=", meeting.id)])
        self.assertEqual(sorted(logs.mapped("is_offline")), [False, True])
        visitor = meeting.visitor_ids
        self.assertEqual(visitor.name, "Anna Viesīte")
        self.assertEqual(visitor.application_id.state, "new")
        self.assertEqual(visitor.application_id.guardian_phone, "+371 29111222")
