"""Dates, times and numbers in each language's own way: one date format per language, from
protectnet/core/formats/<locale>/formats.py (Lao and Filipino have no data in Django itself)."""

import importlib
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import to_locale

MOMENT = datetime(2025, 3, 4, 9, 5, tzinfo=UTC)


@pytest.fixture
def catalogues_for(tmp_path, settings):
    """Django applies a language's formats only once the language has a catalogue (until the
    translators deliver one, Lao and Filipino have none): an empty catalogue stands in for it."""

    def _make(*languages):
        for language in languages:
            folder = tmp_path / to_locale(language) / "LC_MESSAGES"
            folder.mkdir(parents=True)
            (folder / "django.mo").write_bytes(_EMPTY_MO)
        # Django's setting_changed handler forgets which catalogues exist.
        settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
        formats.reset_format_cache()

    yield _make
    formats.reset_format_cache()


# A GNU catalogue with no messages: magic, revision, count 0, both tables at offset 28.
_EMPTY_MO = (
    (0x950412DE).to_bytes(4, "little")
    + (0).to_bytes(4, "little") * 2
    + (28).to_bytes(4, "little") * 2
    + (0).to_bytes(4, "little") * 2
)


def test_every_language_has_its_own_format_module():
    for code, _name in settings.LANGUAGES:
        module = importlib.import_module(f"protectnet.core.formats.{to_locale(code)}.formats")
        assert module.DATE_FORMAT == module.SHORT_DATE_FORMAT, code
        assert module.DATETIME_FORMAT.startswith(module.DATE_FORMAT), code


@pytest.mark.parametrize(
    ("language", "date", "moment", "number"),
    [
        ("lo", "04/03/2025", "04/03/2025, 09:05", "1234,5"),
        ("fil", "Mar 4, 2025", "Mar 4, 2025, 09:05", "1234.5"),
    ],
)
def test_lao_and_filipino_get_their_own_formats(catalogues_for, language, date, moment, number):
    catalogues_for(language)
    with translation.override(language):
        modules = [m.__name__ for m in formats.get_format_modules(language)]
        assert modules[0] == f"protectnet.core.formats.{language}.formats"
        assert formats.date_format(MOMENT) == date
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == moment
        assert formats.number_format(1234.5, 1) == number


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("en", "4 Mar 2025"),
        ("vi", "4 thg 3, 2025"),
        ("th", "4 มีนาคม 2025"),
        ("hi", "4 मार्च 2025"),
        ("zh-hant", "2025年3月4日"),
    ],
)
def test_dates_per_language(language, date):
    with translation.override(language):
        assert formats.date_format(MOMENT) == date


def test_hindi_groups_digits_in_lakhs(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override("hi"):
        assert formats.number_format(1234567.5, 1) == "12,34,567.5"
