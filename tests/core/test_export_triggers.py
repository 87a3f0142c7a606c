"""Every CSV/XLSX export quotes text a spreadsheet would run as a formula, in all its disguises."""

import csv
import io

import pytest
from openpyxl import load_workbook

from protectnet.core import exports

DISGUISED = ['\uff1dHYPERLINK("x")', "\uff0b1", "\uff0d1+1", "\uff20SUM(A1)", " =1+1", "\n=1"]


@pytest.mark.parametrize("payload", DISGUISED)
def test_full_width_and_space_prefixed_triggers_are_quoted(payload):
    assert exports.safe_cell(payload) == "'" + payload


def test_csv_and_xlsx_exports_quote_the_disguised_triggers():
    rows = [[p] for p in DISGUISED]
    response = exports.csv_response("x.csv", ["value"], rows)
    cells = [r[0] for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))][1:]
    assert cells == ["'" + p for p in DISGUISED]
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(["value"], rows))).active
    values = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert values == ["'" + p for p in DISGUISED]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_ordinary_text_and_numbers_are_left_alone():
    assert exports.safe_cell("Sok Dara") == "Sok Dara"
    assert exports.safe_cell("  indented") == "  indented"
    assert exports.safe_cell(-3) == -3
