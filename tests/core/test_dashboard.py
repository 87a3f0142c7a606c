"""The dashboard gathers cards from the apps, each one filtered by the policy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.access import audit
from protectnet.core.dashboard import dashboard_cards
from tests.factories import account


def titles(user):
    return [str(card.title) for card in dashboard_cards(user)]


def test_member_without_second_factor_is_invited_to_set_it_up(world):
    assert "Second factor" in titles(world.kh_member)
    assert "Second factor" not in titles(world.kh_le)


def test_security_card_is_for_admins_only(world):
    audit.record("auth.sign_in_failed", data={"email": "x@example.test"})
    admin_cards = {str(c.title): c for c in dashboard_cards(world.admin)}
    assert admin_cards["Security, last 24 hours"].value == "1"
    assert "Security, last 24 hours" not in titles(world.kh_focal)


def test_dashboard_shows_the_cards(world, login):
    response = login(world.admin).get("/")
    assert response.status_code == 200 and b"Security, last 24 hours" in response.content


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("core:dashboard")
def test_dashboard_query_count_does_not_grow_with_the_audit_log(world, login):
    client = login(world.admin)
    client.get("/")
    for _ in range(2):
        audit.record("access.denied", actor=world.kh_member)
    small = _count(client)
    for _ in range(30):
        audit.record("access.denied", actor=world.kh_member)
    assert _count(client) == small


def test_dashboard_welcomes_a_member_by_full_name_not_email(world, login):
    page = login(world.kh_member).get("/").content.decode()
    name = world.kh_member.person.full_name
    assert f"Welcome, {name}" in page
    assert f"Welcome, {world.kh_member.email}" not in page


def test_dashboard_welcomes_an_account_without_a_directory_entry_by_email(world, login):
    user = account("no.entry@example.test")
    page = login(user).get("/").content.decode()
    assert "Welcome, no.entry@example.test" in page


def test_favicon_answers_with_the_site_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_every_page_links_the_site_icon(client, db):
    assert 'rel="icon"' in client.get("/").content.decode()
