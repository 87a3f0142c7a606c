"""Pydantic's per-field validation messages in the reader's language (protectnet/api/validation.py):
`msg` is translated, `type`, `loc` and `ctx` stay as they were, and English readers get
pydantic's own text."""

import json

import pytest
from django.utils import translation

from protectnet.api import validation


def _in(language: str, text: str, **values) -> str:
    with translation.override(language):
        return translation.gettext(text) % values if values else translation.gettext(text)


def _reader(world, language: str):
    member = world.admin
    member.language = language
    member.save(update_fields=["language"])
    return member


def _errors(client, method: str, url: str, body=None) -> list[dict]:
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, json.dumps(body), "application/json")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    return response.json()["errors"]


CHECK = ("post", "/api/v1/terminology/check", {"include_info": "maybe"})
PAGING = ("get", "/api/v1/countries?limit=0&offset=x", None)
ORGANISATION = ("post", "/api/v1/organisations", {"name": "", "sector": "ngo", "country": 5})


@pytest.mark.parametrize("language", ["km", "th"])
def test_missing_and_unreadable_fields_are_named_in_the_readers_language(world, api, language):
    errors = _errors(api(_reader(world, language)), *CHECK)
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("missing", ["body", "payload", "text"]),
        ("bool_parsing", ["body", "payload", "include_info"]),
    ]
    assert [e["msg"] for e in errors] == [
        _in(language, "Field required"),
        _in(language, "Input should be a valid boolean"),
    ]


@pytest.mark.parametrize("language", ["km", "th"])
def test_bounds_and_lengths_carry_their_numbers_in_the_readers_language(world, api, language):
    client = api(_reader(world, language))
    limit, offset = _errors(client, *PAGING)
    assert (limit["type"], limit["loc"], limit["ctx"]) == (
        "greater_than_equal",
        ["query", "limit"],
        {"ge": 1},
    )
    assert limit["msg"] == _in(language, "Input should be greater than or equal to %(ge)s", ge=1)
    assert (offset["type"], offset["loc"]) == ("int_parsing", ["query", "offset"])
    assert offset["msg"] == _in(language, "Input should be a valid integer")
    name, country = _errors(client, *ORGANISATION)
    assert (name["type"], name["ctx"]) == ("string_too_short", {"min_length": 1})
    with translation.override(language):
        expected = translation.ngettext(
            "String should have at least %(min_length)d character",
            "String should have at least %(min_length)d characters",
            1,
        ) % {"min_length": 1}
    assert name["msg"] == expected
    assert (country["type"], country["loc"]) == ("string_type", ["body", "payload", "country"])


@pytest.mark.parametrize("language", ["km", "th"])
def test_a_validators_own_refusal_is_in_the_readers_language(world, api, language):
    (error,) = _errors(api(_reader(world, language)), "get", "/api/v1/organisations?q=!!")
    text = "Type at least one letter or digit to search."
    assert (error["type"], error["loc"]) == ("value_error", ["query", "q"])
    assert error["msg"] == _in(language, text) != text


def test_an_english_reader_gets_pydantics_messages_unchanged(world, api):
    client = api(_reader(world, "en"))
    assert [e["msg"] for e in _errors(client, *CHECK)] == [
        "Field required",
        "Input should be a valid boolean, unable to interpret input",
    ]
    assert [e["msg"] for e in _errors(client, *PAGING)] == [
        "Input should be greater than or equal to 1",
        "Input should be a valid integer, unable to parse string as an integer",
    ]
    (error,) = _errors(client, "get", "/api/v1/organisations?q=!!")
    assert error["msg"] == "Value error, Type at least one letter or digit to search."


def test_the_error_entries_keep_their_keys_in_every_language(world, api):
    english = _errors(api(_reader(world, "en")), *ORGANISATION)
    khmer = _errors(api(_reader(world, "km")), *ORGANISATION)
    assert [sorted(e) for e in khmer] == [sorted(e) for e in english]
    assert [{k: v for k, v in e.items() if k != "msg"} for e in khmer] == [
        {k: v for k, v in e.items() if k != "msg"} for e in english
    ]


def test_fixed_choices_are_listed_with_the_readers_word_for_or():
    error = {"type": "literal_error", "loc": ["body", "payload", "mode"], "msg": "x"}
    error["ctx"] = {"expected": "'in_person', 'online' or 'blended'"}
    with translation.override("th"):
        (translated,) = validation.translated([error])
    assert translated["msg"] == _in(
        "th", "Input should be %(expected)s", expected="'in_person', 'online' หรือ 'blended'"
    )
    assert {k: v for k, v in translated.items() if k != "msg"} == {
        k: v for k, v in error.items() if k != "msg"
    }


SAMPLE_CONTEXT = {
    "min_length": 2,
    "max_length": 3,
    "actual_length": 4,
    "gt": 0,
    "ge": 1,
    "lt": 9,
    "le": 8,
    "expected": "'a' or 'b'",
    "error": "refused",
}


def test_every_message_formats_in_every_language(settings):
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for kind, message in validation.MESSAGES.items():
                assert message(SAMPLE_CONTEXT), (code, kind)


def test_an_unknown_type_or_a_missing_context_keeps_pydantics_message():
    errors = [
        {"type": "url_parsing", "loc": ["body", "x"], "msg": "Input should be a valid URL"},
        {"type": "greater_than_equal", "loc": ["query", "limit"], "msg": "original"},
        {"cursor": "Invalid Cursor"},
    ]
    with translation.override("km"):
        assert validation.translated(errors) == errors
