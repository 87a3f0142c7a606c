"""Uploads: the type is decided by the content, never by the name; files live under random names.

Accepted: PDF, DOCX, XLSX, PPTX (Office Open XML without macros or embedded programs) and plain
text (UTF-8 or UTF-16 with a byte-order mark). Everything else is refused with a message that
says why. Images are refused too: the library never stores pictures of people or children.
"""

import hashlib
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from protectnet.core.files import Area

from . import pdf_safety
from .models import FileKind

CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    FileKind.TEXT: "text/plain; charset=utf-8",
}
_OOXML_MAIN_PART = {
    "word/document.xml": FileKind.DOCX,
    "xl/workbook.xml": FileKind.XLSX,
    "ppt/presentation.xml": FileKind.PPTX,
}
_EXECUTABLE_MIME = {
    "application/x-msdownload",
    "application/x-executable",
    "application/x-mach-binary",
    "application/x-elf",
    "application/x-sharedlib",
    "application/x-shockwave-flash",
    "application/vnd.microsoft.portable-executable",
    "application/x-dex",
    "application/wasm",
}
_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa")
_ARCHIVE_MIME = {
    "application/zip",
    "application/x-tar",
    "application/gzip",
    "application/x-bzip2",
    "application/x-7z-compressed",
    "application/x-rar-compressed",
    "application/x-xz",
    "application/zstd",
    "application/x-lzip",
    "application/vnd.ms-cab-compressed",
}
# Names inside an Office file that carry code: macros, OLE objects, scripts, programs, markup.
_RISKY_PART = re.compile(
    r"((^|/)activex/.*|vbaproject\.bin|vbadata\.xml|oleobject\d*\.bin|"
    r"\.(exe|dll|com|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|scr|msi|jar|sh|html?|svg|xhtml|docm|xlsm|"
    r"pptm))$",
    re.IGNORECASE,
)
_MARKUP = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|script|svg|iframe|object|embed|\?xml|meta|link)\b",
    re.IGNORECASE,
)
# Office files may compress a great deal; refuse those that would unpack beyond this.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    content_type: str
    size: int
    sha256: str
    original_name: str
    data: bytes


def _refuse(message: str, code: str = "file_refused"):
    raise ValidationError(message, code=code)


def _check_ooxml(data: bytes, name: str) -> str:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(_("%(name)s looks like an archive but cannot be opened.") % {"name": name})
    names = {i.filename for i in infos}
    kind = next((k for part, k in _OOXML_MAIN_PART.items() if part in names), None)
    if "[Content_Types].xml" not in names or kind is None:
        _refuse(
            _(
                "%(name)s is an archive. Archives are not accepted: upload the documents "
                "themselves (PDF, DOCX, XLSX, PPTX or plain text)."
            )
            % {"name": name}
        )
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        _refuse(_("%(name)s unpacks to too much data to be safe.") % {"name": name})
    risky = sorted(n for n in names if _RISKY_PART.search(n))
    if risky:
        _refuse(
            _(
                "%(name)s contains macros, scripts or embedded programs (%(parts)s). Save it "
                "without them (for example as a plain DOCX, XLSX or PPTX, or as PDF)."
            )
            % {"name": name, "parts": ", ".join(risky[:3])}
        )
    return kind


