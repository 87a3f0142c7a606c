"""The matcher: compiled once from the term list, then run over any amount of text.

Why not one big regular expression: Python's `re` tries every alternative at every position, so a
list of ~400 phrases over a 50-page text costs seconds. Instead we index the phrases by the first
letters of their first word and only try the few candidates that could start at each word.

Steps for one text:
1. normalise: drop soft hyphens and typographic hyphenation at line ends ("pornog-\\nraphy"),
   keeping a map back to the original offsets;
2. at each word, try the phrases whose first letters fit (case-insensitive, any run of spaces,
   hyphens or line breaks between words, plural and inflected forms of every word);
3. keep the longest of overlapping matches, drop those inside a preferred term ("non-consensual"),
   apply the near-child-words rule and lower the severity inside quotations and law titles.
"""

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

SEVERITIES = ("avoid", "use_with_care", "info")
LOWER = {"avoid": "use_with_care", "use_with_care": "info", "info": "info"}
NEAR_WINDOW = 12  # words either side for `near_child_terms` entries

# Between two words of a phrase: nothing (a joined compound), or spaces, line breaks and hyphens.
SEP = r"[\s\-\u2010\u2011\u2012\u2013\u2014/]*"
_WORD = re.compile(r"\w+")
# Hyphenation at a line end between letters, and soft hyphens: removed before matching.
_HYPHENATION = re.compile(r"[\-\u2010\u2011][ \t]*\r?\n[ \t]*|\u00ad")

IRREGULAR = {
    "child": ("children",),
    "man": ("men",),
    "woman": ("women",),
    "wife": ("wives",),
    "person": ("people", "persons"),
    "kid": ("kids", "kiddie", "kiddies", "kiddy"),
}
_APOSTROPHES = "['\u2019]"

# Words that put a `near_child_terms` variant into child-protection context.
CHILD_WORDS = frozenset(
    """
    child children childs childhood kid kids minor minors girl girls boy boys pupil pupils
    student students schoolgirl schoolgirls schoolboy schoolboys teen teens teenage teenager
    teenagers adolescent adolescents juvenile juveniles youth youths underage infant infants baby
    babies toddler toddlers daughter daughters son sons niece nephew orphan orphans
    abuse abused abuses abusing abuser abusers abusive exploitation exploited exploit exploits
    exploiting exploiter exploiters exploitative groom grooms grooming groomed groomer rape raped
    molest molested molestation trafficking trafficked csam csem cse csea osaec cefm secc sectt
    victim victims
    """.split()
)
_AGE = re.compile(r"^(?:\d{1,2}|under)$")  # "14-year-old", "under-18" are handled below

QUOTE_SPANS = re.compile(
    r"\"[^\"]{1,600}\"|\u201c[^\u201d]{1,600}\u201d|\u201e[^\u201c\u201d]{1,600}[\u201c\u201d]"
    r"|\u00ab[^\u00bb]{1,600}\u00bb|\u2018[^\u2019]{1,600}\u2019|(?<!\w)'[^'\n]{1,300}'(?!\w)"
)
# Titles of laws, treaties and offices that still use the old wording (they may be quoted).
KNOWN_TITLES = re.compile(
    r"Optional\s+Protocol[^.;]{0,200}?child\s+pornography"
    r"|Special\s+Rapporteur\s+on\s+the\s+sale[^.;]{0,120}?child\s+pornography"
    r"|Directive\s+2011/93/EU[^.;]{0,200}?child\s+pornography"
    r"|End\s+Child\s+Prostitution[^.;]{0,120}?Sexual\s+Purposes"
    r"|Crimes\s*\(\s*Child\s+Sex\s+Tourism\s*\)\s*Amendment\s+Act"
    r"|Becoming\s+Sweetie",
    re.IGNORECASE,
)
LEGAL_WORDS = re.compile(
    r"\b(?:Act|Acts|Law|Laws|Code|Convention|Protocol|Directive|Decree|Statute|Ordinance|"
    r"Regulation|Bill|Treaty|Rapporteur|Article|Art|Section|Chapter|Resolution|Declaration|"
    r"Charter|Category|CyberTipline|RA|Republic)\b"
)
_SMALL = frozenset("a an and as at by for in of on or the to with from".split())


@dataclass(frozen=True)
class Entry:
    """One term of the list, as the matcher needs it."""

    key: str  # the term's label
    variants: tuple[str, ...]
    preferred: tuple[str, ...]
    reason: str
    exceptions: str
    severity: str
    context: str  # "always" | "near_child_terms"
    source: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry
    severity: str
    quoted: bool


