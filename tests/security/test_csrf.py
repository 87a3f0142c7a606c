"""CSRF is enforced on every state-changing page route (the API uses bearer tokens, no cookies)."""

import pytest
from django.test import Client

from tests.conftest import sign_in

from .routes import iter_routes

# Routes that legitimately accept a POST without a CSRF token: none among the pages.
API_PREFIX = "/api/"


def page_routes():
    return sorted(
        {(name, url) for name, url, callback in iter_routes() if not url.startswith(API_PREFIX)}
    )


@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_every_page_route_refuses_a_post_without_csrf_token(world, role):
    client = Client(enforce_csrf_checks=True)
    if role == "admin":
        sign_in(client, world.admin)
    accepted = []
    for name, url in page_routes():
        response = client.post(url, {"x": "1"})
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"{name} {url} -> {response.status_code}")
    assert accepted == [], "routes that did not refuse a POST without a CSRF token"


def test_the_api_ignores_session_cookies(world):
    """A browser session must not authenticate API calls, so CSRF cannot ride on a cookie."""
    client = sign_in(Client(enforce_csrf_checks=True), world.kh_member)
    response = client.get("/api/v1/me")
    assert response.status_code == 401