def _decode_text(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _check_text(data: bytes, name: str) -> None:
    text = _decode_text(data)
    if text is None:
        _refuse(
            _(
                "The type of %(name)s is not recognised. Accepted: PDF, DOCX, XLSX, PPTX and "
                "plain text (UTF-8)."
            )
            % {"name": name}
        )
    head = text[:4096].encode("utf-8", "replace")
    if head.lstrip().startswith(b"#!"):
        _refuse(_("%(name)s is a script. Programs and scripts are not accepted.") % {"name": name})
    if _MARKUP.search(head):
        _refuse(
            _(
                "%(name)s contains web page or image markup (HTML, SVG or XML). Such files can "
                "run code in a browser and are not accepted; upload PDF or plain text instead."
            )
            % {"name": name}
        )


def _check_pdf(data: bytes, name: str) -> None:
    try:
        found = pdf_safety.active_content(data)
    except pdf_safety.PasswordProtected:
        _refuse(
            _(
                "%(name)s is protected by a password, so it cannot be checked or searched. "
                "Upload a copy without the password."
            )
            % {"name": name}
        )
    if found:
        _refuse(
            _(
                "%(name)s is a PDF with scripts, launch actions or embedded files (%(what)s), "
                "which are not accepted. Print it to a new PDF or save it without them."
            )
            % {"name": name, "what": found}
        )


def decide_kind(data: bytes, name: str) -> str:
    """The file's kind from its bytes, or a ValidationError saying why it is refused."""
    head = data[:8192]
    guess = filetype.guess(head)
    mime = guess.mime if guess else ""
    if head.startswith(_EXECUTABLE_MAGIC) or mime in _EXECUTABLE_MIME:
        _refuse(_("%(name)s is a program. Programs are not accepted.") % {"name": name})
    if head.startswith(b"%PDF-"):
        _check_pdf(data, name)
        return FileKind.PDF
    if head.startswith(b"PK\x03\x04") or mime in _OOXML_MIMES:
        return _check_ooxml(data, name)
    if mime in _ARCHIVE_MIME:
        _refuse(
            _("%(name)s is an archive. Archives are not accepted: upload the documents themselves.")
            % {"name": name}
        )
    if mime.startswith(("image/", "video/", "audio/")) or mime == "application/x-ole-storage":
        _refuse(
            _(
                "%(name)s is not a document type the library accepts (%(mime)s). Accepted: PDF, "
                "DOCX, XLSX, PPTX and plain text."
            )
            % {"name": name, "mime": mime}
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        _refuse(
            _("%(name)s is an old Office file, which can carry macros. Save it as DOCX or PDF.")
            % {"name": name}
        )
    if mime:
        _refuse(
            _("%(name)s has a type that is not accepted (%(mime)s).") % {"name": name, "mime": mime}
        )
    _check_text(data, name)
    return FileKind.TEXT


_OOXML_MIMES = {CONTENT_TYPES[k] for k in (FileKind.DOCX, FileKind.XLSX, FileKind.PPTX)}


def check_upload(upload) -> CheckedUpload:
    """Validate one uploaded file (a Django UploadedFile or anything with .read(), .name, .size)."""
    name = clean_filename(getattr(upload, "name", "") or "file")
    limit = settings.UPLOAD_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        _refuse(_too_big(name, limit), code="file_too_large")
    data = upload.read(limit + 1)
    if not data:
        _refuse(_("%(name)s is empty.") % {"name": name})
    if len(data) > limit:
        _refuse(_too_big(name, limit), code="file_too_large")
    kind = decide_kind(data, name)
    return CheckedUpload(
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
        data=data,
    )


def _too_big(name: str, limit: int) -> str:
    return _("%(name)s is larger than the limit of %(mb)s MB.") % {
        "name": name,
        "mb": f"{limit / (1024 * 1024):.1f}".removesuffix(".0"),
    }


_UNSAFE_NAME = re.compile(r"[^\w\-. ()]+", re.UNICODE)


def clean_filename(name: str, *, max_length: int = 120) -> str:
    """A display name without paths, control characters, quotes or leading dots."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = _UNSAFE_NAME.sub("_", name).strip(" ._") or "file"
    return name[:max_length]


def download_name(original_name: str, kind: str) -> str:
    """The name a download is offered under: the extension always matches the detected type."""
    stem = Path(clean_filename(original_name)).stem or "file"
    return f"{stem[:100]}.{kind}"


# Version files, named by a random token; the name in the row is relative to this area.
FILES = Area("library")


def store(data: bytes) -> str:
    """Write the bytes under a new random name (no extension) and return that name."""
    token = secrets.token_hex(20)
    return FILES.save(f"{token[:2]}/{token}", data)


def open_stored(stored_name: str):
    return FILES.open(stored_name)


def read_stored(stored_name: str) -> bytes:
    return FILES.read(stored_name)
