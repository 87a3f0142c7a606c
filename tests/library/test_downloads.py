"""Downloads: permission-checked, always an attachment, nosniff, audited for AMBER and RED."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.access.models import AuditEntry
from protectnet.library import services
from protectnet.library.models import VersionFile


@pytest.fixture
def files(world):
    def make(marking, **extra):
        resource = services.resource_create(
            actor=world.kh_member,
            data=services.ResourceData(
                title=f"{marking} file",
                resource_type="guide",
                owner_organisation=world.kh_ngo,
                marking=marking,
                **extra,
            ),
            files=[SimpleUploadedFile("Ünïcode report.exe", b"plain text body")],
        )
        return VersionFile.objects.get(version__resource=resource)

    return {
        "GREEN": make("GREEN"),
        "AMBER": make("AMBER", shared_with=[world.th_ministry]),
        "RED": make("RED"),
    }


def test_download_is_an_attachment_with_nosniff_and_a_safe_name(world, files, login):
    response = login(world.kh_member).get(f"/library/files/{files['GREEN'].pk}/download/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("text/plain")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert ".exe" not in disposition and ".txt" in disposition


@pytest.mark.parametrize(
    "role,marking,status",
    [
        ("kh_member", "RED", 200),  # the author is named
        ("th_member", "AMBER", 200),  # shared with the ministry
        ("th_member", "RED", 404),
        ("kh_focal", "AMBER", 404),
        ("admin", "AMBER", 404),
        ("guest", "GREEN", 404),
        ("kh_focal", "GREEN", 200),
    ],
)
def test_download_follows_the_marking(world, files, login, role, marking, status):
    response = login(getattr(world, role)).get(f"/library/files/{files[marking].pk}/download/")
    assert response.status_code == status


def test_anonymous_download_of_non_clear_file_is_not_found(world, files, client):
    assert client.get(f"/library/files/{files['GREEN'].pk}/download/").status_code == 404


def test_amber_and_red_downloads_are_audited_green_is_not(world, files, login):
    client = login(world.kh_member)
    for marking in ("GREEN", "AMBER", "RED"):
        client.get(f"/library/files/{files[marking].pk}/download/")
    entries = AuditEntry.objects.filter(action="library.file.download")
    assert sorted(e.data["file"] for e in entries) == sorted([files["AMBER"].pk, files["RED"].pk])


def test_api_download_uses_the_same_checks(world, files, api):
    ok = api(world.th_member).get(f"/api/v1/library/files/{files['AMBER'].pk}/download")
    assert ok.status_code == 200
    assert ok["X-Content-Type-Options"] == "nosniff"
    assert ok["Content-Disposition"].startswith("attachment;")
    assert (
        api(world.kh_focal).get(f"/api/v1/library/files/{files['AMBER'].pk}/download").status_code
        == 404
    )
