"""Files survive a second submission: terminology notes or an error elsewhere keep the upload."""

import functools
import os
import re
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from protectnet.demo import samples
from protectnet.library.models import Resource, StagedUpload, VersionFile
from protectnet.library.search import search

DISCOURAGED = "A guide on child pornography cases for frontline staff."


def _fields(w, **extra):
    values = {
        "title": "Harbour outreach guide",
        "summary": DISCOURAGED,
        "resource_type": "guide",
        "owner_organisation": w.kh_ngo.pk,
        "marking": "GREEN",
        "languages": ["en"],
        "published_on": "2026-01-15",
    }
    values.update(extra)
    return values


@functools.cache
def _pdf_bytes() -> bytes:
    # Made once: WeasyPrint stamps each PDF with its creation time, so two renderings a second
    # apart differ and "the same file chosen again" would no longer be the same file.
    return samples.pdf("Harbour", ["Outreach along the quayside marketplace."])


def _pdf():
    return SimpleUploadedFile("harbour.pdf", _pdf_bytes())


def _staged_ids(html: str) -> list[str]:
    return re.findall(r'name="staged_files" value="(\d+)"', html)


def _first_post(client, w, **extra):
    response = client.post("/library/new/", {**_fields(w, **extra), "files": [_pdf()]})
    assert response.status_code == 200
    return response.content.decode()