def word_forms(word: str) -> list[str]:
    """Plural, verb and possessive forms of one word (over-generation is harmless: non-words)."""
    w = word.lower()
    forms = {w, *IRREGULAR.get(w, ())}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    elif len(w) > 2 and w.endswith("y") and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    else:
        forms.add(w + "s")
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    elif len(w) > 2:
        forms |= {w + "ed", w + "ing"}
    if w.endswith("ion"):
        forms.add(w + "s")
    possessive = {re.escape(f) + _APOSTROPHES + "s" for f in forms if not f.endswith("s")}
    possessive |= {re.escape(f) + _APOSTROPHES for f in forms if f.endswith("s")}
    escaped = sorted((re.escape(f) for f in forms), key=len, reverse=True)
    return sorted(possessive, key=len, reverse=True) + escaped


def word_pattern(word: str) -> str:
    # Line-end hyphenation inside a word is removed by normalise() before matching.
    return "(?:" + "|".join(word_forms(word)) + ")"


def phrase_pattern(phrase: str) -> str:
    words = _WORD.findall(phrase)
    return SEP.join(word_pattern(w) for w in words) + r"(?!\w)"


def _phrase_key(phrase: str) -> str:
    """The first two letters of the first word (one, for a one-letter word)."""
    return _WORD.findall(phrase)[0].lower()[:2]


def _starts_regex(index) -> re.Pattern | None:
    """Where a phrase could begin: a word starting with one of the keys (one scan, in C)."""
    keys = sorted(index, key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + ")", re.IGNORECASE)


class Matcher:
    """A compiled term list. Immutable once built; safe to share between threads."""

    def __init__(
        self,
        entries: list[Entry],
        *,
        safe_phrases: list[str] = (),
        rules: Callable[[str], list[tuple[int, int, Entry]]] | None = None,
    ):
        self.entries = entries
        self._rules = rules
        by_key: dict[str, list[tuple[str, Entry]]] = {}
        for entry in entries:
            for variant in entry.variants:
                if _WORD.search(variant):
                    by_key.setdefault(_phrase_key(variant), []).append((variant, entry))
        self._index = self._compile(by_key)
        safe: dict[str, list[tuple[str, Entry | None]]] = {}
        for phrase in {p for p in safe_phrases if _WORD.search(p)}:
            safe.setdefault(_phrase_key(phrase), []).append((phrase, None))
        self._safe = self._compile(safe)
        self._starts = _starts_regex(self._index)

    @staticmethod
    def _compile(by_key) -> dict[str, tuple[re.Pattern, list]]:
        index = {}
        for key, items in by_key.items():
            # Longest phrases first, so the alternation prefers "child pornography offender".
            items.sort(key=lambda item: len(item[0]), reverse=True)
            patterns, owners, seen = [], [], set()
            for variant, entry in items:
                pattern = phrase_pattern(variant)
                if pattern in seen:
                    continue
                seen.add(pattern)
                patterns.append(f"({pattern})")
                owners.append(entry)
            index[key] = (re.compile("|".join(patterns), re.IGNORECASE), owners)
        return index

    # -- the run -------------------------------------------------------------------------------
    def find(self, text: str, *, include_info: bool = False) -> list[Hit]:
        if not text:
            return []
        norm, to_original = normalise(text)
        raw = self._raw_hits(norm, include_info)
        if self._rules is not None:
            raw += self._rules(norm)
        if not raw:
            return []
        # Context first, so a near-child phrase that does not apply cannot hide an overlapping one.
        raw = [
            h
            for h in raw
            if h[2].context != "near_child_terms"
            or (not _proper_name(norm, h[0], h[1]) and _near_child(norm, h[0], h[1]))
        ]
        kept = _longest_first(raw)
        quoted_spans = _quoted_spans(norm)
        title_spans = [(m.start(), m.end()) for m in KNOWN_TITLES.finditer(norm)]
        hits = []
        for start, end, entry in kept:
            if self._inside_safe_phrase(norm, start, end):
                continue
            end = _without_closing_quote(norm, quoted_spans, start, end)
            quoted = (
                _in_spans(quoted_spans, start, end)
                or _within(title_spans, start, end)
                or _in_titled_words(norm, start, end)
            )
            severity = LOWER[entry.severity] if quoted else entry.severity
            hits.append(Hit(to_original(start), to_original(end), entry, severity, quoted))
        return hits

    def _raw_hits(self, norm: str, include_info: bool):
        found = []
        if self._starts is None:
            return found
        for start in self._starts.finditer(norm):
            m, entry = _match_at(self._index, norm, start.start())
            if m is None or (entry.severity == "info" and not include_info):
                continue
            found.append((m.start(), m.end(), entry))
        return found

    def _inside_safe_phrase(self, norm: str, start: int, end: int) -> bool:
        """Inside a preferred term that contains a flagged word ("non-consensual")."""
        for w in _WORD.finditer(norm, max(0, start - 80), start + 1):
            if w.start() and norm[w.start() - 1].isalnum():
                continue  # the window began inside a word
            m, _ = _match_at(self._safe, norm, w.start())
            if m is not None and m.start() <= start and end <= m.end():
                return True
        return False


