"""API tokens: created and revoked on the profile page and by manage.py, stored hashed; and
bearer authentication on the API (no token, bad token, revoked token, valid token)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import ApiToken, hash_secret
from protectnet.accounts.services import token_create
from tests.factories import MembershipFactory, OrganisationFactory

ME = "/api/v1/me"


def test_profile_creates_a_token_shown_once_and_stored_hashed(world, login):
    client = login(world.kh_member)
    response = client.post("/accounts/tokens/new/", {"name": "reporting script"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    raw = response.context["raw"]
    token = ApiToken.objects.get(user=world.kh_member)
    assert token.key_hash == hash_secret(raw) and raw not in token.key_hash
    assert raw.encode() not in client.get("/accounts/profile/").content
    assert AuditEntry.objects.filter(action="account.token_created", data__via="profile").exists()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get(ME).json()["email"] == "member.kh@example.test"


def test_token_needs_a_name(world, login):
    response = login(world.kh_member).post("/accounts/tokens/new/", {"name": ""})
    assert response.status_code == 400 and not ApiToken.objects.exists()


def test_owner_revokes_a_token_and_it_stops_working(world, login, api_token):
    raw = api_token(world.kh_member)
    token = ApiToken.objects.get(user=world.kh_member)
    response = login(world.kh_member).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert AuditEntry.objects.filter(action="account.token_revoked").exists()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(ME).status_code == 401


def test_another_users_token_id_is_not_found(world, login, api_token):
    api_token(world.th_member)
    token = ApiToken.objects.get(user=world.th_member)
    response = login(world.kh_member).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_revoke_needs_post(world, login, api_token):
    api_token(world.kh_member)
    token = ApiToken.objects.get(user=world.kh_member)
    assert login(world.kh_member).get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 405


def test_active_tokens_are_capped(world):
    for n in range(20):
        token_create(actor=world.kh_member, name=f"t{n}")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        token_create(actor=world.kh_member, name="one too many")


def test_command_creates_a_token(world, capsys):
    call_command("create_api_token", "MEMBER.kh@example.test", "--name", "nightly export")
    raw = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(user=world.kh_member)
    assert token.name == "nightly export" and token.key_hash == hash_secret(raw)
    assert AuditEntry.objects.filter(action="account.token_created", data__via="command").exists()


def test_command_refuses_an_unknown_account(db):
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody@example.test")


def test_api_without_a_token_is_refused_with_json(db, client):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_api_with_a_bad_token_is_refused(db):
    response = Client(HTTP_AUTHORIZATION="Bearer pn_not-a-real-token").get(ME)
    assert response.status_code == 401


def test_api_ignores_the_session_cookie(world, login):
    assert login(world.kh_member).get(ME).status_code == 401


def test_api_with_a_revoked_token_is_refused(world, api):
    client = api(world.kh_member)
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.get(ME).status_code == 401


def test_api_token_of_a_disabled_account_is_refused(world, api):
    client = api(world.kh_member)
    world.kh_member.is_active = False
    world.kh_member.save(update_fields=["is_active"])
    assert client.get(ME).status_code == 401


def test_api_with_a_valid_token_answers_me(world, api):
    body = api(world.kh_le).get(ME).json()
    assert body["email"] == "le.kh@example.test"
    assert "le_vetted" in body["roles"] and "member" in body["roles"]
    assert ApiToken.objects.get(user=world.kh_le).last_used_at is not None


@override_settings(API_AUTH_FAILURE_LIMIT=3)
def test_repeated_bad_tokens_from_one_address_are_throttled(world, api):
    bad = Client(HTTP_AUTHORIZATION="Bearer pn_guess")
    for _ in range(3):
        assert bad.get(ME).status_code == 401
    assert bad.get(ME).status_code == 429
    # Even a valid token from that address waits until the window passes.
    assert api(world.kh_member).get(ME).status_code == 429
    assert AuditEntry.objects.filter(action="api.auth_throttled").count() == 1


def test_openapi_schema_is_public(db, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and "/api/v1/me" in response.json()["paths"]


@pytest.mark.queries("api:me_get")
def test_me_costs_the_same_queries_for_one_or_three_memberships(
    world, api, django_assert_num_queries
):
    client = api(world.kh_member)
    client.get(ME)  # the first call records the token's use
    with CaptureQueriesContext(connection) as first:
        client.get(ME)
    for _ in range(2):
        MembershipFactory(person=world.kh_member.person, organisation=OrganisationFactory())
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(ME)
    assert len(response.json()["organisation_ids"]) == 3
