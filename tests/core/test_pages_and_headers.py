"""Error pages leak nothing, security headers and the CSP are set, pages carry no inline code."""

import re

import pytest
from django.test import Client, override_settings

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_HANDLER = re.compile(rb"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(rb"<[^>]+\sstyle\s*=", re.I)


def assert_no_inline_code(content: bytes) -> None:
    assert not INLINE_SCRIPT.search(content), INLINE_SCRIPT.search(content)
    assert not INLINE_HANDLER.search(content), INLINE_HANDLER.search(content)
    assert not INLINE_STYLE.search(content), INLINE_STYLE.search(content)


PAGES = [
    (None, "/accounts/login/"),
    (None, "/accounts/password-reset/"),
    (None, "/accounts/password-reset/sent/"),
    (None, "/accounts/invitation/unknown-token/"),
    ("kh_member", "/"),
    ("kh_member", "/accounts/profile/"),
    ("kh_member", "/accounts/password/"),
    ("kh_member", "/accounts/second-factor/"),
    ("kh_member", "/accounts/second-factor/disable/"),
    ("admin", "/audit/"),
    ("admin", "/accounts/second-factor/recovery-codes/"),
    ("kh_focal", "/accounts/invitations/new/"),
]


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_pages_render_without_inline_script_style_or_handlers(world, login, who, path):
    response = login(getattr(world, who) if who else None).get(path)
    assert response.status_code in (200, 410)
    assert_no_inline_code(response.content)


def test_security_headers_and_csp(world, login):
    response = login(world.kh_member).get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "unsafe-inline" not in directives["script-src"]
    assert "unsafe-eval" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "http" not in csp  # no third-party origin (no CDN)


def test_pages_load_nothing_from_other_sites(world, login):
    content = login(world.kh_member).get("/").content
    assert not re.search(rb'(src|href)="(https?:)?//', content)


@override_settings(DEBUG=False)
def test_404_page_says_nothing_about_the_site(world, login):
    response = login(world.kh_member).get("/no/such/page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    for leak in (b"urlpatterns", b"Traceback", b"protectnet.urls", b"DEBUG"):
        assert leak not in response.content


@override_settings(DEBUG=False)
def test_403_page_says_nothing_about_the_rule(world, login):
    response = login(world.kh_member).get("/audit/")
    assert response.status_code == 403
    assert b"audit.view" not in response.content and b"Traceback" not in response.content


@override_settings(DEBUG=False)
def test_500_page_leaks_nothing(world, monkeypatch):
    def explode(user):
        raise RuntimeError("secret database detail 42")

    monkeypatch.setattr("protectnet.core.views.dashboard_cards", explode)
    client = Client(raise_request_exception=False)
    from tests.conftest import sign_in

    sign_in(client, world.kh_member)
    response = client.get("/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    for leak in (b"secret database detail", b"Traceback", b"RuntimeError", b"settings"):
        assert leak not in response.content
    assert_no_inline_code(response.content)


def test_phone_navigation_is_a_disclosure_menu(world, login):
    content = login(world.kh_member).get("/").content
    assert b'<details class="nav-menu">' in content
    assert b'name="viewport"' in content


def test_language_switcher_is_offered(world, login):
    content = login(world.kh_member).get("/").content
    assert b'action="/i18n/setlang/"' in content and b'lang="km"' in content


def test_form_without_csrf_token_gets_a_plain_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"email": "a@example.test", "password": "x"})
    assert response.status_code == 403
    assert b"The form has expired" in response.content and b"CSRF cookie" not in response.content
    assert_no_inline_code(response.content)
