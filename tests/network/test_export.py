"""Export of the directory: only what the user may see, and safe to open in a spreadsheet."""

import csv
import io

from openpyxl import load_workbook

from tests.network.conftest import person_in


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_formula_cells_are_neutralised_in_csv_and_xlsx(d, login):
    person_in(d.kh_ngo, '=HYPERLINK("http://evil.example","click")', job_title="+SUM(A1)")
    person_in(d.kh_ngo, "@cmd", job_title="-2+3", expertise=["=1+1"])
    client = login(d.kh_member)
    text = client.get("/network/export.csv").content.decode("utf-8-sig")
    for line in _rows(client.get("/network/export.csv"))[1:]:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert "'=HYPERLINK" in text and "'+SUM(A1)" in text and "'@cmd" in text
    sheet = load_workbook(io.BytesIO(client.get("/network/export.xlsx").content)).active
    values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert values and not any(v.startswith(("=", "+", "-", "@")) for v in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_export_shows_contacts_only_where_the_person_consented(d, login):
    rows = _rows(login(d.kh_member).get("/network/export.csv"))
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Sok Sreymom"][8] == "sreymom@example.test"
    assert by_name["Chea Vanna"][8] == "" and by_name["Chea Vanna"][9] == ""


def test_export_follows_the_search_filters(d, login):
    rows = _rows(login(d.kh_member).get("/network/export.csv?country=TH"))
    names = {r[0] for r in rows[1:]}
    assert "Somchai Wongsakul" in names and "Sok Sreymom" not in names


def test_export_leaves_out_erased_entries_and_is_audited(d, login):
    from protectnet.access.models import AuditEntry
    from protectnet.network import services

    services.person_erase(actor=d.admin, person=d.private)
    rows = _rows(login(d.admin).get("/network/export.csv"))
    assert all(r[0] for r in rows[1:])
    assert AuditEntry.objects.filter(action="network.directory.exported").exists()


def test_unknown_export_format_is_not_found(d, login):
    assert login(d.kh_member).get("/network/export.exe").status_code == 404


def test_guests_cannot_export(d, login):
    assert login(d.guest).get("/network/export.csv").status_code == 403
