"""Attachments are checked by their content, not their name, and kept to document types.

Images are refused outright: the network never stores images of people or children, and a
photograph is not needed to act on a notification.
"""

from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

ALLOWED = {
    "application/pdf": (".pdf",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "text/plain": (".txt", ".csv"),
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


def max_bytes() -> int:
    return min(
        getattr(settings, "ALERT_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES),
        settings.UPLOAD_MAX_BYTES,
    )


def _detect(data: bytes) -> str | None:
    kind = filetype.guess(data)
    if kind is not None:
        return kind.mime
    # Plain text has no signature: accept it only if it is valid UTF-8 without control bytes.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return None
    return "text/plain"


def _safe_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return "".join(c for c in base if c.isprintable())[:150] or "attachment"


def check_file(name: str, data: bytes) -> CheckedFile:
    if not data:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if len(data) > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(mb)d MB.")
            % {"name": name, "mb": max_bytes() // (1024 * 1024)}
        )
    mime = _detect(data)
    safe = _safe_name(name)
    if mime not in ALLOWED:
        raise ValidationError(
            _("%(name)s is not an accepted document (PDF, Word, Excel or plain text).")
            % {"name": safe}
        )
    if not safe.lower().endswith(ALLOWED[mime]):
        raise ValidationError(
            _("%(name)s: its content does not match its file extension.") % {"name": safe}
        )
    return CheckedFile(name=safe, content_type=mime, data=data)


def check_files(uploads) -> list[CheckedFile]:
    """uploads: Django UploadedFile objects (or anything with .name and .read())."""
    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES:
        raise ValidationError(_("At most %(n)d attachments per alert.") % {"n": MAX_FILES})
    checked, errors = [], []
    for upload in uploads:
        if getattr(upload, "size", 0) and upload.size > max_bytes():
            errors.append(
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": _safe_name(upload.name), "mb": max_bytes() // (1024 * 1024)}
            )
            continue
        try:
            checked.append(check_file(upload.name, upload.read()))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked
