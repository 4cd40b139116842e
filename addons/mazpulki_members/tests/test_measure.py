from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestMeasure(MazpulkiCommon):
    """The strategy's measures of the member registry, against fixture data with known answers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Measure = cls.env["mazpulki.measure"]
        # Far from the demo data's years, so only this fixture counts.
        cls.Club = cls.env["mazpulki.club"]
        kurzeme, latgale = cls.region_kurzeme.id, cls.region_latgale.id
        cls.Club.create(
            [
                {"name": "Jaunais A", "number": "T-M1", "region_id": kurzeme, "date_founded": "1971-03-01"},
                {"name": "Jaunais B", "number": "T-M2", "region_id": kurzeme, "date_founded": "1971-09-01"},
                {"name": "Jaunais C", "number": "T-M3", "region_id": latgale, "date_founded": "1971-05-01"},
                {"name": "Jaunais D", "number": "T-M4", "region_id": latgale, "date_founded": "1973-05-01"},
                {
                    "name": "Tiešsaistes T",
                    "number": "T-M5",
                    "region_id": cls.region_latgale.id,
                    "is_online": True,
                    "date_founded": "1971-01-10",
                    "date_closed": "1972-06-30",
                },
            ]
        )

    def test_registry_lists_members_measures(self):
        measures = self.Measure._mazpulki_measures()
        for code in ("members.count", "members.new_clubs", "members.regions_with_new_club", "members.new_leaders"):
            self.assertIn(code, measures)
            self.assertTrue(hasattr(self.Measure, measures[code]["compute"]), code)

    def test_unknown_measure_is_a_clear_error(self):
        with self.assertRaisesRegex(UserError, "No installed add-on provides the measure nothing.here"):
            self.Measure.mazpulki_measure_values("nothing.here", 1971, 1973)

    def test_new_clubs_per_year_and_region(self):
        # 1971: A, B, C and the online club; 1973: D.
        values = self.Measure.mazpulki_measure_values("members.new_clubs", 1970, 1973)
        self.assertEqual(values, {1970: 0, 1971: 4, 1972: 0, 1973: 1})
        kurzeme = self.Measure.mazpulki_measure_values("members.new_clubs", 1971, 1971, [self.region_kurzeme.id])
        self.assertEqual(kurzeme, {1971: 2})
        regions = self.Measure.mazpulki_measure_values("members.regions_with_new_club", 1971, 1973)
        self.assertEqual(regions, {1971: 2, 1972: 0, 1973: 1})

    def test_drill_down_counts_what_the_figure_counts(self):
        for code in ("members.new_clubs", "members.regions_with_new_club", "members.online_clubs"):
            figure = self.Measure.mazpulki_measure_values(code, 1971, 1971)[1971]
            model, domain = self.Measure.mazpulki_measure_records(code, 1971)
            self.assertEqual(self.env[model].search_count(domain), figure, code)

    def test_online_club_counted_while_open(self):
        values = self.Measure.mazpulki_measure_values("members.online_clubs", 1970, 1973)
        self.assertEqual(values, {1970: 0, 1971: 1, 1972: 1, 1973: 0})

    def test_members_and_new_leaders_of_this_year(self):
        year = self.year
        members = self.Measure.mazpulki_measure_values("members.count", year, year, [self.club_a.region_id.id])
        model, domain = self.Measure.mazpulki_measure_records("members.count", year, [self.club_a.region_id.id])
        self.assertEqual(members[year], self.env[model].search_count(domain))
        self.assertIn(self.member_a.id, self.env[model].search(domain).member_id.ids)
        # A leader who has led since 1974 is not new when a second club is added later.
        leader = self.env["res.partner"].create({"name": "Valdis Priede"})
        self.env["mazpulki.club.leader"].create(
            [
                {"club_id": self.club_a.id, "partner_id": leader.id, "date_start": "1974-02-01"},
                {"club_id": self.club_b.id, "partner_id": leader.id, "date_start": "1975-02-01"},
            ]
        )
        self.assertEqual(self.Measure.mazpulki_measure_values("members.new_leaders", 1974, 1975), {1974: 1, 1975: 0})
        model, domain = self.Measure.mazpulki_measure_records("members.new_leaders", 1974)
        self.assertEqual(self.env[model].search(domain).partner_id, leader)
