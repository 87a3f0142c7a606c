"""One text pipeline for every search of the platform: the library, the directory and the
terminology checker read text and queries through it, so what is stored and what is typed are
always cut and folded the same way.

For matching, a text goes through:
1. NFKC (the Lao ligature ໜ becomes ຫນ, full-width letters become ASCII), and format characters
   removed (the zero-width spaces Khmer word processors insert, soft hyphens, joiners);
2. word segmentation with ICU, whose dictionaries cut Thai, Khmer, Lao, Burmese and Chinese,
   written without spaces between words;
3. each word folded: case folding, Latin diacritics removed (Vietnamese "Đà Nẵng" is "da nang"),
   Thai, Khmer, Lao and Burmese vowel signs kept (they are letters), Traditional Chinese made
   Simplified (OpenCC), apostrophes dropped ("O'Brien" is "obrien");
4. a key for the index: English spelling variants made one (offence/offense,
   organisation/organization) then the Snowball stem of the word's script (English for Latin
   script, Hindi for Devanagari, Tamil); Thai, Lao and Khmer nouns without their nominalising
   prefix; other scripts keep the folded word.

The original text is kept for display: every token remembers where it came from.
"""

import re
import threading
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import icu
import opencc
import Stemmer

# -- characters --------------------------------------------------------------------------------
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "ı": "i"}
_LATIN_MARKS = range(0x0300, 0x0370)
# Format characters (Unicode category Cf: zero-width space and joiners, soft hyphen, bidi marks)
# and Khmer's two invisible vowels, which some keyboards type.
_FORMAT_CHARS = "".join(
    c
    for c in map(chr, [*range(0x10000), *range(0xE0000, 0xE0080)])
    if unicodedata.category(c) == "Cf"
)
_FORMAT = re.compile("[" + re.escape(_FORMAT_CHARS) + "\u17b4\u17b5]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_APOSTROPHES = frozenset("'\u2019\u02bc")


@lru_cache(maxsize=65536)  # a handful of scripts: few distinct characters, folded often
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if ord(c) not in _LATIN_MARKS)
    # Recompose what is left (Thai and Khmer marks keep their canonical form).
    return unicodedata.normalize("NFC", kept).casefold()


_converter = threading.local()


def simplified(text: str) -> str:
    """Traditional Chinese written as Simplified (OpenCC), only where the text has Han."""
    if not _HAN.search(text):
        return text
    converter = getattr(_converter, "t2s", None)
    if converter is None:
        converter = _converter.t2s = opencc.OpenCC("t2s")
    return _HAN.sub(lambda m: converter.convert(m.group(0)), text)


def fold(text: str) -> str:
    """Text for comparing: NFKC, no format characters, case and Latin diacritics folded, Chinese
    made Simplified. Thai, Khmer, Lao and Burmese vowel signs stay: they are letters."""
    cleaned = _FORMAT.sub("", unicodedata.normalize("NFKC", text or ""))
    return simplified("".join(_fold_char(c) for c in cleaned))


def normalise(text: str) -> str:
    """The form stored for display and snippets: NFC, as typed otherwise."""
    return unicodedata.normalize("NFC", text or "")


def fold_words(text: str) -> str:
    """Folded, with runs of white space made one space: for short fields (names, titles)."""
    return " ".join(fold(text).split())


# -- spelling variants and stems ---------------------------------------------------------------
# British and American spellings of the same word get one key (the American one), before
# stemming; the rule runs on indexed words and typed words alike, so over-matching is harmless.
_VARIANT_WORDS = {
    "offence": "offense",
    "offences": "offenses",
    "defence": "defense",
    "defences": "defenses",
    "licence": "license",
    "licences": "licenses",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "acknowledgements": "acknowledgments",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "grey": "gray",
    "enrolment": "enrollment",
    "enrolments": "enrollments",
    "enrol": "enroll",
    "enrols": "enrolls",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "manoeuvre": "maneuver",
    "ageing": "aging",
}
_OUR_STEMS = (
    "behavi colo favo hono labo neighbo harbo humo rumo vigo endeavo savo parlo armo flavo odo "
    "rigo valo vapo tumo savio cando cla fervo splendo"
).split()
_OUR = re.compile(r"^(" + "|".join(_OUR_STEMS) + r")our")
_TRE = re.compile(r"^(cent|met|theat|lit|fib|calib|spect|somb|meag|lust|sab)re(s|d)?$")
_DOUBLE_L = re.compile(r"^(travel|counsel|cancel|label|model|signal|fuel|channel|level|total)l")
_ISE = re.compile(r"^(\w{3,}?)(ys|is)(e|es|ed|ing|er|ers|ation|ations|ational)$")
_AE = re.compile(r"^(p|gyn|an|orthop|h)ae(d|col|sth|m|em)")
_OE = re.compile(r"^(o)e(soph|strog|dem)")


@lru_cache(maxsize=65536)
def us_spelling(word: str) -> str:
    """One spelling for British and American forms of a folded English word."""
    if word in _VARIANT_WORDS:
        return _VARIANT_WORDS[word]
    word = _OUR.sub(r"\1or", word)
    word = _TRE.sub(r"\1er\2", word)
    word = _DOUBLE_L.sub(r"\1", word)
    word = _AE.sub(r"\1e\2", word)
    word = _OE.sub(r"\2", word)
    return _ISE.sub(lambda m: m.group(1) + m.group(2)[0] + "z" + m.group(3), word)


