import io

import openpyxl

from odoo.tests import tagged

from .common import ProjectsCommon

YEAR = 2091


@tagged("post_install", "-at_install")
class TestExport(ProjectsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.theme.year = YEAR
        cls.theme_2 = cls.theme.copy({"name": "Testa tēma: Mana bite", "year": YEAR})
        cls._create_project("completed", year=YEAR, budget_line_ids=[(0, 0, {"name": "Sēklas", "unit_price": 12.5})])
        cls._create_project("in_progress", year=YEAR, name="Otrais dārzs", report_hours=7)
        cls._create_project("submitted", member=cls.member_b, year=YEAR, theme_id=cls.theme_2.id, name="Bites")
        cls._create_project("draft", year=YEAR - 1, name="Pagājušā gada projekts")

    def _workbook(self, user):
        data = self.env["mazpulki.project.export"].with_user(user)._mazpulki_xlsx(YEAR)
        return openpyxl.load_workbook(io.BytesIO(data))

    def test_sheets_rows_and_totals(self):
        book = self._workbook(self.user_officer)
        self.assertEqual(book.sheetnames, ["Projects", "By Theme", "By Region"])
        rows = list(book["Projects"].values)
        self.assertEqual(rows[0][:3], ("Title", "Kind", "Theme"))
        self.assertEqual(
            sorted(r[0] for r in rows[1:]), sorted(["Bites", "Garšaugu dārzs (Madara Liepiņa)", "Otrais dārzs"])
        )
        by_title = {r[0]: r for r in rows[1:]}
        self.assertEqual(by_title["Bites"][4], "Latgale")
        self.assertEqual(by_title["Bites"][6], "Submitted")
        self.assertEqual(by_title["Garšaugu dārzs (Madara Liepiņa)"][10], 12.5)

        themes = {r[0]: r for r in list(book["By Theme"].values)[1:]}
        self.assertEqual(themes["Testa tēma: Mans dārzs"][1:4], (2, 1, 2))
        self.assertEqual(themes["Testa tēma: Mana bite"][1:3], (1, 0))
        self.assertEqual(themes["Total"][1:6], (3, 1, 3, 12.5, 7))

        regions = {r[0]: r for r in list(book["By Region"].values)[1:]}
        self.assertEqual(regions["Kurzeme"][1:3], (2, 1))
        self.assertEqual(regions["Latgale"][1:3], (1, 0))
        self.assertEqual(regions["Total"][1], 3)

    def test_leader_exports_only_own_clubs(self):
        book = self._workbook(self.user_leader_b)
        self.assertEqual([r[0] for r in list(book["Projects"].values)[1:]], ["Bites"])
        self.assertEqual(list(book["By Region"].values)[-1][:2], ("Total", 1))

    def test_wizard_gives_a_download(self):
        wizard = self.env["mazpulki.project.export"].with_user(self.user_officer).create({"year": YEAR})
        action = wizard.action_export()
        self.assertEqual(wizard.file_name, f"mazpulki-projects-{YEAR}.xlsx")
        # the file downloads and the dialog closes (the client action of mazpulki_members)
        self.assertEqual(action["tag"], "mazpulki_download")
        self.assertIn("download=true", action["params"]["url"])
