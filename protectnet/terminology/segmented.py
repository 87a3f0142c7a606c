"""The matcher for terms outside English: on the words of the shared text pipeline, so it finds
Thai, Khmer, Lao, Burmese and Chinese written without spaces, Vietnamese typed with or without
its diacritics and Traditional Chinese against a Simplified list.

A phrase and the text are both cut into words by the same pipeline (core.text.tokens). Dictionary
segmentation can cut a phrase alone differently from the same phrase inside a sentence, so the
words' keys are compared joined together: a phrase matches where its joined keys start at the
beginning of a word of the text and end at the end of one, and the words between are separated
by nothing but spaces or hyphens (not a full stop or a comma).
"""

import re
import unicodedata
from dataclasses import dataclass

from protectnet.core.text import tokens

from .matching import LOWER, NEAR_WINDOW, Entry, Hit, _in_spans, _quoted_spans

_JOINABLE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014/\u200b\u200c\u200d\u00ad]*")
MAX_SKIPPED = 8  # characters of a word the pipeline leaves out (a nominalising prefix: "การ")
# Quotation marks and title brackets of Chinese writing, besides those of matching.QUOTE_SPANS.
_CJK_QUOTES = re.compile(
    r"\u300c[^\u300d]{1,600}\u300d|\u300e[^\u300f]{1,600}\u300f"
    r"|\u300a[^\u300b]{1,600}\u300b"
)
# Words that put a `near_child_terms` phrase into child-protection context, in each language.
# Only words the text pipeline keeps whole: it cuts "ผู้เยาว์" into "ผู้" and "เยาว์", and "ผู้"
# alone would put every "person" into context.
CHILD_WORDS = (
    "child children minor girl boy เด็ก เด็กๆ เยาวชน นักเรียน trẻ em vị thành niên "
    "儿童 兒童 未成年 幼女 少女 女孩 男孩 孩子 女童 男童 កុមារ ក្មេង អនីតិជន សិស្ស "
    "ເດັກ ເຍົາວະຊົນ ນັກຮຽນ ကလေး ကလေးသူငယ် bata batang kabataan anak menor "
    "बच्चा बच्चे बच्ची बाल नाबालिग बालक बालिका किशोरी लड़की"
)


@dataclass(frozen=True)
class _Phrase:
    joined: str
    size: int  # how many words, to prefer the longest phrase
    entry: Entry | None  # None: a preferred term, never flagged


def _joined(text: str) -> str:
    return "".join(t.key for t in tokens(text))


class SegmentedMatcher:
    """A compiled list of phrases in the languages other than English. Immutable once built."""

    def __init__(self, entries: list[Entry], *, safe_phrases: list[str] = ()):
        phrases = [_Phrase(_joined(v), len(tokens(v)), e) for e in entries for v in e.variants]
        phrases += [_Phrase(_joined(p), len(tokens(p)), None) for p in safe_phrases]
        self._index: dict[str, list[_Phrase]] = {}
        for phrase in sorted(phrases, key=lambda p: len(p.joined), reverse=True):
            if phrase.joined:
                self._index.setdefault(phrase.joined[0], []).append(phrase)
        self._child_keys = frozenset(t.key for t in tokens(CHILD_WORDS))

    def find(self, text: str, *, include_info: bool = False) -> list[Hit]:
        words = tokens(text) if self._index else []
        if not words:
            return []
        found, safe = self._matches(text, words)
        spans = sorted(_quoted_spans(text) + [m.span() for m in _CJK_QUOTES.finditer(text)])
        hits = []
        for first, last, entry in found:
            start, end = words[first].start, words[last].end
            if entry.severity == "info" and not include_info:
                continue
            if any(s <= first and last <= e for s, e in safe):
                continue
            if entry.context == "near_child_terms" and not self._near_child(words, first, last):
                continue
            quoted = _in_spans(spans, start, end)
            severity = LOWER[entry.severity] if quoted else entry.severity
            hits.append(Hit(start, end, entry, severity, quoted))
        return hits

    def _matches(self, text: str, words):
        """(first word, last word, entry) of the longest phrase at each word, and the spans
        (first, last) of preferred terms."""
        offsets, ends, length = [], {}, 0
        for i, word in enumerate(words):
            offsets.append(length)
            length += len(word.key)
            ends[length] = i
        joined = "".join(word.key for word in words)
        found, safe, covered = [], [], -1
        for i, pos in enumerate(offsets):
            for phrase in self._index.get(joined[pos], ()):
                last = ends.get(pos + len(phrase.joined))
                if last is None or not joined.startswith(phrase.joined, pos):
                    continue
                if not _joinable(text, words, i, last):
                    continue
                if phrase.entry is None:
                    safe.append((i, last))
                elif i > covered:
                    found.append((i, last, phrase.entry))
                    covered = last
                break
        return found, safe

    def _near_child(self, words, first: int, last: int) -> bool:
        window = words[max(0, first - NEAR_WINDOW) : last + NEAR_WINDOW + 1]
        return any(w.key in self._child_keys for w in window)


def _joinable(text: str, words, first: int, last: int) -> bool:
    return all(_gap_joinable(text, words[k].end, words[k + 1].start) for k in range(first, last))


def _gap_joinable(text: str, start: int, end: int) -> bool:
    """Spaces and hyphens join words of a phrase; so do the letters of a word the pipeline left
    out (Thai "การ" before a verb), but not a full stop or a comma."""
    if _JOINABLE.fullmatch(text, start, end):
        return True
    gap = text[start:end]
    return len(gap) <= MAX_SKIPPED and all(unicodedata.category(c)[0] in "LM" for c in gap)
