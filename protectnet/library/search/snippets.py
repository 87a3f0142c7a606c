"""Highlighted snippets: escaped text with the matched words in <mark>, built from the stored
document of a resource the user may read (callers never pass text of anything else).

Words are found the way the index found them (core/text.py): "investigated" is marked for a
query "investigation", "Nẵng" for "nang", a Khmer word inside a run without spaces.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from protectnet.core import text as pipeline

WINDOW = 90
BLOCK = 2_000  # the text is read block by block until a hit: most hits are near the start
EDGE = 40  # blocks overlap, so a word cut by one block is whole in the next
SCAN_CHARS = 300_000  # the stored text for snippets is no longer (search/index.py)


def _spans(text: str, marks, offset: int = 0) -> list[tuple[int, int]]:
    keys, prefixes = marks
    return [
        (t.start + offset, t.end + offset)
        for t in pipeline.tokens(text)
        if t.key in keys
        or (prefixes and (t.word.startswith(prefixes) or t.key.startswith(prefixes)))
    ]


def mark(text: str, marks) -> SafeString:
    """The whole of a short text (a title), escaped, with the words marked."""
    return _render(text, _spans(text, marks), 0, len(text))


def _render(text: str, spans, start: int, end: int) -> SafeString:
    out, cursor = [], start
    for s, e in spans:
        if e <= cursor or s >= end:
            continue
        s, e = max(s, cursor), min(e, end)
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def _located(text: str, marks) -> int | None:
    """About where the first marked word is, read from the folded text: a key is the start of
    most forms of its word ("protect" in "protection"), and folding keeps nearly every length."""
    wanted = (*marks[0], *marks[1])
    for read in (str.lower, pipeline.fold):  # lower case first: it costs nothing
        seen = read(text[:SCAN_CHARS])
        places = [p for p in (seen.find(k) for k in wanted) if p != -1]
        if places:
            return min(places)
    return None


def _first_hit(text: str, marks) -> tuple[tuple[int, int], list] | None:
    """The first marked word and the marked words around it."""
    near = _located(text, marks)
    if near is not None:
        start = max(0, near - EDGE - WINDOW)
        spans = _spans(text[start : near + BLOCK], marks, start)
        if spans:
            return spans[0], spans
    for lo in range(0, min(len(text), SCAN_CHARS), BLOCK):
        start = max(0, lo - EDGE)
        spans = [s for s in _spans(text[start : lo + BLOCK], marks, start) if s[0] >= lo or not lo]
        if spans:
            return spans[0], spans
    return None


def snippet(text: str, marks, *, fallback_chars: int = 220) -> SafeString:
    """Around the first hit; the opening of the text when nothing is marked."""
    found = _first_hit(text, marks) if marks[0] or marks[1] else None
    if found is None:
        short = text[:fallback_chars]
        return mark_safe(escape(short) + ("…" if len(text) > fallback_chars else ""))  # noqa: S308
    first, spans = found
    start = max(0, first[0] - WINDOW)
    end = min(len(text), first[1] + WINDOW)
    body = _render(text, spans, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped by _render
