"""Languages are named in the reader's language, from CLDR through ICU (as country names are),
and lists of names follow the reader's alphabetical order. The expected names and orders are
written out (CLDR's, as ICU 72 gives them): a change of ICU or CLDR that renames or reorders
them shows here."""

import pytest
from django.conf import settings
from django.utils import translation

from protectnet.core.languages import collated, language_name

# reader -> (the name of Khmer, or of Thai for a Khmer reader; the name of English)
NAMES = {
    "km": ("th", "ថៃ", "អង់គ្លេស"),
    "th": ("km", "เขมร", "อังกฤษ"),
    "vi": ("km", "Tiếng Khmer", "Tiếng Anh"),
    "lo": ("km", "ຂະເໝນ", "ອັງກິດ"),
    "my": ("km", "ခမာ", "အင်္ဂလိပ်"),
    "hi": ("km", "खमेर", "अंग्रेज़ी"),
    "fil": ("km", "Khmer", "Ingles"),
}


@pytest.mark.parametrize("reader", NAMES)
def test_a_language_is_named_in_the_readers_language(reader):
    other, other_name, english = NAMES[reader]
    with translation.override(reader):
        assert language_name(other) == other_name
    assert language_name("en", reader=reader) == english


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
    assert language_name("lo", reader="zh-hant") == "老撾文"


def test_a_site_language_named_in_itself_reads_as_in_the_switcher():
    for code, own_name in settings.LANGUAGES:
        assert language_name(code, reader=code) == own_name


@pytest.mark.parametrize("code", ["xx", "", "qq-zz"])
def test_a_code_cldr_does_not_know_falls_back(code):
    """language_name's documented fallback: the stored name given as `default`, else the code."""
    assert language_name(code, reader="km") == code
    assert language_name(code, reader="km", default="Stored name") == "Stored name"


CODES = ["en", "km", "th", "vi", "lo", "my", "fil", "ms", "id", "zh", "hi", "ta", "fr"]
# The codes above in the order of their names in the reader's language.
COLLATED = {
    # By consonant, leading vowels aside: เขมร, จีน, ทมิฬ, ไทย, ฝรั่งเศส, พม่า, ฟิลิปปินส์,
    # มาเลย์, ลาว, เวียดนาม, อังกฤษ, อินโดนีเซีย, ฮินดี (sorted() puts every เ and ไ last).
    "th": ["km", "zh", "ta", "th", "fr", "my", "fil", "ms", "lo", "vi", "en", "id", "hi"],
    # By strokes: 中文, 印尼文, 印地文, 老撾文, 法文, 英文, 泰文, 泰米爾文, 馬來文, 高棉文,
    # 菲律賓文, 越南文, 緬甸文.
    "zh-hant": ["zh", "id", "hi", "lo", "fr", "en", "th", "ta", "ms", "km", "fil", "vi", "my"],
    "en": ["my", "zh", "en", "fil", "fr", "hi", "id", "km", "lo", "ms", "ta", "th", "vi"],
}


@pytest.mark.parametrize("reader", COLLATED)
def test_names_are_collated_in_the_readers_alphabetical_order(reader):
    expected = COLLATED[reader]
    with translation.override(reader):
        assert collated(CODES, key=language_name) == expected
        names = [language_name(c) for c in CODES]
        assert collated(names) == [language_name(c) for c in expected]
    # Named and ordered for a reader other than the active one.
    in_readers_language = {c: language_name(c, reader=reader) for c in CODES}
    assert collated(CODES, key=in_readers_language.get, reader=reader) == expected
