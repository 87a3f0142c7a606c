"""What a library query asks for: words, "quoted phrases" and prefixes*, cut and folded by the one
text pipeline (core/text.py) exactly as the documents were.

A run of words written without spaces (Thai, Khmer, Lao, Burmese, Chinese) is a phrase of the
words the dictionary finds in it; its last word may begin a longer dictionary word, so it is
matched as a prefix ("ประเทศ" finds "ประเทศไทย").
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from protectnet.core import text as pipeline

MAX_QUERY_CHARS = 500
MAX_ELEMENTS = 8
MAX_PHRASE_WORDS = 16  # the index chunks overlap by as many words
_QUOTED = re.compile(r"[\"\u201c\u201d\u201e](.*?)(?:[\"\u201c\u201d\u201e]|$)")


@dataclass(frozen=True)
class Element:
    """One thing every hit must contain: a word, or a phrase (its keys in order)."""

    keys: tuple[str, ...]
    prefix: bool = False  # the last key is a folded word that may begin a longer word

    def fts5(self, *, title_only: bool = False) -> str:
        expression = '"' + " ".join(self.keys) + '"' + ("*" if self.prefix else "")
        return "{title} : " + expression if title_only else expression

    def tsquery(self, *, title_only: bool = False) -> str:
        weight = "A" if title_only else ""
        parts = []
        for index, key in enumerate(self.keys):
            star = "*" if self.prefix and index == len(self.keys) - 1 else ""
            label = star + weight
            quoted = "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"
            parts.append(quoted + (":" + label if label else ""))
        return " <-> ".join(parts)


@dataclass(frozen=True)
class Query:
    text: str
    elements: tuple[Element, ...]
    cut: bool = False  # more words were typed than are searched for

    def __bool__(self) -> bool:
        return bool(self.elements)

    @property
    def wordless(self) -> bool:
        """Something was typed, but no word in it (only punctuation or symbols)."""
        return bool(self.text.strip()) and not self.elements

    @property
    def notice(self) -> str:
        if self.wordless:
            return _("There is no word to look for in your search: type letters or digits.")
        if self.cut:
            return _("Only the first %(n)d words or phrases of your search were used.") % {
                "n": MAX_ELEMENTS
            }
        return ""

    @property
    def marks(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """What a snippet highlights: index keys, and folded prefixes."""
        keys, prefixes = set(), []
        for element in self.elements:
            keys.update(element.keys[:-1] if element.prefix else element.keys)
            if element.prefix:
                prefixes.append(element.keys[-1])
        return frozenset(keys), tuple(prefixes)


def _element(raw: str, *, quoted: bool) -> Element | None:
    star = raw.rstrip().endswith("*") and not quoted
    found = pipeline.tokens(raw)[:MAX_PHRASE_WORDS]
    if not found:
        return None
    last = found[-1]
    unspaced = pipeline.is_unspaced(last.word)
    prefix = star or (unspaced and len(last.word) > 1 and not quoted)
    # A typed prefix is matched as typed ("investig*"); in a script without spaces the key is
    # already the word as written, less a nominalising prefix the index leaves out too.
    keys = [t.key for t in found[:-1]] + [last.key if unspaced or not star else last.word]
    return Element(tuple(keys), prefix)


def parse(query: str) -> Query:
    """The elements of a query; words beyond the first eight are ignored."""
    text = (query or "").replace("\x00", "")[:MAX_QUERY_CHARS]
    elements: list[Element | None] = []
    for m in _QUOTED.finditer(text):
        elements.append(_element(m.group(1), quoted=True))
    rest = _QUOTED.sub(" ", text)
    for raw in rest.split():
        elements.append(_element(raw, quoted=False))
    unique = list(dict.fromkeys(e for e in elements if e is not None))
    cut = len(unique) > MAX_ELEMENTS or len(query or "") > MAX_QUERY_CHARS
    return Query(text, tuple(unique[:MAX_ELEMENTS]), cut)
