"""The country-name catalogues generated from CLDR (manage.py country_names), and the order of
country choices in the reader's alphabet."""

from io import StringIO
from pathlib import Path

import icu
import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import to_locale

from protectnet.core import country_names
from protectnet.core.country_names import country_choices


def _committed(language: str) -> Path:
    return country_names.DIRECTORY / to_locale(language) / "LC_MESSAGES" / "django.po"


def test_every_generated_language_has_a_committed_catalogue_naming_its_source():
    for language in country_names.LANGUAGES:
        header = _committed(language).read_text(encoding="utf-8").split("\n\n")[0]
        assert "Unicode CLDR" in header and "X-Generator: manage.py country_names" in header
        assert f'"Language: {to_locale(language)}\\n"' in header


def test_running_the_generator_again_changes_nothing(tmp_path):
    committed = _committed("km").read_text(encoding="utf-8")
    if f"ICU {icu.ICU_VERSION})" not in committed:
        pytest.skip(f"the catalogues were generated with another ICU than {icu.ICU_VERSION}")
    call_command("country_names", output=tmp_path, stdout=StringIO())
    for language in country_names.LANGUAGES:
        fresh = tmp_path / to_locale(language) / "LC_MESSAGES" / "django.po"
        assert fresh.read_bytes() == _committed(language).read_bytes(), language


def test_names_keep_the_length_django_countries_chose_in_english():
    """ "Hong Kong", not CLDR's full "Hong Kong SAR China"; "United Kingdom", not "UK"."""
    catalogue = country_names.catalogue("th")
    short = icu.LocaleDisplayNames.createInstance(
        icu.Locale("th"), [icu.UDisplayContext.LENGTH_SHORT]
    )
    assert f'msgid "Hong Kong"\nmsgstr "{short.regionDisplayName("HK")}"' in catalogue
    full = icu.Locale("", "GB").getDisplayCountry(icu.Locale("th"))
    assert f'msgid "United Kingdom"\nmsgstr "{full}"' in catalogue


@pytest.mark.parametrize("language", ["km", "th", "zh-hant", "en"])
def test_country_choices_are_in_the_readers_alphabetical_order(language):
    collator = icu.Collator.createInstance(icu.Locale(to_locale(language)))
    with translation.override(language):
        choices = country_choices()
        names = [name for _code, name in choices]
        assert dict(choices)["GB"] == str(translation.gettext("United Kingdom"))
    assert names == sorted(names, key=collator.getSortKey)
    assert len(choices) == len(set(code for code, _name in choices)) > 240


def test_traditional_chinese_names_are_hong_kongs_not_taiwans():
    """django-countries files Taiwan's usage under zh_Hant; the network's member is Hong Kong."""
    import gettext

    import django_countries

    shipped = gettext.translation(
        "django", Path(django_countries.__file__).parent / "locale", languages=["zh_Hant"]
    ).gettext("Belarus")
    hong_kong = icu.Locale("", "BY").getDisplayCountry(icu.Locale("zh_Hant_HK"))
    assert shipped != hong_kong  # the case this guards: the two usages differ for Belarus
    with translation.override("zh-hant"):
        assert str(translation.gettext("Belarus")) == hong_kong
