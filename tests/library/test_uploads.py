"""Uploads: the type comes from the content; dangerous or broken files get a clear message."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.demo import samples
from protectnet.library import services
from protectnet.library.models import ExtractionStatus, Resource, VersionFile
from protectnet.library.uploads import check_upload, clean_filename, download_name


def upload(name, data):
    return SimpleUploadedFile(name, data)


def data_for(w, **extra):
    values = dict(title="Upload test", resource_type="guide", owner_organisation=w.kh_ngo)
    values.update(extra)
    return services.ResourceData(**values)


def _refused(name, data) -> str:
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, data))
    return " ".join(caught.value.messages)


def test_renamed_executable_is_refused():
    assert "program" in _refused("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert "program" in _refused("notes.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 200)


def test_shell_script_named_as_text_is_refused():
    assert "script" in _refused("readme.txt", b"#!/bin/sh\nrm -rf /\n")


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body>hi</body></html>",
        b"  <html><script>alert(1)</script></html>",
        b"Some text then <script>alert(1)</script>",
    ],
)
def test_html_is_refused_whatever_its_name(content):
    assert "HTML" in _refused("minutes.txt", content)


def test_svg_with_script_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "SVG" in _refused("diagram.pdf", svg)


def test_images_are_refused():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert "not a document type" in _refused("photo.pdf", png)


def test_plain_zip_archive_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("run.js", "alert(1)")
    assert "archive" in _refused("bundle.docx", buffer.getvalue())


def test_office_file_with_macros_or_scripts_inside_is_refused():
    original = zipfile.ZipFile(io.BytesIO(samples.docx("T", ["x"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in original.infolist():
            archive.writestr(item, original.read(item))
        archive.writestr("word/vbaProject.bin", b"macro")
    assert "macros" in _refused("report.docx", buffer.getvalue())


def test_pdf_with_javascript_is_refused():
    assert "scripts" in _refused(
        "x.pdf", b"%PDF-1.4\n1 0 obj << /OpenAction << /JS (app.alert(1)) >> >>"
    )


def test_empty_file_is_refused():
    assert "empty" in _refused("empty.pdf", b"")


def test_oversized_file_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    assert "larger than the limit" in _refused("big.txt", b"a" * 1025)


def test_old_office_files_are_refused():
    assert "old Office" in _refused("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


def test_binary_junk_is_refused_as_unrecognised():
    assert "not recognised" in _refused("data.txt", bytes(range(256)) * 4)


@pytest.mark.parametrize(
    "name,builder,kind",
    [
        ("a.bin", lambda: samples.pdf("T", ["p"]), "pdf"),
        ("a.pdf", lambda: samples.docx("T", ["p"]), "docx"),
        ("a", lambda: samples.xlsx("T", [["a"]]), "xlsx"),
        ("a.txt", lambda: samples.pptx("T", ["p"]), "pptx"),
        ("a.pdf", lambda: "ข้อความภาษาไทย".encode(), "txt"),
        ("a.txt", lambda: "UTF-16 text".encode("utf-16"), "txt"),
    ],
)
def test_kind_is_decided_by_content_not_by_name(name, builder, kind):
    assert check_upload(upload(name, builder())).kind == kind


def test_download_name_takes_the_detected_extension_and_drops_paths():
    assert download_name("../../etc/evil.exe", "pdf") == "evil.pdf"
    assert clean_filename('a"b\r\n<c>.txt') == "a_b_c_.txt"
    assert download_name("", "txt") == "file.txt"


def test_refused_upload_stores_nothing(world, settings):
    with pytest.raises(ValidationError):
        services.resource_create(
            actor=world.kh_member,
            data=data_for(world),
            files=[upload("ok.txt", b"fine text"), upload("bad.txt", b"MZ" + b"\0" * 64)],
        )
    assert Resource.objects.count() == 0
    library_dir = settings.MEDIA_ROOT / "library"
    assert not library_dir.exists() or not any(p.is_file() for p in library_dir.rglob("*"))


def test_corrupt_pdf_is_stored_and_flagged_not_lost(world, settings):
    broken = b"%PDF-1.7\n" + b"\x00garbage" * 50
    resource = services.resource_create(
        actor=world.kh_member, data=data_for(world), files=[upload("broken.pdf", broken)]
    )
    file = VersionFile.objects.get(version__resource=resource)
    assert file.extraction_status == ExtractionStatus.FAILED
    assert file.extraction_error
    stored = settings.MEDIA_ROOT / "library" / file.stored_name
    assert stored.read_bytes() == broken


def test_files_are_stored_under_random_names_outside_static(world, settings):
    resource = services.resource_create(
        actor=world.kh_member,
        data=data_for(world),
        files=[upload("My Report.txt", b"plain words")],
    )
    file = VersionFile.objects.get(version__resource=resource)
    assert "report" not in file.stored_name.lower() and "." not in file.stored_name
    assert (settings.MEDIA_ROOT / "library" / file.stored_name).exists()
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


def test_upload_page_shows_the_reason_and_keeps_the_form(world, login):
    client = login(world.kh_member)
    response = client.post(
        "/library/new/",
        {
            "title": "Evil",
            "summary": "",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "marking": "GREEN",
            "languages": ["en"],
            "published_on": "2025-01-01",
            "files": [upload("evil.pdf", b"MZ" + b"\0" * 100)],
        },
    )
    assert response.status_code == 200
    assert "is a program" in response.content.decode()
    assert 'value="Evil"' in response.content.decode()
    assert Resource.objects.count() == 0
