from datetime import date

from odoo.tests import tagged

from .common import ProjectsCommon

# Years far from any demo data: the figures below are computed by hand.
Y1, Y2 = 2091, 2092


@tagged("post_install", "-at_install")
class TestMeasure(ProjectsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Measure = cls.env["mazpulki.measure"]
        teammate = cls._create_member("Anna Kalēja", cls.club_a, years=14)
        cls.teammate = teammate
        p = cls._create_project
        # Y1: two member projects completed (one a team of two), one local initiative, one abandoned.
        cls.done_1 = p("completed", date_submitted=date(Y1, 3, 1), date_report_submitted=date(Y1, 9, 1),
                       date_completed=date(Y1, 10, 1), member_ids=[(6, 0, (cls.member_a | teammate).ids)])  # fmt: skip
        cls.done_2 = p("completed", member=cls.member_b, date_submitted=date(Y1, 3, 2),
                       date_report_submitted=date(Y1, 9, 2), date_completed=date(Y1, 10, 2))  # fmt: skip
        cls.local_1 = p("completed", kind="local_initiative", theme_id=False, date_submitted=date(Y1, 4, 1),
                        date_report_submitted=date(Y1, 8, 1), date_completed=date(Y1, 11, 1))  # fmt: skip
        p("abandoned", date_submitted=date(Y1, 4, 2))
        # Y2: one completed (submitted in Y1), one report submitted, one local initiative.
        cls.done_3 = p("completed", date_submitted=date(Y1, 12, 1), date_report_submitted=date(Y2, 2, 1),
                       date_completed=date(Y2, 3, 1))  # fmt: skip
        p("report_submitted", date_submitted=date(Y2, 2, 1), date_report_submitted=date(Y2, 9, 1))
        p("completed", kind="local_initiative", member=cls.member_b, theme_id=False, date_submitted=date(Y2, 1, 5),
          date_report_submitted=date(Y2, 5, 1), date_completed=date(Y2, 6, 1))  # fmt: skip
        cls.theme.copy({"year": Y1, "name": "T1", "is_published": True})
        cls.theme.copy({"year": Y1, "name": "T2", "is_published": True})
        cls.theme.copy({"year": Y2, "name": "T3", "is_published": True})
        cls.theme.copy({"year": Y2, "name": "T4 (not published)", "is_published": False})

    def assertMeasure(self, code, expected, region_ids=None):
        values = self.Measure.mazpulki_measure_values(code, Y1, Y2, region_ids=region_ids)
        self.assertEqual(values, expected, code)
        for year, value in expected.items():
            model, domain = self.Measure.mazpulki_measure_records(code, year, region_ids=region_ids)
            self.assertEqual(self.env[model].search_count(domain), value, f"{code} {year} drill-down")

    def test_measures(self):
        self.assertMeasure("projects.completed", {Y1: 2, Y2: 1})
        self.assertMeasure("projects.local_initiatives", {Y1: 1, Y2: 1})
        self.assertMeasure("projects.applications_submitted", {Y1: 5, Y2: 2})
        self.assertMeasure("projects.reports_submitted", {Y1: 3, Y2: 3})
        self.assertMeasure("projects.themes", {Y1: 2, Y2: 1})

    def test_measures_by_region(self):
        latgale = [self.region_latgale.id]
        self.assertMeasure("projects.completed", {Y1: 1, Y2: 0}, region_ids=latgale)
        self.assertMeasure("projects.local_initiatives", {Y1: 0, Y2: 1}, region_ids=latgale)
        self.assertMeasure("projects.applications_submitted", {Y1: 1, Y2: 1}, region_ids=latgale)

    def test_person_counts(self):
        partners = (self.member_a | self.member_b | self.teammate).ids
        counts = self.Measure._mazpulki_person_counts("projects.completed", Y1, partners)
        self.assertEqual(counts, {self.member_a.id: 1, self.member_b.id: 1, self.teammate.id: 1})
        self.assertEqual(
            self.Measure._mazpulki_person_counts("projects.completed", Y2, [self.member_a.id]), {self.member_a.id: 1}
        )
        # A key no installed add-on answers for is None, not an empty answer.
        self.assertIsNone(self.Measure._mazpulki_person_counts("nobody.knows", Y1, partners))

    def test_one_query_per_figure(self):
        self.env.flush_all()
        with self.assertQueryCount(1):
            self.Measure._measure_projects_completed(Y1 - 5, Y2 + 5)
