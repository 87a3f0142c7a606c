"""The own-account page: who may open it, what it shows, and its constant query count."""

import pytest

from protectnet.accounts.services import token_create


@pytest.mark.parametrize(
    "who", ["admin", "kh_focal", "kh_member", "kh_le", "kh_le_unvetted", "trainer", "guest"]
)
def test_every_signed_in_role_opens_its_own_profile(world, login, who):
    user = getattr(world, who)
    response = login(user).get("/accounts/profile/")
    assert response.status_code == 200 and user.email.encode() in response.content


def test_anonymous_visitor_is_sent_to_sign_in(db, client):
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/login/")


def test_profile_lists_only_own_tokens(world, login):
    token_create(actor=world.kh_member, name="mine")
    token_create(actor=world.th_member, name="theirs")
    content = login(world.kh_member).get("/accounts/profile/").content
    assert b"mine" in content and b"theirs" not in content


def test_invite_link_shows_only_to_those_who_may_invite(world, login):
    assert b"/accounts/invitations/new/" in login(world.kh_focal).get("/accounts/profile/").content
    assert (
        b"/accounts/invitations/new/"
        not in login(world.kh_member).get("/accounts/profile/").content
    )


def test_profile_query_count_does_not_grow_with_tokens(world, login, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.kh_member)
    for i in range(2):
        token_create(actor=world.kh_member, name=f"token {i}")
    with CaptureQueriesContext(connection) as two:
        client.get("/accounts/profile/")
    for i in range(2, 19):
        token_create(actor=world.kh_member, name=f"token {i}")
    with django_assert_num_queries(len(two.captured_queries)):
        assert client.get("/accounts/profile/").status_code == 200
