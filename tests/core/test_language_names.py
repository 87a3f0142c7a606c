"""Languages are named in the reader's language, from CLDR through ICU (as country names are),
and lists of names follow the reader's alphabetical order."""

import icu
import pytest
from django.conf import settings
from django.utils import translation

from protectnet.core.languages import collated, language_name


def _cldr(code: str, reader: str) -> str:
    return icu.Locale(code).getDisplayName(icu.Locale(reader))


@pytest.mark.parametrize("reader", ["km", "th", "vi", "lo", "my", "hi", "fil"])
def test_a_language_is_named_in_the_readers_language(reader):
    other = "th" if reader == "km" else "km"
    with translation.override(reader):
        assert language_name(other) == _cldr(other, reader)
    assert language_name("en", reader=reader) == _cldr("en", reader) != "English"


def test_an_english_reader_reads_english_names():
    with translation.override("en"):
        assert [language_name(c) for c in ("km", "my", "fil", "zh-hant")] == [
            "Khmer",
            "Burmese",
            "Filipino",
            "Chinese (Traditional)",
        ]


def test_traditional_chinese_readers_get_hong_kongs_names():
    """The network's member is Hong Kong: Lao is 老撾文 there, 寮文 in Taiwan's usage."""
    assert language_name("lo", reader="zh-hant") == _cldr("lo", "zh_Hant_HK") == "老撾文"


def test_a_site_language_named_in_itself_reads_as_in_the_switcher():
    for code, own_name in settings.LANGUAGES:
        assert language_name(code, reader=code) == own_name


@pytest.mark.parametrize("code", ["xx", "", "qq-zz"])
def test_a_code_cldr_does_not_know_falls_back(code):
    assert language_name(code, reader="km") == code
    assert language_name(code, reader="km", default="Stored name") == "Stored name"


@pytest.mark.parametrize("reader", ["km", "th", "zh-hant", "en"])
def test_names_are_collated_in_the_readers_alphabetical_order(reader):
    codes = ["en", "km", "th", "vi", "lo", "my", "fil", "ms", "id", "zh", "hi", "ta", "fr"]
    collator = icu.Collator.createInstance(
        icu.Locale("zh_Hant_HK" if reader == "zh-hant" else reader)
    )
    with translation.override(reader):
        names = [language_name(c) for c in codes]
        assert collated(names) == sorted(names, key=collator.getSortKey)
        by_code = collated(codes, key=language_name)
    assert [language_name(c, reader=reader) for c in by_code] == collated(names, reader=reader)
