from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestRetentionKeepsFigures(StrategyCommon):
    """Anonymising former members changes no figure of a closed year: the whole board, its funding table and
    the yearly statistics (the XLSX's data) read the same before and after (issue 22, part 4)."""

    def _figures(self, first, last):
        Board = self.env["mazpulki.strategy.board"].with_user(self.user_board)
        Export = self.env["mazpulki.strategy.export"].with_user(self.user_board)
        self.env.invalidate_all()
        board = Board.get_board_data(first, last)
        # the measures' own values too (also the ones no target of the board uses), each year separately
        Measure = self.env["mazpulki.measure"].sudo()
        measures = {code: Measure.mazpulki_measure_values(code, first, last) for code in Measure._mazpulki_measures()}
        return {
            "board": board["rows"],
            "funding": Board.get_funding_data(first, last),
            "measures": measures,
            "statistics": {year: Export._statistics_data(year) for year in range(first, last + 1)},
        }

    def test_closed_years_read_the_same(self):
        first, last = 2021, self.year - 1
        Partner = self.env["res.partner"].with_context(active_test=False)
        # every person with a history in the closed years: members, project teams, volunteers, attendees
        people = Partner.search([("mazpulki_membership_ids.year", "<=", last)])
        if "mazpulki_volunteer_ids" in Partner._fields:
            people |= Partner.search([("mazpulki_volunteer_ids", "!=", False)])
        people = people.filtered(lambda p: not p.user_ids.filtered(lambda u: not u.share))
        self.assertGreater(len(people), 50, "the demo history gives the test people to anonymise")
        before = self._figures(first, last)
        self.assertTrue(any(before["statistics"][year]["total"] for year in range(first, last + 1)))
        anonymised = self.env["mazpulki.erasure"]._anonymise(people, "request")
        self.assertTrue(all(name == "Anonymised" for name in anonymised.mapped("name")))
        after = self._figures(first, last)
        for key in before:
            with self.subTest(key=key):
                self.assertEqual(before[key], after[key])

    def test_board_cannot_hold_forget_or_anonymise(self):
        member = self.member_a.with_user(self.user_board)
        for method in (
            "action_mazpulki_erasure_hold",
            "action_mazpulki_erasure_forget",
            "action_mazpulki_erasure_release",
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(member, method)()
        with self.assertRaises(AccessError):
            self.env["mazpulki.erasure"].with_user(self.user_board).action_open_due()
        with self.assertRaises(AccessError):
            self.env["mazpulki.erasure.wizard"].with_user(self.user_board).create(
                {"mode": "forget", "partner_ids": [(6, 0, self.member_a.ids)], "reason": "x", "confirm": True}
            )
        self.assertEqual(self.member_a.name, "Madara Liepiņa")

    def test_add_ons_scrub_their_records(self):
        """Projects, events and volunteering keep their figures and lose the person's text (demo data)."""
        Project = self.env["mazpulki.project"]
        solo = Project.search([("member_count", "=", 1), ("evidence_ids", "!=", False)], limit=1)
        team = Project.search([("member_count", ">", 1)], limit=1)
        registration = self.env["event.registration"].search(
            [("mazpulki_member_id", "!=", False), ("mazpulki_attendance_ids", "!=", False)], limit=1
        )
        volunteer = self.env["mazpulki.volunteer"].search([("partner_id.is_mazpulki_member", "=", True)], limit=1)
        self.assertTrue(solo and team and registration and volunteer, "the demo data has them")
        volunteer.write({"emergency_contact": "Inga, +371 29123456", "note": "<p>Alerģija pret riekstiem</p>"})
        registration.sudo().write(  # a guardian consented at the gate (the desk writes it under sudo)
            {"mazpulki_gate_guardian_name": "Inga Liepa", "mazpulki_gate_guardian_phone": "+371 29123456"}
        )
        team_other = team.member_ids[1:]
        people = solo.member_ids | team.member_ids[:1] | registration.mazpulki_member_id | volunteer.partner_id
        people = people.filtered(lambda p: not p.user_ids.filtered(lambda u: not u.share))
        evidence = solo.evidence_ids
        team_plan, team_name = team.plan, team.name
        days = len(registration.mazpulki_attendance_ids)
        hours = sum(volunteer.line_ids.mapped("unit_amount"))
        self.env["mazpulki.erasure"]._anonymise(people, "request")
        self.env.invalidate_all()
        self.assertTrue(solo.member_ids <= people)
        self.assertEqual(solo.name, "Anonymised")
        self.assertFalse(solo.plan or solo.goal or solo.report_done or solo.evidence_ids)
        self.assertFalse(evidence.exists())
        self.assertTrue(team_other - people, "the team's other members are not anonymised")
        self.assertEqual((team.plan, team.name), (team_plan, team_name), "a team's project stays the team's")
        self.assertIn(registration.mazpulki_member_id, people)
        self.assertEqual(registration.name, "Anonymised")
        self.assertFalse(registration.email or registration.phone or registration.barcode)
        self.assertFalse(registration.mazpulki_gate_guardian_name or registration.mazpulki_gate_guardian_phone)
        self.assertEqual(len(registration.mazpulki_attendance_ids), days)
        self.assertIn(volunteer.partner_id, people)
        self.assertFalse(volunteer.emergency_contact or volunteer.note)
        self.assertEqual(volunteer.name, "Anonymised")
        self.assertEqual(sum(volunteer.line_ids.mapped("unit_amount")), hours)
