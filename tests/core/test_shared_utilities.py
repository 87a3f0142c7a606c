"""The shared export, chart and PDF helpers every app relies on."""

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from protectnet.core import charts, exports
from protectnet.core.pdf import pdf_response, render_pdf


@pytest.mark.parametrize("payload", ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_formula_cells_are_neutralised(payload):
    assert exports.safe_cell(payload) == "'" + payload


def test_numbers_and_plain_text_pass_unchanged():
    assert exports.safe_cell(-5) == -5
    assert exports.safe_cell("Phnom Penh") == "Phnom Penh"
    assert exports.safe_cell(None) == ""


def test_csv_export_is_an_attachment_with_neutralised_cells():
    response = exports.csv_response("people.csv", ["name"], [["=cmd|' /C calc'!A0"], ["សុខ"]])
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["name"], ["'=cmd|' /C calc'!A0"], ["សុខ"]]


def test_xlsx_export_holds_the_rows_and_neutralises_formulas():
    response = exports.xlsx_response("people.xlsx", ["name", "count"], [["+danger", 3]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == ["'+danger", 3]


def test_charts_escape_labels_and_describe_every_value():
    svg = charts.bar_chart("Participants <b>", [("<script>x</script>", 4), ("Lao PDR", 2)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "Lao PDR: 2" in svg
    assert 'role="img"' in svg


def test_pdf_response_is_a_pdf_attachment():
    data = render_pdf("pdf/base.html", {})
    assert data.startswith(b"%PDF")
    response = pdf_response(data, "report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert PdfReader(io.BytesIO(response.content)).pages
