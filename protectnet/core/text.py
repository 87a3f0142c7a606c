"""Folding text for search, one way for every app: lower case, Latin diacritics removed, offsets
kept. The library's index and the directory fold what they store and what is typed with it.

Only the Combining Diacritical Marks block (U+0300-U+036F) is removed: that is what Vietnamese
(and French, ...) put on Latin letters. Thai, Khmer, Lao and Burmese vowel signs are combining
marks too, but they are letters of those scripts, so they stay (the directory used to drop
them, so "សុខា" matched "សខ").
"""

import unicodedata
from functools import lru_cache

_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss"}
_LATIN_MARKS = range(0x0300, 0x0370)


@lru_cache(maxsize=65536)  # a handful of scripts: few distinct characters, folded often
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    kept = "".join(c for c in decomposed if ord(c) not in _LATIN_MARKS)
    # Recompose what is left (Thai and Khmer marks keep their canonical form).
    return unicodedata.normalize("NFC", kept).lower()


def fold(text: str) -> str:
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text or ""))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each folded character the index of the character it came from.

    `text` must already be NFC (search documents are stored that way).
    """
    pieces, origin = [], []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def normalise(text: str) -> str:
    """The form stored for display and snippets: NFC, so offsets match fold_with_offsets."""
    return unicodedata.normalize("NFC", text or "")


def fold_words(text: str) -> str:
    """Folded, with runs of white space made one space: for short fields (names, titles)."""
    return " ".join(fold(text).split())
