"""Reading an uploaded CSV or XLSX file into rows of text, keyed by normalised column names."""

import csv
import io
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"


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
    header = [column_key(h) for h in table[0]]
    if columns[0] not in header:
        raise ValidationError(
            _("The first row must name the columns; %(column)s is missing.")
            % {"column": columns[0]}
        )
    rows = []
    for raw in table[1:]:
        cells = [_text(v) for v in raw]
        if not any(cells):
            continue
        row = {key: "" for key in columns}
        for key, value in zip(header, cells, strict=False):
            if key in row:
                row[key] = value
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(n)s rows: split it.") % {"n": f"{MAX_ROWS:,}"}
            )
    if not rows:
        raise ValidationError(_("The file has no data rows under its header."))
    return rows


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
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_("This Excel file cannot be read; save it again as .xlsx.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
