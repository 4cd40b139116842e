import io
import subprocess
import tempfile

import openpyxl

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import StrategyCommon


@tagged("post_install", "-at_install")
class TestBoardExport(StrategyCommon):
    def test_xlsx_read_back(self):
        target = self._create_target("T-X", {2001: 3}, source="entered", measure_code=False)
        self.env["mazpulki.strategy.entry"].create({"target_id": target.id, "year": 2001, "value": 2})
        content = (
            self.env["mazpulki.strategy.export"].with_user(self.user_board)._board_xlsx(2001, 2002, [self.area.id])
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Summary", "2001", "2002", "Funding sources"])
        summary = book["Summary"]
        self.assertEqual([cell.value for cell in summary[1]], ["Code", "Target", "Source", 2001, 2002])
        self.assertEqual([cell.value for cell in summary[2]][:4], ["T-X", "Test target T-X", "Entered", 2])
        year_sheet = book["2001"]
        row = [cell.value for cell in year_sheet[2]]
        self.assertEqual(row, ["T-X", "Test target T-X", 2, 3, 0.667, "Missed"])
        # % achieved is a share shown in Excel's percent format (67 %), never 66.7 shown as 6 670 %
        self.assertEqual(year_sheet["E2"].number_format, "0%")
        self.assertEqual(year_sheet["F2"].fill.fgColor.rgb, "FFF8D7DA")

    def test_statistics_xlsx(self):
        year = self.year
        self.member_a.mazpulki_gender = "female"
        content = self.env["mazpulki.strategy.export"].with_user(self.user_board)._statistics_xlsx(year)
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Members", "Clubs", "Figures"])
        clubs = {(row[0], row[1]): row[2] for row in book["Clubs"].iter_rows(min_row=2, values_only=True)}
        # the fixture's two members, 15 and 11 years old, one in each club
        self.assertEqual(clubs[(self.region_kurzeme.name, self.club_a.name)], 1)
        self.assertEqual(clubs[(self.region_latgale.name, self.club_b.name)], 1)
        members = {row[0]: row[1] for row in book["Members"].iter_rows(values_only=True) if row[0]}
        total = self.env["mazpulki.membership"].search_count([("year", "=", year)])
        self.assertEqual(members[f"Members in {year}"], total)
        # the age bands of mazpulki_members, as the desk's age groups
        bands = ("5–6 years", "7–12 years", "13–17 years", "18–25 years", "26 years and older")
        self.assertEqual(sum(members[band] for band in bands), total)
        self.assertGreaterEqual(members["13–17 years"], 1)  # the fixture's 15-year-old
        Membership = self.env["mazpulki.membership"]
        female = Membership.search_count([("year", "=", year), ("gender", "=", "female")])
        self.assertGreaterEqual(female, 1)
        self.assertEqual(members["Female"], female)
        genders = ("Female", "Male", "Other", "Not recorded")
        self.assertEqual(sum(members.get(gender, 0) for gender in genders), total)
        # figures by their names, with units in words: no registry codes, no "count"/"percent"
        rows = list(book["Figures"].iter_rows(min_row=2, values_only=True))
        measures = self.env["mazpulki.measure"]._mazpulki_measures()
        figures = {name: value for name, value, _unit in rows}
        self.assertEqual(figures[measures["members.count"]["name"]], total)
        self.assertIn(measures["funding.raised"]["name"], figures)
        self.assertFalse([row for row in rows if "." in row[0] and row[0] in measures])
        self.assertLessEqual({unit for __, __, unit in rows}, {"Count", "Hours", "€", "%"})


@tagged("post_install", "-at_install")
class TestBoardTour(HttpCase):
    def test_board_member_tour(self):
        # a board member who also leads a club: the drill-down opens with her own rights (her clubs only)
        new_test_user(
            self.env,
            login="board_tour",
            name="Aija Padome",
            groups="mazpulki_strategy.group_mazpulki_board,mazpulki_members.group_mazpulki_leader",
        )
        self.start_tour("/odoo", "mazpulki_strategy_board_tour", login="board_tour")


@tagged("post_install", "-at_install")
class TestBoardPdf(HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report's assets from the test server through the test's cursor."""

    def test_pdf_for_the_board_meeting(self):
        area = self.env["mazpulki.strategy.area"].create({"code": "9.8", "name": "Test area"})
        task = self.env["mazpulki.strategy.task"].create({"area_id": area.id, "name": "Test task"})
        target = self.env["mazpulki.strategy.target"].create(
            {
                "code": "T-Ā",
                "name": "Ziņojumi valdei šķūnī",
                "task_id": task.id,
                "source": "entered",
                "value_ids": [Command.create({"year": 2001, "value": 3})],
            }
        )
        self.env["mazpulki.strategy.entry"].create({"target_id": target.id, "year": 2001, "value": 2})
        user_board = new_test_user(self.env, login="board_pdf", groups="mazpulki_strategy.group_mazpulki_board")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user_board)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "mazpulki_strategy.action_report_board",
                [],
                data={"year_from": 2001, "year_to": 2002, "area_ids": [area.id]},
            )
        )
        self.assertEqual(kind, "pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True, text=True
            ).stdout
            fonts = subprocess.run(["pdffonts", file.name], capture_output=True, check=True, text=True).stdout
        # one page, in one font with every Latvian letter: the words read back whole from the PDF
        # (with Odoo's web font, only the Latvian letters could be read back, from their fallback font)
        self.assertEqual(text.count("\f"), 1)
        self.assertIn("Ziņojumi valdei šķūnī", " ".join(text.split()))
        self.assertIn("T-Ā", text)
        used = {line.split()[0] for line in fonts.splitlines()[2:]}
        self.assertLessEqual(used, {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"})
        html = (
            self.env["ir.actions.report"]
            .with_user(user_board)
            ._render_qweb_html("mazpulki_strategy.action_report_board", [], data={"year_from": 2001, "year_to": 2002})[
                0
            ]
            .decode()
        )
        self.assertIn("Ziņojumi valdei šķūnī", html)
        self.assertRegex(html, r"2\s*/\s*3")
