"""Generated matrix: every page route x every role gets exactly what the rule table decides.

Refused: anonymous visitors are sent to sign in (or get 404 in hidden areas), signed-in users
get 403 (404 in hidden areas). Allowed: the view runs, and never answers with a server error.
A new route is covered here without editing this file.
"""

import pytest
from django.test import Client

from protectnet.access.guard import route_action
from protectnet.access.policy import can, rule_for
from tests.conftest import sign_in

from .routes import iter_routes

ROLES = ["admin", "kh_focal", "kh_member", "kh_le", "trainer", "guest", "anonymous"]


def _expected_refusal(user, action) -> set[int]:
    rule = rule_for(action) if action else None
    if rule is None or rule.hide:
        return {404}
    return {302} if user is None else {403}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_route_answers_as_the_rule_table_decides(world, role):
    user = None if role == "anonymous" else getattr(world, role)
    client = sign_in(Client(), user) if user else Client()
    mismatches = []
    for name, url, _callback in iter_routes():
        if url.startswith("/api/") or name.startswith("admin:") or "logout" in name:
            continue
        action = route_action(name)
        allowed = action is not None and can(user, action)
        response = client.get(url)
        status = response.status_code
        if allowed:
            # Public flow steps (the second-factor step without a pending sign-in) may send
            # a visitor back to the sign-in page; a protected page must not.
            to_login = (
                action != "public.view"
                and status == 302
                and "/accounts/login/" in response.get("Location", "")
            )
            if status in (401, 403) or status >= 500 or to_login:
                mismatches.append(f"{name} {url}: allowed but got {status}")
        elif status not in _expected_refusal(user, action):
            mismatches.append(f"{name} {url}: refused by the table but got {status}")
    assert mismatches == []


@pytest.mark.parametrize("role", ["kh_member", "guest", "anonymous"])
def test_django_admin_is_for_network_admins_only(world, role):
    user = None if role == "anonymous" else getattr(world, role)
    client = sign_in(Client(), user) if user else Client()
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
