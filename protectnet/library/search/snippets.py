"""Highlighted snippets: escaped text with the matched terms in <mark>, built from the stored
document of a resource the user may read (callers never pass text of anything else)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..text import fold_with_offsets

WINDOW = 90
APPROX_SLACK = 300


def _spans(folded: str, origin: list[int], terms: list[str]) -> list[tuple[int, int]]:
    """Original-text ranges [start, end) of every occurrence of every term, merged."""
    found = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            found.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, terms: list[str]) -> SafeString:
    """The whole of a short text (a title), escaped, with the terms marked."""
    folded, origin = fold_with_offsets(text)
    return _render(text, _spans(folded, origin, terms), 0, len(text))


def _render(text: str, spans, start: int, end: int) -> SafeString:
    out, cursor = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(text: str, folded: str, terms: list[str], *, fallback_chars: int = 220) -> SafeString:
    """Around the first hit of any term; the opening of the text when nothing matched."""
    hits = [(folded.find(t), t) for t in terms]
    hits = [(pos, t) for pos, t in hits if pos != -1]
    if not hits:
        short = text[:fallback_chars]
        return mark_safe(escape(short) + ("…" if len(text) > fallback_chars else ""))  # noqa: S308
    pos = min(hits)[0]
    # Folding keeps almost every character's length, so look near the same place first.
    lo, hi = max(0, pos - APPROX_SLACK), min(len(text), pos + APPROX_SLACK)
    part_folded, part_origin = fold_with_offsets(text[lo:hi])
    spans = [(s + lo, e + lo) for s, e in _spans(part_folded, part_origin, terms)]
    if not spans:
        whole_folded, whole_origin = fold_with_offsets(text)
        spans = _spans(whole_folded, whole_origin, terms)
    if not spans:
        return snippet(text, "", [], fallback_chars=fallback_chars)
    first_start, first_end = spans[0]
    start = max(0, first_start - WINDOW)
    end = min(len(text), first_end + WINDOW)
    body = _render(text, spans, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped by _render
