from datetime import datetime

from odoo.tests import tagged

from odoo.addons.mazpulki_members.tests.common import MazpulkiCommon

YEAR = 2091  # far from any demo data


@tagged("post_install", "-at_install")
class TestEventMeasures(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Measure = cls.env["mazpulki.measure"]
        cls.member_c = cls._create_member("Anete Kalniņa", cls.club_a, years=16)

        def event(name, category, month, **vals):
            return cls.env["event.event"].create(
                {
                    "name": name,
                    "mazpulki_category": category,
                    "date_begin": datetime(YEAR, month, 10, 8, 0),
                    "date_end": datetime(YEAR, month, 12, 16, 0),
                    "mazpulki_guardian_approval": False,
                    **vals,
                }
            )

        cls.national = event("Salidojums", "national", 5) | event("Sporta spēles", "national", 6)
        cls.regional = event("Kurzemes forums", "regional", 4, mazpulki_region_id=cls.region_kurzeme.id)
        cls.regional_cancelled = event("Latgales pārgājiens", "regional", 9, mazpulki_region_id=cls.region_latgale.id)
        cls.regional_cancelled.stage_id = cls.env.ref("event.event_stage_cancelled")
        event("Seminārs par bitēm", "seminar", 3, mazpulki_priority_area="citizen_science")
        event("Seminārs par putniem", "seminar", 10, mazpulki_priority_area="citizen_science")
        event("Seminārs par robotiem", "seminar", 3, mazpulki_priority_area="modern_technologies")
        cls.camp = event("Vasaras nometne", "camp", 7)
        cls.abroad = event("Jauniešu apmaiņa Igaunijā", "international", 8, mazpulki_scope="international")
        cls.trip = event("Vadītāju pieredzes brauciens", "exchange_domestic", 8)
        Registration = cls.env["event.registration"]
        Registration.create(
            [
                {"event_id": cls.camp.id, "partner_id": cls.member_a.id, "state": "done"},
                {"event_id": cls.camp.id, "partner_id": cls.member_b.id, "state": "done"},
                {"event_id": cls.camp.id, "partner_id": cls.member_c.id},
                {"event_id": cls.abroad.id, "partner_id": cls.member_a.id, "state": "done"},
                {"event_id": cls.trip.id, "partner_id": cls.user_leader_a.partner_id.id, "state": "done"},
            ]
        )

    def assertMeasure(self, code, expected, region_ids=None):
        values = self.Measure.mazpulki_measure_values(code, YEAR - 1, YEAR, region_ids=region_ids)
        # the year before has no data: 0 for a count, no figure for a rate
        missing = self.Measure._mazpulki_measure_spec(code).get("missing", 0)
        self.assertEqual(values, {YEAR - 1: missing, YEAR: expected}, code)
        if expected and "records" in self.Measure._mazpulki_measure_spec(code):
            model, domain = self.Measure.mazpulki_measure_records(code, YEAR, region_ids=region_ids)
            self.assertEqual(self.env[model].search_count(domain), expected, code)

    def test_events_held(self):
        self.assertMeasure("events.national", 2)
        self.assertMeasure("events.regional", 1)  # the cancelled hike does not count
        self.assertMeasure("events.regional", 0, region_ids=self.region_latgale.ids)
        self.assertMeasure("events.exchange_domestic", 1)
        self.assertMeasure("events.exchange_international", 0)

    def test_priority_areas_with_two_seminars(self):
        self.assertMeasure("events.priority_areas_two_seminars", 1)

    def test_people(self):
        self.assertMeasure("events.camp_participants", 2)
        self.assertMeasure("events.camp_participants", 1, region_ids=self.region_latgale.ids)
        self.assertMeasure("events.international_members", 1)
        self.assertMeasure("events.exchange_leaders", 1)
        self.assertMeasure("events.volunteers_trained", 0)

    def test_attendance_rate(self):
        # 4 attended of 5 confirmed registrations in the year
        self.assertMeasure("events.attendance_rate", 80.0)

    def test_person_counts(self):
        counts = self.Measure._mazpulki_person_counts(
            "events.attended", YEAR, [self.member_a.id, self.member_b.id, self.member_c.id]
        )
        self.assertEqual(counts, {self.member_a.id: 2, self.member_b.id: 1})
        self.assertIsNone(self.Measure._mazpulki_person_counts("nobody.knows", YEAR, [self.member_a.id]))

    def test_every_code_is_registered(self):
        codes = self.Measure._mazpulki_measures()
        for code in (
            "events.camp_participants", "events.national", "events.regional",
            "events.priority_areas_two_seminars", "events.recruitment", "events.international_members",
            "events.international_info", "events.council_remote", "events.council_in_person",
            "events.new_leader_seminars", "events.pd_seminars", "events.exchange_domestic",
            "events.exchange_international", "events.exchange_leaders", "events.leaders_qualified",
            "events.volunteers_trained", "events.team_building", "events.attendance_rate",
        ):  # fmt: skip
            self.assertIn(code, codes)

    def test_specs_are_called_directly(self):
        """The board may call a spec's methods itself, without mazpulki_measure_values()."""
        for code, expected in (("events.national", 2), ("events.camp_participants", 2)):
            spec = self.Measure._mazpulki_measure_spec(code)
            self.assertEqual(getattr(self.Measure, spec["compute"])(YEAR, YEAR), {YEAR: expected})
            model, domain = getattr(self.Measure, spec["records"])(YEAR)
            self.assertEqual(self.env[model].search_count(domain), expected)
