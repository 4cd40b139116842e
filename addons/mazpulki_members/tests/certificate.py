"""Checks every certificate of the suite passes (used by the projects', the
volunteers' and the events' certificate tests): A4 landscape, one page a
certificate, the layout's styles applied (the green frame painted on every
page, which only certificate_report.scss paints), the text read back."""

import io
import re
import subprocess
import tempfile

from odoo.tools.pdf import PdfFileReader

# #2e7d32, the frame's and the title's green, as wkhtmltopdf writes a fill colour
GREEN = re.compile(rb"0\.18\d* 0\.49\d* 0\.19\d* (rg|sc|scn)")


def pdf_text(pdf):
    """The PDF's text as poppler's pdftotext reads it (UTF-8, layout kept)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", file.name, "-"], capture_output=True, check=True
        ).stdout.decode()


def assert_certificate_pdf(case, pdf, pages):
    """Assert ``pdf`` (bytes) holds ``pages`` certificates in the suite's layout; return its text."""
    reader = PdfFileReader(io.BytesIO(pdf))
    case.assertEqual(len(reader.pages), pages, "one page a certificate")
    for page in reader.pages:
        box = page.mediabox
        case.assertAlmostEqual(float(box.width), 842, delta=3, msg="A4 landscape: 297 mm wide")
        case.assertAlmostEqual(float(box.height), 595, delta=3, msg="A4 landscape: 210 mm high")
        case.assertRegex(page.get_contents().get_data(), GREEN, "the certificate layout's styles are applied")
    text = pdf_text(pdf)
    sheets = text.rstrip("\f").split("\f")
    case.assertEqual(len(sheets), pages)
    for sheet in sheets:
        case.assertIn("LATVIJAS MAZPULKI", sheet, "the organisation's name heads every page")
    return text