def _match_at(index, norm: str, pos: int):
    """The phrase of the index that starts at this word, if any (key: its first letters)."""
    lowered = norm[pos : pos + 2].lower()
    for key in (lowered, lowered[:1]):
        candidate = index.get(key)
        if candidate is None:
            continue
        regex, owners = candidate
        m = regex.match(norm, pos)
        if m is not None:
            return m, owners[m.lastindex - 1]
    return None, None


def normalise(text: str):
    """Remove soft hyphens and line-end hyphenation; return the text and an offset mapper."""
    removed: list[tuple[int, int]] = []  # (position in normalised text, total removed so far)
    parts, last, total = [], 0, 0
    for m in _HYPHENATION.finditer(text):
        if not _between_letters(text, m.start(), m.end()):
            continue
        parts.append(text[last : m.start()])
        total += m.end() - m.start()
        removed.append((m.start() - (total - (m.end() - m.start())), total))
        last = m.end()
    if not removed:
        return text, lambda i: i
    parts.append(text[last:])
    norm = "".join(parts)
    positions = [p for p, _ in removed]

    def to_original(i: int) -> int:
        # Characters at or after a removal point moved left by the removed amount.
        k = bisect.bisect_right(positions, i) - 1
        return i + (removed[k][1] if k >= 0 else 0)

    return norm, to_original


def _between_letters(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()


def _longest_first(raw):
    """Keep the longest of overlapping matches ("child sex tourist" over "sex tourist")."""
    raw.sort(key=lambda h: (h[0], h[0] - h[1]))
    kept: list = []
    for hit in raw:
        if kept and hit[0] < kept[-1][1]:
            if hit[1] - hit[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = hit  # the one before ended before kept[-1] began: no new overlap
            continue
        kept.append(hit)
    return kept


def _proper_name(norm: str, start: int, end: int) -> bool:
    """A capitalised common word inside a sentence is a name: "John", the child's uncle."""
    word = norm[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    before = norm[max(0, start - 20) : start].rstrip(" \t\"'\u201c\u2018(")
    return bool(before) and before[-1] not in ".!?:;\n"


def _is_child_word(words: list[str], i: int) -> bool:
    word = words[i].lower()
    if word in CHILD_WORDS:
        return True
    if word in ("year", "years") and i and _AGE.match(words[i - 1].lower()):
        return True  # "a 14-year-old", "14 years old"
    return word == "18" and i > 0 and words[i - 1].lower() == "under"


def _near_child(norm: str, start: int, end: int) -> bool:
    """A child or abuse word among the match and the NEAR_WINDOW words either side. Words are
    read from a character window around the match, so the cost does not grow with the text."""
    reach = NEAR_WINDOW * 32
    before = _WORD.findall(norm, max(0, start - reach), start)[-(NEAR_WINDOW + 1) :]
    inside = _WORD.findall(norm, start, end)
    after = _WORD.findall(norm, end, end + reach)[:NEAR_WINDOW]
    words = before + inside + after
    return any(_is_child_word(words, i) for i in range(len(words)))


def _quoted_spans(norm: str) -> list[tuple[int, int]]:
    if not any(q in norm for q in "\"'\u201c\u201e\u00ab\u2018"):
        return []
    return [(m.start(), m.end()) for m in QUOTE_SPANS.finditer(norm)]


def _in_spans(spans, start: int, end: int) -> bool:
    # Spans come from one left-to-right scan: sorted and disjoint.
    k = bisect.bisect_left(spans, (start, -1)) - 1
    return k >= 0 and spans[k][0] < start and end < spans[k][1]


def _without_closing_quote(norm: str, spans, start: int, end: int) -> int:
    """A plural's possessive apostrophe ("tourists'") that is in fact the closing quotation mark
    of 'child sex tourists' is left out of the match, so the match counts as quoted."""
    if end - start < 2 or norm[end - 1] not in "'\u2019":
        return end
    k = bisect.bisect_left(spans, (start, -1)) - 1
    closes = k >= 0 and spans[k][0] < start and spans[k][1] == end
    return end - 1 if closes else end


def _within(spans, start: int, end: int) -> bool:
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def _in_titled_words(norm: str, start: int, end: int) -> bool:
    """Title Case words next to a legal word: "the Anti-Child Pornography Act of 2009"."""
    words = [w for w in _WORD.findall(norm[start:end]) if w.lower() not in _SMALL]
    if not words or not all(w[:1].isupper() for w in words) or all(w.isupper() for w in words):
        return False
    window = norm[max(0, start - 60) : min(len(norm), end + 60)]
    return LEGAL_WORDS.search(window) is not None
