"""Import: every bad row is listed with its reason, nothing is half-imported, re-import updates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from protectnet.network import importer
from protectnet.network.importer.commit import BATCH
from protectnet.network.models import ImportBatch, Membership, Organisation, Person

HEADER = "full_name,email,phone,organisation,country,languages,expertise,consent_directory\n"
GOOD = 'Sok Dara,dara@example.test,+855 12 222 333,Cambodian Test NGO,KH,"km, en",training,yes\n'


def _csv(text: str, name: str = "people.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _upload(client, text: str, kind: str = "people"):
    return client.post("/network/import/", {"kind": kind, "file": _csv(text)})


def _batch_id(response) -> int:
    assert response.status_code == 302, response.content[:500]
    return int(response["Location"].rstrip("/").split("/")[-1])


BAD_ROWS = (
    HEADER
    + GOOD
    + "Unknown Country Person,u@example.test,,Cambodian Test NGO,XX,,,\n"
    + "Duplicate Email,DARA@example.test,,Cambodian Test NGO,KH,,,\n"
    + "Bad Phone,phone@example.test,12345,Cambodian Test NGO,KH,,,\n"
    + ",noname@example.test,,Cambodian Test NGO,KH,,,\n"
    + "Unknown Organisation,org@example.test,,Nowhere Foundation,KH,,,\n"
)


def test_preview_lists_every_bad_row_with_its_reason_and_commits_nothing(d, login):
    client = login(d.kh_focal)
    people_before = Person.objects.count()
    batch = _batch_id(_upload(client, BAD_ROWS))
    body = client.get(f"/network/import/{batch}/").content.decode()
    for reason in [
        "unknown country: XX",
        "duplicate email: dara@example.test is also on line 2",
        "bad phone 12345",
        "missing name",
        "unknown organisation: Nowhere Foundation",
    ]:
        assert reason in body, reason
    assert "5 rows with problems" in body
    response = client.post(f"/network/import/{batch}/commit/", follow=True)
    assert "nothing was imported" in response.content.decode()
    assert Person.objects.count() == people_before
    assert not Person.objects.filter(email="dara@example.test").exists()


def test_a_focal_point_fixes_bad_rows_then_commits_everything(d, login):
    client = login(d.kh_focal)
    text = HEADER + GOOD + "Bad Phone,phone@example.test,12345,Cambodian Test NGO,KH,,,\n"
    batch = _batch_id(_upload(client, text))
    form = client.get(f"/network/import/{batch}/rows/1/")
    assert "bad phone" in form.content.decode()
    fixed = {
        "full_name": "Bad Phone Fixed",
        "email": "phone@example.test",
        "phone": "+855 12 444 555",
        "organisation": "Cambodian Test NGO",
        "country": "KH",
    }
    assert client.post(f"/network/import/{batch}/rows/1/", fixed).status_code == 302
    assert client.post(f"/network/import/{batch}/commit/").status_code == 302
    person = Person.objects.get(email="phone@example.test")
    assert person.full_name == "Bad Phone Fixed"
    assert person.phone == "+85512444555"
    assert Membership.objects.filter(person=person, organisation=d.kh_ngo).exists()
    dara = Person.objects.get(email="dara@example.test")
    assert dara.languages == ["km", "en"] and dara.consent_directory
    assert dara.consent_directory_at is not None


def test_a_row_still_wrong_after_editing_keeps_its_reason(d, login):
    client = login(d.kh_focal)
    batch = _batch_id(_upload(client, HEADER + ",x@example.test,,Cambodian Test NGO,KH,,,\n"))
    response = client.post(
        f"/network/import/{batch}/rows/0/",
        {"full_name": "", "organisation": "Cambodian Test NGO", "country": "KH"},
    )
    assert response.status_code == 200
    assert "missing name" in response.content.decode()


def test_reimporting_the_same_file_updates_instead_of_duplicating(d, login):
    client = login(d.kh_focal)
    no_email = "Meas Sothea,,,Cambodian Test NGO,KH,,,no\n"
    _commit(client, HEADER + GOOD + no_email)
    people, memberships = Person.objects.count(), Membership.objects.count()
    changed = GOOD.replace("training", "online investigations")
    _commit(client, HEADER + changed + no_email)
    assert Person.objects.count() == people
    assert Membership.objects.count() == memberships
    assert Person.objects.get(email="dara@example.test").expertise == ["online investigations"]
    batch = ImportBatch.objects.latest("created_at")
    assert batch.result["committed"] == {
        "created": 0,
        "updated": 2,
        "changed": 1,
        "memberships_added": 0,
    }


def _commit(client, text):
    batch = _batch_id(_upload(client, text))
    response = client.post(f"/network/import/{batch}/commit/")
    assert response.status_code == 302
    assert ImportBatch.objects.get(pk=batch).status == "committed"
    return batch


def test_a_committed_batch_cannot_be_committed_again(d, login):
    client = login(d.kh_focal)
    batch = _commit(client, HEADER + GOOD)
    response = client.post(f"/network/import/{batch}/commit/", follow=True)
    assert "already imported" in response.content.decode()


def test_xlsx_files_import_like_csv(d, login):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Full name", "Email", "Organisation", "Country", "Phone"])
    sheet.append(
        ["Chan Sophea", "sophea@example.test", "Cambodian Test NGO", "Cambodia", 85512333444]
    )
    out = io.BytesIO()
    workbook.save(out)
    upload = SimpleUploadedFile("people.xlsx", out.getvalue())
    client = login(d.kh_focal)
    batch = _batch_id(client.post("/network/import/", {"kind": "people", "file": upload}))
    client.post(f"/network/import/{batch}/commit/")
    assert Person.objects.get(email="sophea@example.test").phone == "+85512333444"


def test_a_focal_point_cannot_import_people_of_another_country(d, login):
    client = login(d.kh_focal)
    text = HEADER + "Somsak Thai,somsak@example.test,,Thai Test Ministry,TH,,,\n"
    batch = _batch_id(_upload(client, text))
    assert "not your country" in client.get(f"/network/import/{batch}/").content.decode()


def test_a_focal_point_cannot_overwrite_a_foreign_person_by_email(d, login):
    client = login(d.kh_focal)
    text = HEADER + "Hijack,somchai@example.test,,Cambodian Test NGO,KH,,,\n"
    batch = _batch_id(_upload(client, text))
    assert "another country" in client.get(f"/network/import/{batch}/").content.decode()
    client.post(f"/network/import/{batch}/commit/")
    d.thai.refresh_from_db()
    assert d.thai.full_name == "Somchai Wongsakul"


def test_organisations_import_with_a_parent_named_in_the_same_file(d, login):
    text = (
        "name,acronym,sector,country,parent,website\n"
        "Cambodian Test Police Cyber Unit,CTPCU,law_enforcement,KH,Cambodian Test Police,\n"
        "Kids Club,KC,Children's charity,KH,,https://kids.example.org\n"
        "Kids Club Siem Reap,,ngo,KH,Kids Club,\n"
    )
    client = login(d.kh_focal)
    batch = _batch_id(_upload(client, text, kind="organisations"))
    client.post(f"/network/import/{batch}/commit/")
    branch = Organisation.objects.get(name="Kids Club Siem Reap")
    assert branch.parent.name == "Kids Club"
    assert Organisation.objects.get(acronym="CTPCU").parent == d.kh_police
    assert Organisation.objects.get(name="Kids Club").sector == "charity"


def test_bad_organisation_rows_are_listed(d, login):
    text = (
        "name,sector,country,parent,website\n"
        ",ngo,KH,,\n"
        "Odd,spaceship,KH,,\n"
        "Orphan,ngo,KH,Missing Parent,\n"
        "Link,ngo,KH,,javascript:alert(1)\n"
        "Odd2,ngo,ZZ,,\n"
    )
    client = login(d.admin)
    batch = _batch_id(_upload(client, text, kind="organisations"))
    body = client.get(f"/network/import/{batch}/").content.decode()
    for reason in [
        "missing name",
        "unknown sector",
        "unknown organisation (parent)",
        "not a web address",
        "unknown country",
    ]:
        assert reason in body, reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("people.pdf", b"%PDF-1.4", "CSV"),
        ("people.csv", b"", "empty"),
        ("people.csv", b"name;email\nx;y\n", "full_name is missing"),
        ("people.csv", b"full_name\n" + b"\xff\xfe", "UTF-8"),
        ("people.csv", b"full_name,email\n", "no data rows"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(d, login, name, content, reason):
    response = login(d.kh_focal).post(
        "/network/import/", {"kind": "people", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_another_users_import_is_not_found(d, login):
    batch = _batch_id(_upload(login(d.kh_focal), HEADER + GOOD))
    assert login(d.th_focal).get(f"/network/import/{batch}/").status_code == 404
    assert login(d.admin).post(f"/network/import/{batch}/commit/").status_code == 404
    assert not Person.objects.filter(email="dara@example.test").exists()


def test_the_template_lists_the_columns(d, login):
    response = login(d.kh_focal).get("/network/import/template-people.csv")
    assert response.content.decode("utf-8-sig").startswith("full_name,preferred_name,email")


def _bulk_rows(first: int, count: int) -> list[dict]:
    return [
        {
            "full_name": f"Bulk Person {n}",
            "email": f"bulk{n}@example.test",
            "phone": f"+85512{n:06d}",
            "organisation": "Cambodian Test NGO" if n % 2 else "Cambodian Test Police",
            "country": "KH",
            "languages": "km, en",
            "expertise": "child protection",
            "consent_directory": "yes",
        }
        for n in range(first, first + count)
    ]


def _import_queries(d, rows: list[dict]) -> int:
    batch = ImportBatch.objects.create(created_by=d.kh_focal, kind="people", rows=rows)
    with CaptureQueriesContext(connection) as queries:
        preview = importer.import_check(actor=d.kh_focal, batch=batch)
        assert preview.ready, preview.bad[:3]
        counts = importer.import_commit(actor=d.kh_focal, batch=batch)
    assert counts["created"] == len(rows)
    return len(queries)


def test_an_import_of_ten_times_the_rows_runs_about_the_same_queries(d):
    """Time is measured in the report (10,000 rows); here the rows must go in bulk statements of
    BATCH rows, never a query or two per person."""
    small = _import_queries(d, _bulk_rows(0, 200))
    large = _import_queries(d, _bulk_rows(200, 2000))
    assert Person.objects.filter(full_name__startswith="Bulk Person").count() == 2200
    assert large < 2000 / 20, large
    assert large - small <= 16 * (2000 // BATCH), (small, large)  # a few statements per batch


def test_committed_batches_keep_no_copy_and_stale_previews_are_purged(d, login):
    from django.core.management import call_command
    from django.utils import timezone

    client = login(d.kh_focal)
    committed = ImportBatch.objects.get(pk=_commit(client, HEADER + GOOD))
    assert committed.rows == []
    stale = ImportBatch.objects.get(pk=_batch_id(_upload(client, HEADER + GOOD)))
    stale.created_at = timezone.now() - timezone.timedelta(days=8)
    stale.save(update_fields=["created_at"])
    call_command("purge_import_batches")
    assert not ImportBatch.objects.filter(pk=stale.pk).exists()
    assert ImportBatch.objects.filter(pk=committed.pk).exists()
