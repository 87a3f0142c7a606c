"""Invitation-only sign-up: who may invite whom, the emailed link, expiry and reuse."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from protectnet.access.models import AuditEntry
from protectnet.accounts.models import Invitation, User, hash_secret
from protectnet.accounts.services import invitation_accept, invitation_create
from protectnet.network.models import Person
from tests import factories as f

NEW_PASSWORD = "a long and unusual passphrase 42"


def link_token() -> str:
    body = mail.outbox[-1].body
    return re.search(r"/accounts/invitation/([\w-]+)/", body).group(1)


@pytest.fixture
def kh_person(world):
    person = f.PersonFactory(full_name="Sok Dara (fictitious)", email="sok.dara@example.test")
    f.MembershipFactory(person=person, organisation=world.kh_ngo)
    return person


@pytest.fixture
def th_person(world):
    person = f.PersonFactory(full_name="Malee (fictitious)", email="malee@example.test")
    f.MembershipFactory(person=person, organisation=world.th_ministry)
    return person


def test_admin_invites_and_the_email_carries_a_link_stored_only_as_a_hash(world, kh_person):
    invitation = invitation_create(
        actor=world.admin, email="Sok.Dara@Example.test", person=kh_person
    )
    assert invitation.email == "sok.dara@example.test"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sok.dara@example.test"]
    token = link_token()
    assert invitation.token_hash == hash_secret(token) and token not in invitation.token_hash
    assert "Sok Dara" not in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="account.invitation_created").exists()


def test_focal_point_invites_a_person_of_their_own_country(world, kh_person):
    invitation = invitation_create(actor=world.kh_focal, email=kh_person.email, person=kh_person)
    assert invitation.person_id == kh_person.pk


def test_focal_point_cannot_invite_a_person_of_another_country(world, th_person):
    with pytest.raises(PermissionDenied):
        invitation_create(actor=world.kh_focal, email=th_person.email, person=th_person)
    assert Invitation.objects.count() == 0 and mail.outbox == []


def test_focal_point_cannot_invite_a_bare_address(world):
    with pytest.raises(PermissionDenied):
        invitation_create(actor=world.kh_focal, email="someone@example.test")


@pytest.mark.parametrize("who", ["kh_member", "kh_le", "trainer", "guest"])
def test_others_cannot_invite(world, kh_person, who):
    with pytest.raises(PermissionDenied):
        invitation_create(actor=getattr(world, who), email="x@example.test", person=kh_person)


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("kh_focal", 200), ("kh_member", 403), ("guest", 403), (None, 302)],
)
def test_invitation_page_access(world, login, who, status):
    user = getattr(world, who) if who else None
    assert login(user).get("/accounts/invitations/new/").status_code == status


def test_existing_account_cannot_be_invited_again(world):
    with pytest.raises(ValidationError):
        invitation_create(actor=world.admin, email="member.kh@example.test")


def test_invitee_sets_a_password_and_the_account_is_linked_to_the_person(world, client, kh_person):
    invitation_create(actor=world.admin, email=kh_person.email, person=kh_person)
    url = f"/accounts/invitation/{link_token()}/"
    page = client.get(url)
    assert page.status_code == 200 and b"sok.dara@example.test" in page.content
    response = client.post(
        url, {"display_name": "Dara", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    user = User.objects.get(email="sok.dara@example.test")
    assert user.check_password(NEW_PASSWORD) and user.display_name == "Dara"
    assert Person.objects.get(pk=kh_person.pk).user == user
    assert Invitation.objects.get().accepted_at is not None
    assert AuditEntry.objects.filter(action="account.invitation_accepted", actor=user).exists()


def test_weak_password_is_refused_and_nothing_is_created(world, client):
    invitation_create(actor=world.admin, email="new@example.test")
    url = f"/accounts/invitation/{link_token()}/"
    response = client.post(url, {"password1": "password", "password2": "password"})
    assert response.status_code == 400
    assert not User.objects.filter(email="new@example.test").exists()
    assert Invitation.objects.get().accepted_at is None


def test_mismatched_passwords_are_refused(world, client):
    invitation_create(actor=world.admin, email="new@example.test")
    url = f"/accounts/invitation/{link_token()}/"
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})
    assert response.status_code == 400 and not User.objects.filter(email="new@example.test")


def test_invitation_cannot_be_reused(world, client):
    invitation_create(actor=world.admin, email="new@example.test")
    token = link_token()
    invitation_accept(token=token, password=NEW_PASSWORD)
    page = client.get(f"/accounts/invitation/{token}/")
    assert page.status_code == 410 and b"already been used" in page.content
    with pytest.raises(ValidationError):
        invitation_accept(token=token, password=NEW_PASSWORD)
    assert User.objects.filter(email="new@example.test").count() == 1


def test_expired_invitation_gives_a_clear_page(world, client):
    invitation_create(actor=world.admin, email="new@example.test")
    token = link_token()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(f"/accounts/invitation/{token}/")
    assert page.status_code == 410 and b"has expired" in page.content
    response = client.post(
        f"/accounts/invitation/{token}/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 410
    assert not User.objects.filter(email="new@example.test").exists()


def test_unknown_invitation_token_is_not_valid(db, client):
    page = client.get("/accounts/invitation/not-a-real-token/")
    assert page.status_code == 410 and b"not valid" in page.content


def test_invitation_expires_after_the_configured_days(world, settings):
    settings.INVITATION_VALID_DAYS = 3
    invitation = invitation_create(actor=world.admin, email="new@example.test")
    delta = invitation.expires_at - timezone.now()
    assert timedelta(days=2, hours=23) < delta <= timedelta(days=3)


def test_invitation_page_sends_and_lists(world, login, kh_person):
    client = login(world.kh_focal)
    page = client.get("/accounts/invitations/new/")
    assert kh_person.full_name.encode() in page.content or page.status_code == 200
    response = client.post(
        "/accounts/invitations/new/", {"email": "sok.dara@example.test", "person": kh_person.pk}
    )
    assert response.status_code == 302
    listing = client.get("/accounts/invitations/new/")
    assert b"sok.dara@example.test" in listing.content


def test_focal_point_page_refuses_a_guessed_person_of_another_country(world, login, th_person):
    client = login(world.kh_focal)
    response = client.post(
        "/accounts/invitations/new/", {"email": "malee@example.test", "person": th_person.pk}
    )
    assert response.status_code == 400
    assert Invitation.objects.count() == 0


def test_focal_point_page_explains_that_a_directory_entry_is_needed(world, login):
    response = login(world.kh_focal).post(
        "/accounts/invitations/new/", {"email": "someone@example.test"}
    )
    assert response.status_code == 400 and b"directory entry" in response.content
    assert Invitation.objects.count() == 0 and mail.outbox == []
