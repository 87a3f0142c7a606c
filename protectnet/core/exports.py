"""Downloads every app shares: CSV, XLSX and iCalendar responses.

Spreadsheet programs execute a cell that starts with = + - @ (or a tab/CR that hides one), so every
text cell is neutralised with a leading apostrophe (the OWASP "CSV injection" advice). The
full-width forms count too (some input methods type them and spreadsheets read them as formulas),
and so do leading spaces before a trigger (" =1+1").
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.http import HttpResponse
from django.utils.text import get_valid_filename
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def iso(value) -> str | None:
    """A date or time for a JSON export: ISO 8601, or None when unset."""
    return value.isoformat() if value else None


def safe_cell(value):
    """A value safe to put in a spreadsheet cell: numbers and dates pass, risky text is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | date | datetime):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS) or text.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{get_valid_filename(filename)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_value(safe_cell(v)) for v in row])
    # A byte-order mark lets spreadsheet programs open Khmer, Thai and Vietnamese text as UTF-8.
    data = "\ufeff" + buffer.getvalue()
    return _attachment(HttpResponse(data, content_type="text/csv; charset=utf-8"), filename)


def _csv_value(value):
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def xlsx_bytes(
    header: Sequence[str], rows: Iterable[Sequence], *, sheet_title: str = "Data"
) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    widths = [len(str(h)) for h in header]
    sheet.append([safe_cell(h) for h in header])
    for row in rows:
        cells = [_xlsx_value(safe_cell(v)) for v in row]
        for i, cell in enumerate(cells[: len(widths)]):
            widths[i] = min(60, max(widths[i], len(str(cell))))
        sheet.append(cells)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_value(value):
    # Excel cannot store time-zone-aware datetimes.
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def xlsx_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence], *, sheet_title: str = "Data"
) -> HttpResponse:
    data = xlsx_bytes(header, rows, sheet_title=sheet_title)
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _attachment(HttpResponse(data, content_type=content_type), filename)


def ics_response(calendar_bytes: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    return _attachment(response, filename)
