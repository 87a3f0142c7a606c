"""PDFs with active content are refused however the names are disguised; clean PDFs pass.

Every file here is crafted in the test: escaped names, hex strings, scripts packed inside a
compressed object stream, attachments, launch actions and password protection.
"""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from protectnet.demo import samples
from protectnet.library.models import Resource
from protectnet.library.uploads import check_upload

PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def _classic(catalog: bytes, *extra: bytes) -> bytes:
    """A one-page PDF with a classic cross-reference table; `extra` become objects 4, 5..."""
    objects = [catalog, PAGES, PAGE, *extra]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _packed(catalog: bytes) -> bytes:
    """The catalog and page tree inside a compressed object stream (PDF 1.5), so none of
    their names appear in the file's bytes; an xref stream points into it."""
    first = b"1 0 2 %d " % (len(catalog) + 1)
    first = first.ljust(20)
    packed = zlib.compress(first + catalog + b"\n" + PAGES)
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    page_at = out.tell()
    out.write(b"3 0 obj\n%s\nendobj\n" % PAGE)
    stream_at = out.tell()
    out.write(
        b"4 0 obj\n<< /Type /ObjStm /N 2 /First 20 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(packed)
    )
    out.write(packed + b"\nendstream\nendobj\n")
    xref_at = out.tell()
    rows = [
        (0, 0, 65535),
        (2, 4, 0),
        (2, 4, 1),
        (1, page_at, 0),
        (1, stream_at, 0),
        (1, xref_at, 0),
    ]
    table = b"".join(bytes([t]) + a.to_bytes(4, "big") + b.to_bytes(2, "big") for t, a, b in rows)
    out.write(
        b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % len(table)
    )
    out.write(table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def _refusal(data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("handout.pdf", data))
    return " ".join(caught.value.messages)


def _accepted(data: bytes) -> str:
    return check_upload(SimpleUploadedFile("handout.pdf", data)).kind


CATALOG = b"<< /Type /Catalog /Pages 2 0 R %s >>"


@pytest.mark.parametrize(
    "action,found",
    [
        (b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "JavaScript"),
        (b"/OpenAction << /S /J#61vaScript /#4A#53 (app.alert(1)) >>", "JavaScript"),
        (b"/OpenAction << /S /#4a#61#76#61#53#63#72#69#70#74 /#4aS<616c657274> >>", "JavaScript"),
        (b"/OpenAction<</#4A#53(app.alert(1))>>", "JS"),
        (b"/AA << /O << /S /Launch /F (cmd.exe) >> >>", "Launch"),
        (b"/OpenAction << /S /L#61unch /F (calc) >>", "Launch"),
        (b"/Names << /EmbeddedFiles 4 0 R >>", "EmbeddedFiles"),
        (b"/Names << /Emb#65ddedFiles 4 0 R >>", "EmbeddedFiles"),
        (b"/OpenAction << /S /RichMedia >>", "RichMedia"),
    ],
)
def test_disguised_active_names_are_refused(action, found):
    message = _refusal(_classic(CATALOG % action, b"<< /Names [] >>"))
    assert "scripts, launch actions or embedded files" in message
    assert f"({found})" in message


def test_script_hidden_in_a_compressed_object_stream_is_refused():
    data = _packed(CATALOG % b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
    assert b"JavaScript" not in data and b"/JS" not in data  # invisible to a byte scan
    assert "(JavaScript)" in _refusal(data)


def test_embedded_file_stream_hidden_in_an_object_stream_is_refused():
    data = _packed(CATALOG % b"/AF [<< /Type /Filespec /EF << /F << /Type /EmbeddedFile >> >> >>]")
    assert "(EmbeddedFile)" in _refusal(data)


def test_clean_pdf_with_an_object_stream_is_accepted():
    assert _accepted(_packed(CATALOG % b"/OpenAction [3 0 R /Fit]")) == "pdf"


def test_open_action_that_only_turns_to_a_page_is_accepted():
    assert _accepted(_classic(CATALOG % b"/OpenAction [3 0 R /XYZ null null 1]")) == "pdf"


def test_names_that_only_start_like_active_ones_are_accepted():
    # /JSON and /JavaScriptless are not /JS or /JavaScript: no false refusal.
    assert _accepted(_classic(CATALOG % b"/PieceInfo << /JSON 1 /JavaScriptless 2 >>")) == "pdf"


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    return writer


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_a_document_script_from_a_real_writer_is_refused():
    writer = _writer()
    writer.add_open_action(JavaScript("app.alert('hello');"))
    assert "scripts" in _refusal(_written(writer))


def test_pdf_with_an_attachment_from_a_real_writer_is_refused():
    writer = _writer()
    writer.add_attachment("run.exe", b"MZ\x90\x00")
    assert "embedded files" in _refusal(_written(writer))


def test_password_protected_pdf_is_refused_with_a_clear_message():
    writer = _writer()
    writer.encrypt(user_password="harbour", owner_password="quay", algorithm="AES-128")
    assert "protected by a password" in _refusal(_written(writer))


def test_pdf_with_only_an_owner_password_is_accepted():
    writer = _writer()
    writer.encrypt(user_password="", owner_password="quay", algorithm="AES-128")
    assert _accepted(_written(writer)) == "pdf"


def test_generated_document_pdf_is_accepted():
    assert _accepted(samples.pdf("Harbour", ["Plain text, no scripts."])) == "pdf"


def test_upload_page_explains_the_refusal_and_stores_nothing(world, login):
    data = _classic(CATALOG % b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>")
    response = login(world.kh_member).post(
        "/library/new/",
        {
            "title": "Harbour handout",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "marking": "GREEN",
            "languages": ["en"],
            "published_on": "2026-01-15",
            "files": [SimpleUploadedFile("handout.pdf", data)],
        },
    )
    assert response.status_code == 200
    assert "handout.pdf is a PDF with scripts" in response.content.decode()
    assert Resource.objects.count() == 0


def test_api_answers_415_for_a_disguised_script(world, api):
    data = _classic(CATALOG % b"/OpenAction << /S /Launch /F (cmd.exe) >>")
    response = api(world.kh_member).post(
        "/api/v1/library/resources",
        {
            "title": "Harbour handout",
            "resource_type": "guide",
            "owner_organisation": world.kh_ngo.pk,
            "files": [SimpleUploadedFile("handout.pdf", data)],
        },
    )
    assert response.status_code == 415
    assert "(Launch)" in response.json()["detail"]
    assert Resource.objects.count() == 0
