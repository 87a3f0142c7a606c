"""docs/glossary.csv, the glossary the translators of the catalogues follow: it parses, every
language is filled in its own script, TLP labels stay as FIRST wrote them, and no translation
uses a term the project's own terminology lists tell writers to avoid in that language."""

import csv
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from protectnet.access.markings import Marking
from protectnet.terminology.data import read_all
from protectnet.terminology.services import check_text, get_matcher

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.csv"
HEADER = ["key", "en", "km", "vi", "th", "lo", "my", "fil", "hi", "zh-hant", "note"]
LANGUAGES = HEADER[1:-1]
# The terminology lists keep one Chinese list for both scripts.
TERM_LIST = {"zh-hant": "zh"}
# Letters each column may use besides Latin (acronyms such as CSAM, TLP labels).
SCRIPTS = {
    "en": (),
    "vi": (),
    "fil": (),
    "km": ("KHMER",),
    "th": ("THAI",),
    "lo": ("LAO",),
    "my": ("MYANMAR",),
    "hi": ("DEVANAGARI",),
    "zh-hant": ("CJK",),
}
# Hong Kong usage that OpenCC's phrase table would still rewrite (it prefers 儀錶板).
HONG_KONG_USAGE = {"儀表板"}
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
TLP_KEY = re.compile(r"^tlp_")


def _rows() -> list[dict]:
    with open(GLOSSARY, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, strict=True))


ROWS = _rows()


def _translations():
    for row in ROWS:
        for language in LANGUAGES:
            yield row["key"], language, row[language]


def test_the_glossary_parses_with_the_agreed_header_and_size():
    with open(GLOSSARY, encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == HEADER
    assert len(ROWS) >= 80
    assert all(None not in row and len(row) == len(HEADER) for row in ROWS)


def test_keys_are_unique_snake_case():
    keys = [row["key"] for row in ROWS]
    assert len(keys) == len(set(keys))
    assert [k for k in keys if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", k)] == []


def test_every_row_has_every_language_filled():
    empty = [(key, language) for key, language, text in _translations() if not text.strip()]
    assert empty == []


def test_tlp_labels_are_the_first_labels_untranslated_in_every_column():
    tlp = [row for row in ROWS if TLP_KEY.match(row["key"])]
    assert {row["en"] for row in tlp} == {str(label) for label in Marking.labels}
    for row in tlp:
        assert {row[language] for language in LANGUAGES} == {row["en"]}, row["key"]
        assert "FIRST" in row["note"] and "never translated" in row["note"]


def test_each_language_is_written_in_its_own_script_without_invisible_characters():
    wrong = []
    for key, language, text in _translations():
        if INVISIBLE.search(text) or unicodedata.normalize("NFC", text) != text:
            wrong.append((key, language, "invisible or not NFC"))
        allowed = ("LATIN", *SCRIPTS[language])
        for char in text:
            if unicodedata.category(char)[0] in "LM":
                name = unicodedata.name(char, "")
                if not name.startswith(allowed):
                    wrong.append((key, language, char))
    assert wrong == []


def test_the_chinese_column_uses_no_simplified_character():
    to_hong_kong = opencc.OpenCC("s2hk")
    simplified = [
        (row["key"], row["zh-hant"])
        for row in ROWS
        if to_hong_kong.convert(row["zh-hant"]) != row["zh-hant"]
        and row["zh-hant"] not in HONG_KONG_USAGE
    ]
    assert simplified == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checker_flags_a_term_to_avoid_in_each_column_language(language):
    # Proves the next test would see a discouraged term, not pass on an empty list.
    term_list = TERM_LIST.get(language, language)
    row = next(r for r in read_all() if r["language"] == term_list and r["severity"] == "avoid")
    variant = row["variants"].splitlines()[0]
    findings = check_text(variant)
    assert [(f.language, f.blocking) for f in findings] == [(term_list, True)]


@pytest.mark.django_db
def test_no_translation_uses_a_term_the_terminology_lists_mark_to_avoid():
    matcher = get_matcher()
    flagged = []
    for key, language, text in _translations():
        own = {TERM_LIST.get(language, language), "en"}  # English loan words in any column
        for finding in check_text(text, matcher=matcher):
            if finding.blocking and finding.language in own:
                flagged.append((key, language, finding.matched, finding.term))
    assert flagged == []
