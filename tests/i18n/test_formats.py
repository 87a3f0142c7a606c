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


@pytest.mark.parametrize(
    ("language", "date", "short", "weekday"),
    [
        ("my", "4 မတ် 2025", "4 မတ်", "အင်္ဂါ"),
        ("km", "4 មីនា 2025", "4 មីនា", "អង្គារ"),
        ("lo", "04/03/2025", "4 ມ.ນ.", "ອັງຄານ"),
        ("fil", "Mar 4, 2025", "4 Mar", "Mar"),
    ],
)
def test_month_and_weekday_names_in_the_language(language, date, short, weekday):
    """Django has no Burmese month names, no short Khmer weekdays and nothing in Lao or Filipino:
    the project's catalogues give them (protectnet/core/date_names.py)."""
    with translation.override(language):
        assert formats.date_format(MOMENT) == date
        assert formats.date_format(MOMENT, "j M") == short
        assert formats.date_format(MOMENT, "D") == weekday
        assert formats.date_format(MOMENT, "F") != "March"


def test_every_language_names_every_month_and_weekday():
    from django.utils import dates

    from protectnet.core import date_names

    assert date_names.MONTHS == tuple(str(n) for n in dates.MONTHS.values())
    assert date_names.MONTHS_3 == tuple(str(n) for n in dates.MONTHS_3.values())
    assert date_names.WEEKDAYS == tuple(str(n) for n in dates.WEEKDAYS.values())
    assert date_names.WEEKDAYS_ABBR == tuple(str(n) for n in dates.WEEKDAYS_ABBR.values())
    names = [*date_names.MONTHS, *date_names.MONTHS_3, *date_names.WEEKDAYS]
    names += date_names.WEEKDAYS_ABBR
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        with translation.override(code):
            # Filipino writes March short as English does ("Mar"), and so May ("may").
            same = {"may", "mar"} if code == "fil" else {"may"}
            english = [n for n in names if translation.gettext(n) == n and n not in same]
        assert english == [], f"{code}: {english}"
