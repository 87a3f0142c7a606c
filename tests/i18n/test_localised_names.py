"""Country names follow the reader's language: django-countries' own catalogues, and for the
languages it lacks (Khmer, Lao, Burmese, Hindi, Filipino, and Thai, which it files under th_TH
where Django never looks) the catalogues generated from CLDR (protectnet/locale_countries)."""

import icu
import pytest
from django.utils import translation
from django_countries import countries

from tests import factories as f


def _cldr(code: str, language: str) -> str:
    return icu.Locale("", code).getDisplayCountry(icu.Locale(language))


def test_a_thai_reader_sees_country_names_in_thai(world, login):
    member = world.th_member
    member.language = "th"
    member.save(update_fields=["language"])
    page = login(member).get("/network/organisations/").content.decode()
    assert "กัมพูชา" in page and ">Cambodia<" not in page
    assert _cldr("GB", "th") in page and ">United Kingdom<" not in page


def test_an_english_reader_sees_them_in_english(world, login):
    page = login(world.th_member).get("/network/organisations/").content.decode()
    assert ">Cambodia<" in page


@pytest.mark.parametrize("language", ["km", "lo", "my", "hi", "fil"])
def test_the_countries_api_names_countries_in_the_token_users_language(world, api, language):
    f.CountryFactory(code="PH", region="south_east_asia")
    member = world.kh_member
    member.language = language
    member.save(update_fields=["language"])
    response = api(member).get("/api/v1/countries")
    assert response.status_code == 200
    names = {item["code"]: item["name"] for item in response.json()["items"]}
    for code in ("KH", "GB", "PH"):
        assert names[code] == _cldr(code, language), (code, language)
    # CLDR's Filipino names of Cambodia and the United Kingdom are the English ones.
    differing = ("PH",) if language == "fil" else ("KH", "GB", "PH")
    with translation.override("en"):
        for code in differing:
            assert names[code] != countries.name(code), (code, language)


def test_a_khmer_reader_sees_the_united_kingdom_in_khmer_on_pages(world, login):
    member = world.kh_member
    member.language = "km"
    member.save(update_fields=["language"])
    page = login(member).get("/network/organisations/").content.decode()
    assert _cldr("GB", "km") in page and ">United Kingdom<" not in page
