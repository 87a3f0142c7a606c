"""Active content in PDFs: scripts, launch actions, embedded files and rich media are refused.

Two looks, because each alone is easy to fool. The raw bytes are read as PDF names with their
escapes undone ("/J#61vaScript" is "/JavaScript"), which still works on files too broken to
parse. Then pypdf reads the objects packed inside compressed object streams, which a byte scan
cannot see (reading every object would cost seconds on a long report; the others are plain bytes
already scanned). A PDF that needs a password cannot be inspected, so it is refused.
"""

import io
import logging
import re

log = logging.getLogger(__name__)

ACTIVE_NAMES = frozenset(
    {"JavaScript", "JS", "Launch", "RichMedia", "EmbeddedFile", "EmbeddedFiles"}
)
# A PDF name: a slash, then regular characters or #xx escapes, up to a delimiter or white space.
_NAME = re.compile(rb"/((?:[^\x00\t\n\x0c\r ()<>\[\]{}/%#]|#[0-9A-Fa-f]{2})+)")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Enough for any genuine document; a file with more objects is not walked to the end.
MAX_OBJECTS = 200_000


class PasswordProtected(Exception):
    pass


def _decoded(raw: bytes) -> str:
    if b"#" in raw:
        raw = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return raw.decode("latin-1")


def scan_bytes(data: bytes) -> str | None:
    """The first active name written anywhere in the raw bytes, escapes undone."""
    for match in _NAME.finditer(data):
        name = _decoded(match.group(1))
        if name in ACTIVE_NAMES:
            return name
    return None


def _names_in(obj, depth: int = 0):
    """Keys and name values of one object and its direct children (references are not followed:
    every indirect object is visited on its own)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    if depth > 50:
        return
    if isinstance(obj, NameObject):
        yield str(obj)
    elif isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            yield str(key)
            yield from _names_in(value, depth + 1)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            yield from _names_in(value, depth + 1)


def _packed_ids(reader) -> list[int]:
    """Objects stored inside compressed object streams: the only ones whose names the byte scan
    cannot read (everything else keeps its dictionaries in plain bytes, encrypted or not)."""
    return sorted(reader.xref_objStm)[:MAX_OBJECTS]


def _opens_without_password(reader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unknown scheme cannot be inspected either
        return False


def scan_objects(data: bytes) -> str | None:
    """The first active name in a packed object pypdf can read; None also when it cannot parse."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise PasswordProtected
        objects = []
        for num in _packed_ids(reader):
            try:
                objects.append(reader.get_object(IndirectObject(num, 0, reader)))
            except Exception:  # noqa: BLE001, S112 - one broken object must not hide the others
                continue
    except PasswordProtected:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken PDF is stored and flagged, not refused
        log.info("PDF not walked for active content: %s", exc)
        return None
    for obj in objects:
        for name in _names_in(obj):
            if name.lstrip("/") in ACTIVE_NAMES:
                return name.lstrip("/")
    return None


def active_content(data: bytes) -> str | None:
    """The name of the first active feature found, or None. Raises PasswordProtected."""
    return scan_bytes(data) or scan_objects(data)