def test_file_kept_through_save_anyway_and_its_text_is_searchable(world, login):
    client = login(world.kh_member)
    page = _first_post(client, world)
    # The terminology note is shown, nothing is saved yet, the file is listed as attached.
    assert 'type="checkbox" name="terminology_confirmed"' in page
    assert "attached: harbour.pdf (" in page
    assert Resource.objects.count() == 0
    ids = _staged_ids(page)
    assert len(ids) == 1

    response = client.post(
        "/library/new/", {**_fields(world), "terminology_confirmed": "on", "staged_files": ids}
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    file = VersionFile.objects.get(version__resource=resource)
    assert file.original_name == "harbour.pdf" and file.kind == "pdf"
    assert "quayside" in file.extracted_text
    assert [h.resource.pk for h in search(world.th_member, "quayside marketplace").hits] == [
        resource.pk
    ]
    download = client.get(f"/library/files/{file.pk}/download/")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    # The staging copy is gone once the file belongs to the resource.
    assert StagedUpload.objects.count() == 0


def test_file_kept_when_another_field_has_an_error(world, login):
    client = login(world.kh_member)
    page = _first_post(client, world, summary="Plain words.", title="")
    assert "This field is required." in page
    ids = _staged_ids(page)
    response = client.post(
        "/library/new/", {**_fields(world, summary="Plain words."), "staged_files": ids}
    )
    assert response.status_code == 302
    assert VersionFile.objects.get().original_name == "harbour.pdf"


def test_unticked_staged_file_is_left_out(world, login):
    client = login(world.kh_member)
    _first_post(client, world)
    response = client.post("/library/new/", {**_fields(world), "terminology_confirmed": "on"})
    assert response.status_code == 200
    assert "Add at least one file or a link." in response.content.decode()
    assert Resource.objects.count() == 0


def test_refused_file_is_not_staged_and_the_good_one_is(world, login):
    client = login(world.kh_member)
    evil = SimpleUploadedFile("evil.pdf", b"MZ" + b"\0" * 100)
    response = client.post("/library/new/", {**_fields(world), "files": [_pdf(), evil]})
    page = response.content.decode()
    assert "evil.pdf is a program" in page
    assert "attached: harbour.pdf" in page and "attached: evil.pdf" not in page
    assert list(StagedUpload.objects.values_list("original_name", flat=True)) == ["harbour.pdf"]


def test_someone_elses_staged_file_cannot_be_used(world, login):
    _first_post(login(world.kh_member), world)
    foreign = StagedUpload.objects.get()
    thief = login(world.th_member)
    response = thief.post(
        "/library/new/",
        {
            **_fields(world, owner_organisation=world.th_ministry.pk, summary="Plain words."),
            "staged_files": [str(foreign.pk)],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Add at least one file or a link." in page
    assert "harbour.pdf" not in page
    assert Resource.objects.count() == 0
    assert StagedUpload.objects.filter(pk=foreign.pk).exists()  # the owner still has it


def test_someone_elses_staged_file_cannot_become_a_new_version(world, login):
    from tests.library.conftest import make_resource

    resource = make_resource(world.th_ministry, title="Ministry circular")
    _first_post(login(world.kh_member), world)
    foreign = StagedUpload.objects.get()
    response = login(world.th_member).post(
        f"/library/{resource.pk}/versions/new/", {"staged_files": [str(foreign.pk), "x", "-1"]}
    )
    assert response.status_code == 200
    assert "harbour.pdf" not in response.content.decode()
    assert resource.versions.count() == 1


def test_staged_files_are_stored_under_random_names_and_never_served(world, login, settings):
    client = login(world.kh_member)
    _first_post(client, world)
    staged = StagedUpload.objects.get()
    path = settings.MEDIA_ROOT / "staging" / staged.stored_name
    assert path.exists() and "harbour" not in staged.stored_name
    assert not (settings.MEDIA_ROOT / "library").exists()
    # No page or API operation takes a staging id: the library's download only knows files.
    for url in (
        f"/library/files/{staged.pk}/download/",
        f"/api/v1/library/files/{staged.pk}/download",
    ):
        assert client.get(url).status_code == 404


def test_version_form_keeps_files_too(world, login):
    from tests.library.conftest import make_resource

    resource = make_resource(world.kh_ngo, title="Quay guide")
    client = login(world.kh_member)
    url = f"/library/{resource.pk}/versions/new/"
    page = client.post(url, {"files": [_pdf()], "link": "not a link"}).content.decode()
    assert "attached: harbour.pdf" in page
    response = client.post(url, {"staged_files": _staged_ids(page), "note": "Second edition"})
    assert response.status_code == 302
    current = resource.versions.get(is_current=True)
    assert [f.original_name for f in current.files.all()] == ["harbour.pdf"]


def test_guests_and_anonymous_visitors_cannot_stage(world, login):
    for user in (world.guest, None):
        response = login(user).post("/library/new/", {**_fields(world), "files": [_pdf()]})
        assert response.status_code in (302, 403)
    assert StagedUpload.objects.count() == 0


def test_purge_command_removes_staged_files_older_than_a_day(world, login, settings):
    client = login(world.kh_member)
    _first_post(client, world)
    old = StagedUpload.objects.get()
    StagedUpload.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    _first_post(client, world)
    fresh = StagedUpload.objects.exclude(pk=old.pk).get()
    root = settings.MEDIA_ROOT / "staging"
    orphan = root / "ab" / "orphan"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"left behind")
    stale = time.time() - 2 * 86400
    os.utime(orphan, (stale, stale))

    call_command("purge_staged_uploads")

    assert list(StagedUpload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not (root / old.stored_name).exists()
    assert (root / fresh.stored_name).exists()
    assert not orphan.exists()


def test_expired_staged_file_is_not_used_even_before_the_purge(world, login):
    client = login(world.kh_member)
    ids = _staged_ids(_first_post(client, world))
    StagedUpload.objects.update(created_at=timezone.now() - timedelta(days=2))
    response = client.post(
        "/library/new/", {**_fields(world), "terminology_confirmed": "on", "staged_files": ids}
    )
    assert response.status_code == 200
    assert "Add at least one file or a link." in response.content.decode()


@pytest.mark.parametrize("bad", ["", "abc", "99999"])
def test_bogus_staging_ids_are_ignored(world, login, bad):
    client = login(world.kh_member)
    response = client.post(
        "/library/new/", {**_fields(world, summary="Plain."), "staged_files": [bad]}
    )
    assert response.status_code == 200
    assert "Add at least one file or a link." in response.content.decode()


def test_choosing_an_attached_file_again_does_not_attach_it_twice(world, login):
    client = login(world.kh_member)
    ids = _staged_ids(_first_post(client, world))
    response = client.post(
        "/library/new/",
        {**_fields(world), "terminology_confirmed": "on", "staged_files": ids, "files": [_pdf()]},
    )
    assert response.status_code == 302
    assert list(VersionFile.objects.values_list("original_name", flat=True)) == ["harbour.pdf"]
