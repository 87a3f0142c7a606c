"""Refusals and error answers in the reader's language (issue 13): the input guard's 400 page,
which answers before the session is read, and the API's error messages."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

NUL_SEARCH = "/network/organisations/?q=Test%00Police"


def _in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_input_guard_page_is_in_the_language_of_the_cookie(world):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "km"
    response = client.get(NUL_SEARCH)
    page = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Language"] == "km"
    assert '<html lang="km"' in page
    for text in ("The request could not be accepted", "Null characters are not allowed."):
        assert _in("km", text) != text
        assert _in("km", text) in page
        assert text not in page


def test_input_guard_page_is_in_a_signed_in_members_account_language(world, login):
    member = world.kh_member
    member.language = "th"
    member.save(update_fields=["language"])
    client = login(member)
    client.get("/")  # any page keeps the language cookie in step with the account
    response = client.get(NUL_SEARCH)
    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="th"' in page
    assert _in("th", "Null characters are not allowed.") in page
    assert "Null characters are not allowed." not in page


def test_input_guard_page_follows_the_browser_language(world):
    response = Client().get(NUL_SEARCH, HTTP_ACCEPT_LANGUAGE="my")
    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="my"' in page
    assert _in("my", "The request could not be accepted") in page


def test_api_input_refusal_is_in_the_callers_language(world, api):
    response = api(world.kh_member).get(
        "/api/v1/library/search?q=child%00protection", HTTP_ACCEPT_LANGUAGE="vi"
    )
    body = response.json()
    assert response.status_code == 422
    assert body["detail"] == "Yêu cầu không hợp lệ."
    assert body["errors"][0]["msg"] == _in("vi", "Null characters are not allowed.")
    assert body["code"] == "invalid"  # the codes stay the same in every language


@pytest.mark.parametrize(
    ("language", "detail"),
    [("km", "រកមិនឃើញ។"), ("th", "ไม่พบ"), ("zh-hant", "找不到。"), ("en", "Not found.")],
)
def test_api_not_found_is_in_the_token_users_language(world, api, language, detail):
    member = world.kh_member
    member.language = language
    member.save(update_fields=["language"])
    response = api(member).get("/api/v1/library/resources/987654")
    assert response.status_code == 404
    assert response.json() == {"detail": detail, "code": "not_found"}


def test_api_without_a_token_answers_in_the_browser_language(world):
    response = Client().get("/api/v1/alerts", HTTP_ACCEPT_LANGUAGE="hi")
    assert response.status_code == 401
    assert response.json()["detail"] == "एक मान्य bearer token आवश्यक है।"


def test_every_api_error_message_is_translated():
    """The API's messages are in every catalogue: a language that lacks one answers in English."""
    messages = [
        "Not found.",
        "You do not have permission to do this.",
        "A valid bearer token is required.",
        "The request is not valid.",
        "The data is not valid.",
        "The request could not be read.",
        "Something went wrong.",
        "Too many failed attempts from this address. Try again later.",
        "Too many checks from this address. Try again later.",
        "Unknown host country.",
        "Library materials must be resource numbers or addresses.",
        "The feedback survey opens when the workshop starts.",
        "Send at least one field to change.",
        "Give either after or offset, not both.",
    ]
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            assert [m for m in messages if _in(code, m) == m] == [], code
