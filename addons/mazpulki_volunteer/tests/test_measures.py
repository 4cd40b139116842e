import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestVolunteerMeasures(MazpulkiVolunteerCommon):
    """Hours of 2001 and 2002, far from any demo data, with hand-computed figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Measure = cls.env["mazpulki.measure"]
        cls.env["ir.config_parameter"].set_param("mazpulki_volunteer.hourly_rate", "6.5")
        cls.plan_funding = cls.env["account.analytic.plan"].create({"name": "Testa finansējuma avoti"})
        cls.account_esf, cls.account_lad = cls.env["account.analytic.account"].create(
            [
                {"name": "ESF projekts", "plan_id": cls.plan_funding.id},
                {"name": "LAD atbalsts", "plan_id": cls.plan_funding.id},
            ]
        )
        cls.env["ir.config_parameter"].set_param("mazpulki_volunteer.funding_plan_id", cls.plan_funding.id)
        approved = {"volunteer_state": "approved"}
        cls.line_madara_2001 = cls._line(
            cls.volunteer_madara, 10, date(2001, 3, 1), mazpulki_funding_account_id=cls.account_esf.id, **approved
        )
        cls._line(cls.volunteer_peteris, 5, date(2001, 6, 1), **approved)
        cls._line(cls.volunteer_roberts, 3, date(2001, 6, 1))  # awaiting approval: not counted
        cls._line(cls.volunteer_roberts, 2, date(2001, 7, 1), volunteer_state="rejected")  # not counted
        cls._line(
            cls.volunteer_madara, 20, date(2002, 5, 1), mazpulki_funding_account_id=cls.account_lad.id, **approved
        )
        cls._line(cls.volunteer_roberts, 7, date(2002, 5, 2), **approved)
        award_type_izaugusi = cls.env.ref("mazpulki_volunteer.award_type_izaugusi")
        award_type_prize = cls.env.ref("mazpulki_volunteer.award_type_prize")
        cls.env["mazpulki.volunteer.award"].create(
            [
                {"volunteer_id": cls.volunteer_madara.id, "award_type_id": award_type_izaugusi.id, "year": 2001},
                {"volunteer_id": cls.volunteer_roberts.id, "award_type_id": award_type_izaugusi.id, "year": 2001},
                {"volunteer_id": cls.volunteer_peteris.id, "award_type_id": award_type_prize.id, "year": 2001},
                {"volunteer_id": cls.volunteer_roberts.id, "award_type_id": award_type_prize.id, "year": 2002},
            ]
        )

    def _values(self, code, region_ids=None):
        return self.Measure.mazpulki_measure_values(code, 2001, 2003, region_ids=region_ids)

    def _check_records(self, code, year, expected):
        model, domain = self.Measure.mazpulki_measure_records(code, year)
        self.assertEqual(self.env[model].search_count(domain), expected)

    def test_active_volunteers(self):
        self.assertEqual(self._values("volunteer.active"), {2001: 2, 2002: 2, 2003: 0})
        self.assertEqual(self._values("volunteer.active", self.region_latgale.ids), {2001: 0, 2002: 1, 2003: 0})
        self._check_records("volunteer.active", 2001, 2)

    def test_new_active_volunteers(self):
        self.assertEqual(self.volunteer_roberts.date_first_approved, date(2002, 5, 2))
        self.assertEqual(self._values("volunteer.new_active"), {2001: 2, 2002: 1, 2003: 0})
        self._check_records("volunteer.new_active", 2002, 1)

    def test_hours_and_inkind_value(self):
        self.assertEqual(self._values("volunteer.hours"), {2001: 15, 2002: 27, 2003: 0})
        self.assertEqual(self._values("volunteer.hours", self.region_latgale.ids), {2001: 0, 2002: 7, 2003: 0})
        self.assertEqual(self._values("volunteer.inkind_value"), {2001: 97.5, 2002: 175.5, 2003: 0})
        self._check_records("volunteer.hours", 2001, 2)

    def test_inkind_value_by_funding_source(self):
        self.assertEqual(self.line_madara_2001.mazpulki_funding_account_id, self.account_esf)
        no_source = self.env["account.analytic.account"]
        self.assertEqual(
            self.Measure._volunteer_inkind_by_funding_source(2001, 2002),
            {2001: {self.account_esf: 65.0, no_source: 32.5}, 2002: {self.account_lad: 130.0, no_source: 45.5}},
        )

    def test_awards(self):
        self.assertEqual(self._values("volunteer.awards_izaugusi"), {2001: 2, 2002: 0, 2003: 0})
        self.assertEqual(self._values("volunteer.awards_prize"), {2001: 1, 2002: 1, 2003: 0})
        self._check_records("volunteer.awards_izaugusi", 2001, 2)

    def test_xlsx_export_of_the_year(self):
        wizard = self.env["mazpulki.volunteer.export"].with_user(self.user_coordinator_riga).create({"year": 2001})
        action = wizard.action_export()
        self.assertEqual(action["tag"], "mazpulki_download")
        self.assertIn("/file_data/", action["params"]["url"])
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        rows = list(workbook["2001"].iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Volunteer")
        # Riga's coordinator sees her team: Madara 10 h in March, Pēteris 5 h in June (Roberts is another team's).
        by_name = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_name), {"Madara Liepiņa", "Pēteris Kalns"})
        self.assertEqual(by_name["Madara Liepiņa"][2 + 2], 10)
        self.assertEqual(by_name["Pēteris Kalns"][2 + 5], 5)
        self.assertEqual(by_name["Pēteris Kalns"][-1], 5)
