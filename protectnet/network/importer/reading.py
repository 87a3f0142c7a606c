"""Reading an uploaded CSV or XLSX file into rows of text, keyed by normalised column names.

A formula is never imported: Excel keeps a formula's last result only if it computed one (files
written by scripts often have none), so reading values alone would turn such a cell into "" and
import the row without it. The workbook is read twice, values and formulas, and every formula
cell (and every CSV cell starting with "=") is noted under FORMULAS with its cell name ("C5"), so
the checks report it and nothing is committed until the person pastes the value.
"""

import csv
import io
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"
FORMULAS = "_formulas"  # row key: {column: cell name} of the cells that held a formula


class Formula:
    """A formula cell, with the result Excel last computed for it (None when there is none)."""

    def __init__(self, cached):
        self.cached = cached


def column_key(header) -> str:
    return "_".join(str(header or "").strip().lower().replace("-", " ").split())


def read_rows(upload, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Every data row as {column: text}; unknown columns are ignored, blank rows skipped.

    Raises ValidationError with a reason a person can act on (size, format, missing columns).
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB: split it into several files."))
    data = upload.read()
    name = (getattr(upload, "name", "") or "").lower()
    if data.startswith(XLSX_MAGIC) or name.endswith(".xlsx"):
        table = _xlsx_table(data)
    elif name.endswith((".csv", ".txt")) or not name:
        table = _csv_table(data)
    else:
        raise ValidationError(_("Upload a CSV (.csv) or Excel (.xlsx) file."))
    if not table:
        raise ValidationError(_("The file is empty."))
    header = [column_key(h.cached if isinstance(h, Formula) else h) for h in table[0]]
    if columns[0] not in header:
        raise ValidationError(
            _("The first row must name the columns; %(column)s is missing.")
            % {"column": columns[0]}
        )
    rows = []
    for number, raw in enumerate(table[1:], start=2):
        row = _row(header, columns, raw, number)
        if row is None:
            continue
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(n)s rows: split it.") % {"n": f"{MAX_ROWS:,}"}
            )
    if not rows:
        raise ValidationError(_("The file has no data rows under its header."))
    return rows


def _row(header: list[str], columns: tuple[str, ...], raw, number: int) -> dict | None:
    """One data row ({column: text}, plus FORMULAS when any), or None for a blank row."""
    row = {key: "" for key in columns}
    formulas = {}
    for position, (key, value) in enumerate(zip(header, raw, strict=False), start=1):
        if key not in row:
            continue
        if isinstance(value, Formula):
            formulas[key], value = f"{get_column_letter(position)}{number}", value.cached
        elif isinstance(value, str) and value.lstrip().startswith("="):
            formulas[key] = f"{get_column_letter(position)}{number}"
        row[key] = _text(value)
    if formulas:
        row[FORMULAS] = formulas
    elif not any(row.values()):
        return None
    return row


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _csv_table(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("Save the CSV file as UTF-8 and upload it again.")) from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_table(data: bytes) -> list[list]:
    values = _xlsx_cells(data, data_only=True)
    formulas = _xlsx_cells(data, data_only=False)
    return [
        [
            Formula(value) if getattr(cell, "data_type", None) == "f" else value
            for value, cell in zip([c.value for c in value_row], formula_row, strict=False)
        ]
        for value_row, formula_row in zip(values, formulas, strict=False)
    ]


def _xlsx_cells(data: bytes, *, data_only: bool) -> list[tuple]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_("This Excel file cannot be read; save it again as .xlsx.")) from exc
    try:
        return list(workbook.worksheets[0].iter_rows())
    finally:
        workbook.close()