_stemmers = threading.local()  # a PyStemmer object must not be shared between threads


def _stemmer(language: str):
    cache = getattr(_stemmers, "by_language", None)
    if cache is None:
        cache = _stemmers.by_language = {}
    if language not in cache:
        cache[language] = Stemmer.Stemmer(language)
    return cache[language]


def _script_language(word: str) -> str | None:
    """The Snowball stemmer for the script of a word, if Snowball has one for it."""
    first = ord(word[0])
    if first < 0x0250 or 0x1E00 <= first <= 0x1EFF:
        return None if word[0].isdigit() else "english"
    if 0x0900 <= first <= 0x097F:
        return "hindi"
    if 0x0B80 <= first <= 0x0BFF:
        return "tamil"
    return None


# Thai, Lao and Khmer make nouns by a prefix the dictionaries keep inside the word ("การสืบสวน",
# investigation, is one word; "สืบสวน", investigate, another): like a stemmer, the key leaves
# the prefix out, so either form finds the other.
_NOMINAL_PREFIXES = ("การ", "ความ", "ການ", "ຄວາມ", "ការ", "សេចក្តី", "សេចក្ដី", "ភាព")


def _without_nominal_prefix(word: str) -> str:
    for prefix in _NOMINAL_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """The index key of a folded word: its stem where its script has a stemmer."""
    language = _script_language(word)
    if language is None:
        return _without_nominal_prefix(word) if is_unspaced(word) else word
    if language == "english":
        word = us_spelling(word)
    return _stemmer(language).stemWord(word) or word


# -- words -------------------------------------------------------------------------------------
# ICU's rule status of a word segment: numbers 100-199, letters 200-299, kana 300-399, ideographs
# 400-499; below 100 is space or punctuation.
_WORD_STATUS = 100
# Scripts written without spaces: a word typed alone may be the start of a longer dictionary word.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3400-\u9fff]")


class Token(NamedTuple):  # a tuple: a long report makes hundreds of thousands
    word: str  # folded, as typed otherwise: names, prefixes
    key: str  # the stem: what the index stores and queries ask for
    start: int  # where the word is in the original text
    end: int


@lru_cache(maxsize=262144)
def fold_word(segment: str) -> str:
    """One word segment folded; apostrophes and other punctuation inside it dropped."""
    folded = simplified("".join(_fold_char(c) for c in segment))
    return "".join(c for c in folded if c.isalnum() or unicodedata.category(c)[0] == "M")


def _clean(text: str) -> tuple[str, list[int] | None]:
    """NFKC without format characters, and the index in `text` of each character (None when
    nothing changed, the common case, so long English reports cost no map)."""
    if unicodedata.is_normalized("NFKC", text) and not _FORMAT.search(text):
        return text, None
    pieces, origin = [], []
    for index, char in enumerate(text):
        if _FORMAT.match(char):
            continue
        normal = unicodedata.normalize("NFKC", char)
        pieces.append(normal)
        origin.extend([index] * len(normal))
    return "".join(pieces), origin


_breakers = threading.local()


def _breaker():
    breaker = getattr(_breakers, "word", None)
    if breaker is None:
        # The root locale: dictionaries are chosen by script, whatever the locale.
        breaker = _breakers.word = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    return breaker


def _segments(text: str):
    """(start, end) of each word of `text` in Python string indexes."""
    breaker = _breaker()
    breaker.setText(text)
    # ICU counts UTF-16 units: map back when the text has characters beyond the BMP.
    to_index = _utf16_map(text) if _ASTRAL.search(text) else None
    start = breaker.first()
    for end in breaker:
        if breaker.getRuleStatus() >= _WORD_STATUS:
            if to_index is None:
                yield start, end
            else:
                yield to_index[start], to_index[end]
        start = end


def _utf16_map(text: str) -> list[int]:
    mapping = []
    for index, char in enumerate(text):
        mapping.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    mapping.append(len(text))
    return mapping


def tokens(text: str) -> list[Token]:
    """Every word of `text`, folded and stemmed, with its place in `text`."""
    if not text:
        return []
    cleaned, origin = _clean(text)
    segments = list(_segments(cleaned))
    out = []
    for i, (start, end) in enumerate(segments):
        word = fold_word(cleaned[start:end])
        if not word or _prefix_of_next(word, end, segments, i):
            continue
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        out.append(Token(word, stem(word), start, end))
    return out


def _prefix_of_next(word: str, end: int, segments: list, i: int) -> bool:
    """A nominalising prefix the dictionary cut off the word it belongs to ("การ|สืบสวน" alone,
    "การสืบสวน" in a sentence): left out, as the key of the whole word leaves it out."""
    return (
        word in _NOMINAL_PREFIXES
        and i + 1 < len(segments)
        and segments[i + 1][0] == end
        and segments[i + 1][1] - end >= 2
    )


def keys(text: str) -> list[str]:
    """The index keys of `text`, in order (what the search index stores)."""
    return [t.key for t in tokens(text)]


def words(text: str) -> list[str]:
    """The folded words of `text`, not stemmed (names: "Sok" is a prefix of "Sokha")."""
    return [t.word for t in tokens(text)]


def is_unspaced(word: str) -> bool:
    """A word of Thai, Lao, Burmese, Khmer or Chinese, where words are written without spaces."""
    return bool(_UNSPACED.search(word))
