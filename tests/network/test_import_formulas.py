"""A formula cell is never imported: the row is reported as bad naming the cell, and nothing is
committed until the person pastes the value (files written by scripts carry no cached result, so
reading values alone used to import such a row with an empty field)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from protectnet.network.models import ImportBatch, Organisation, Person

from .test_import import _batch_id, _upload

PEOPLE_HEADER = ["Full name", "Email", "Job title", "Organisation", "Country"]


def _xlsx(rows, header=PEOPLE_HEADER, name="people.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)  # openpyxl stores formulas without a computed value, like many scripts
    return SimpleUploadedFile(name, out.getvalue())


def _start(client, upload, kind="people") -> int:
    return _batch_id(client.post("/network/import/", {"kind": kind, "file": upload}))


GOOD_ROW = ["Chan Sophea", "sophea@example.test", "Programme officer", "Cambodian Test NGO", "KH"]
FORMULA_ROW = ["Sok Dara", "dara@example.test", '=CONCAT("Case ","worker")', "Cambodian Test NGO"]


def test_a_formula_cell_makes_its_row_bad_and_names_the_cell(d, login):
    client = login(d.kh_focal)
    batch = _start(client, _xlsx([GOOD_ROW, [*FORMULA_ROW, "KH"]]))
    stored = ImportBatch.objects.get(pk=batch)
    assert stored.result["bad"] == 1 and stored.result["rows"] == 2
    body = client.get(f"/network/import/{batch}/").content.decode()
    assert "C3: formulas are not accepted; paste the value instead" in body
    assert "_formulas" not in body
    response = client.post(f"/network/import/{batch}/commit/", follow=True)
    assert "nothing was imported" in response.content.decode()
    assert not Person.objects.filter(email__in=["dara@example.test", "sophea@example.test"])


def test_a_row_of_formulas_only_is_not_skipped_as_blank(d, login):
    client = login(d.kh_focal)
    only_formulas = ["=A2", "=B2", "=C2", "=D2", "=E2"]
    batch = _start(client, _xlsx([GOOD_ROW, only_formulas]))
    assert ImportBatch.objects.get(pk=batch).result == {
        "rows": 2,
        "bad": 1,
        "creates": 1,
        "updates": 0,
    }
    body = client.get(f"/network/import/{batch}/").content.decode()
    for cell in ("A3", "B3", "C3", "D3", "E3"):
        assert f"{cell}: formulas are not accepted" in body


def test_pasting_the_value_fixes_the_row_and_the_import_commits(d, login):
    client = login(d.kh_focal)
    batch = _start(client, _xlsx([[*FORMULA_ROW, "KH"]]))
    form = client.get(f"/network/import/{batch}/rows/0/").content.decode()
    assert "C2: formulas are not accepted" in form
    # Typing a formula into the correction form is refused too.
    fixed = {
        "full_name": "Sok Dara",
        "email": "dara@example.test",
        "job_title": "=1+1",
        "organisation": "Cambodian Test NGO",
        "country": "KH",
    }
    response = client.post(f"/network/import/{batch}/rows/0/", fixed)
    assert "job_title: formulas are not accepted" in response.content.decode()
    fixed["job_title"] = "Case worker"
    assert client.post(f"/network/import/{batch}/rows/0/", fixed).status_code == 302
    assert client.post(f"/network/import/{batch}/commit/").status_code == 302
    assert Person.objects.get(email="dara@example.test").job_title == "Case worker"


def test_a_csv_cell_starting_with_equals_is_a_bad_row(d, login):
    client = login(d.kh_focal)
    text = (
        "full_name,email,job_title,organisation,country\n"
        'Sok Dara,dara@example.test,=HYPERLINK("http://example.test"),Cambodian Test NGO,KH\n'
        "Chan Sophea,sophea@example.test,+855 desk,Cambodian Test NGO,KH\n"
    )
    batch = _batch_id(_upload(client, text))
    assert ImportBatch.objects.get(pk=batch).result["bad"] == 1
    body = client.get(f"/network/import/{batch}/").content.decode()
    assert "C2: formulas are not accepted" in body
    assert "C3:" not in body  # "+855 desk" is text: kept, and quoted in every export


def test_organisation_imports_refuse_formulas_too(d, login):
    client = login(d.kh_focal)
    upload = _xlsx(
        [["Test Shelter", '=UPPER("ts")', "ngo", "KH"]],
        header=["Name", "Acronym", "Sector", "Country"],
        name="organisations.xlsx",
    )
    batch = _start(client, upload, kind="organisations")
    body = client.get(f"/network/import/{batch}/").content.decode()
    assert "B2: formulas are not accepted; paste the value instead" in body
    client.post(f"/network/import/{batch}/commit/")
    assert not Organisation.objects.filter(name="Test Shelter").exists()


def test_a_formula_with_a_computed_value_is_still_refused(d, login):
    """Excel saves the last result; it may be stale, so the person confirms the value."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(PEOPLE_HEADER)
    sheet.append([*FORMULA_ROW, "KH"])
    out = io.BytesIO()
    workbook.save(out)
    data = _with_cached_value(out.getvalue(), "C2", "Case worker")
    client = login(d.kh_focal)
    batch = _start(client, SimpleUploadedFile("people.xlsx", data))
    assert ImportBatch.objects.get(pk=batch).result["bad"] == 1
    assert ImportBatch.objects.get(pk=batch).rows[0]["job_title"] == "Case worker"


def _with_cached_value(data: bytes, cell: str, value: str) -> bytes:
    """Add the <v> result Excel would have written next to the formula of one cell."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                start = text.index(f'<c r="{cell}"')
                end = text.index("</c>", start)
                cell_xml = text[start:end].replace(f'<c r="{cell}"', f'<c r="{cell}" t="str"', 1)
                cell_xml = cell_xml.replace("<v></v>", f"<v>{value}</v>")
                text = text[:start] + cell_xml + text[end:]
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()
