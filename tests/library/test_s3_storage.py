"""MEDIA_STORAGE=s3: uploads go to a private bucket, downloads stay behind the access policy.

The bucket is moto's S3 server on loopback (the s3_bucket fixture in tests/conftest.py).
"""

import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.demo import samples
from protectnet.library import staging
from protectnet.library.models import Resource, StagedUpload, VersionFile
from tests.conftest import S3_BUCKET as BUCKET
from tests.conftest import s3_objects


def _fields(w, **extra):
    values = {
        "title": "Harbour outreach guide",
        "summary": "Plain words for frontline staff.",
        "resource_type": "guide",
        "owner_organisation": w.kh_ngo.pk,
        "marking": "AMBER",
        "shared_with": [w.th_ministry.pk],
        "languages": ["en"],
        "published_on": "2026-01-15",
    }
    values.update(extra)
    return values


def _pdf():
    return SimpleUploadedFile("harbour.pdf", samples.pdf("Harbour", ["Outreach on the quay."]))


def _fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (loopback only)
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), b""


@pytest.fixture
def stored(world, login, s3_bucket):
    """An AMBER resource uploaded through the library form into the bucket."""
    response = login(world.kh_member).post("/library/new/", {**_fields(world), "files": [_pdf()]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return VersionFile.objects.get(version__resource=Resource.objects.get())


def test_an_upload_lands_in_the_bucket_under_the_library_area(world, stored, s3_bucket):
    assert s3_objects(s3_bucket) == [f"library/{stored.stored_name}"]
    body = s3_bucket.get_object(Bucket=BUCKET, Key=f"library/{stored.stored_name}")["Body"].read()
    assert body.startswith(b"%PDF-")
    # Extraction read the file back through the storage API.
    assert "quay" in stored.extracted_text
    assert StagedUpload.objects.count() == 0


def test_a_permitted_download_is_a_short_lived_signed_address(world, stored, login, s3_bucket):
    response = login(world.th_member).get(f"/library/files/{stored.pk}/download/")
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    address = response["Location"]
    query = parse_qs(urlsplit(address).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Signature"][0]
    assert "attachment" in query["response-content-disposition"][0]

    status, headers, body = _fetch(address)
    assert status == 200
    assert body.startswith(b"%PDF-")
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "harbour.pdf" in headers["Content-Disposition"]
    # The read was audited before the address was handed out, as for a folder store.
    assert AuditEntry.objects.filter(
        action="library.file.download", data__file=stored.pk, actor=world.th_member
    ).exists()


def test_the_bucket_refuses_the_object_without_a_signature(world, stored, login):
    address = login(world.th_member).get(f"/library/files/{stored.pk}/download/")["Location"]
    parts = urlsplit(address)
    status, _headers, body = _fetch(f"{parts.scheme}://{parts.netloc}{parts.path}")
    assert status == 403 and body == b""


@pytest.mark.parametrize("role", ["kh_focal", "guest", "admin"])
def test_an_unpermitted_reader_gets_no_address(world, stored, login, role):
    response = login(getattr(world, role)).get(f"/library/files/{stored.pk}/download/")
    assert response.status_code == 404
    assert "Location" not in response
    assert b"X-Amz" not in response.content


def test_the_api_download_redirects_the_same_way(world, stored, api):
    ok = api(world.th_member).get(f"/api/v1/library/files/{stored.pk}/download")
    assert ok.status_code == 302
    assert _fetch(ok["Location"])[0] == 200
    refused = api(world.kh_focal).get(f"/api/v1/library/files/{stored.pk}/download")
    assert refused.status_code == 404 and "Location" not in refused


def test_the_staging_purge_works_on_the_bucket(world, login, s3_bucket, monkeypatch):
    client = login(world.kh_member)
    discouraged = "A guide on child pornography cases."  # held for the terminology note
    for _ in range(2):
        page = client.post(
            "/library/new/", {**_fields(world, summary=discouraged), "files": [_pdf()]}
        )
        assert page.status_code == 200 and "terminology_confirmed" in page.content.decode()
    old, fresh = StagedUpload.objects.order_by("pk")
    orphan = staging.FILES.save("ab/orphan", b"left behind by a request that died")
    assert len(s3_objects(s3_bucket)) == 3

    # Two days on: the old row and the orphan are past their day; the fresh row was renewed.
    later = timezone.now() + timedelta(days=2)
    StagedUpload.objects.filter(pk=old.pk).update(created_at=later - timedelta(days=2))
    StagedUpload.objects.filter(pk=fresh.pk).update(created_at=later)
    monkeypatch.setattr(staging.timezone, "now", lambda: later)

    call_command("purge_staged_uploads")

    assert list(StagedUpload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert s3_objects(s3_bucket) == [f"staging/{fresh.stored_name}"]
    assert not staging.FILES.exists(orphan)
