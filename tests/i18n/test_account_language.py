"""A member's pages are in the language stored on their account: taken from the browser on the
first sign-in, changed from the switcher on every page or from the account page."""

import re

from django.conf import settings

from tests import factories as f


def _html_lang(response) -> str:
    assert response.status_code == 200
    return re.search(r'<html lang="([\w-]+)"', response.content.decode()).group(1)


def _sign_in(client, user, **headers):
    response = client.post(
        "/accounts/login/", {"email": user.email, "password": f.PASSWORD}, headers=headers
    )
    assert response.status_code == 302
    return response


def test_first_sign_in_stores_the_browsers_language_and_the_dashboard_follows_it(world, client):
    member = world.kh_member
    assert member.language == ""
    _sign_in(client, member, accept_language="th-TH,th;q=0.9,en;q=0.5")
    member.refresh_from_db()
    assert member.language == "th"
    # Later requests say nothing about the language: the account decides.
    assert _html_lang(client.get("/")) == "th"


def test_the_best_of_the_networks_languages_is_chosen(world, client):
    _sign_in(client, world.kh_member, accept_language="fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.5")
    world.kh_member.refresh_from_db()
    assert world.kh_member.language == "vi"


def test_a_browser_in_no_language_of_the_network_gets_english(world, client):
    _sign_in(client, world.kh_member, accept_language="de-DE,fr;q=0.5")
    world.kh_member.refresh_from_db()
    assert world.kh_member.language == "en"


def test_a_later_sign_in_keeps_the_language_chosen(world, client):
    member = world.kh_member
    member.language = "km"
    member.save(update_fields=["language"])
    _sign_in(client, member, accept_language="th")
    member.refresh_from_db()
    assert member.language == "km"
    assert _html_lang(client.get("/", headers={"accept_language": "th"})) == "km"


def test_the_stored_language_wins_over_an_old_cookie_and_the_cookie_follows(world, login):
    member = world.kh_member
    member.language = "vi"
    member.save(update_fields=["language"])
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "th"
    response = client.get("/")
    assert _html_lang(response) == "vi"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"


def test_switching_language_stores_it_on_the_account(world, login):
    member = world.kh_member
    client = login(member)
    response = client.post("/i18n/setlang/", {"language": "km", "next": "/network/"})
    assert response.status_code == 302 and response["Location"] == "/network/"
    member.refresh_from_db()
    assert member.language == "km"
    # On another device (no cookie) the pages are in Khmer too.
    assert _html_lang(login(member).get("/")) == "km"


def test_switching_when_signed_out_sets_only_the_cookie(world, client):
    response = client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"
    assert _html_lang(client.get("/accounts/login/")) == "vi"
    # ... and the first sign-in afterwards keeps it: the switcher was an explicit choice.
    _sign_in(client, world.th_member, accept_language="th")
    world.th_member.refresh_from_db()
    assert world.th_member.language == "vi"


def test_a_language_outside_the_network_is_not_stored(world, login):
    member = world.kh_member
    member.language = "km"
    member.save(update_fields=["language"])
    client = login(member)
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    member.refresh_from_db()
    assert member.language == "km"


def test_the_account_page_offers_every_language_and_says_what_preview_means(world, login):
    page = login(world.kh_member).get("/accounts/profile/").content.decode()
    assert 'action="/i18n/setlang/"' in page
    for code, _name in settings.LANGUAGES:
        assert f'value="{code}"' in page
    assert "preview" in page.lower()
    assert "not yet been checked by a native speaker" in page


def test_the_account_page_changes_the_language(world, login):
    member = world.kh_member
    client = login(member)
    response = client.post(
        "/i18n/setlang/", {"language": "hi", "next": "/accounts/profile/"}, follow=True
    )
    assert _html_lang(response) == "hi"
    member.refresh_from_db()
    assert member.language == "hi"
