"""Trainees nominated by their agency before they have an account: they can be enrolled, and
the nomination can send the accounts app's invitation so they can take the tests."""

import re

import pytest
from django.core import mail

from protectnet.accounts.models import Invitation
from protectnet.accounts.services import invitation_accept
from protectnet.training.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(tw):
    """A Cambodian officer in the directory, nominated by the agency, with no account yet."""
    person = f.PersonFactory(full_name="Sokha Test Officer", email="sokha.test@example.test")
    membership = f.MembershipFactory(person=person, organisation=tw.w.kh_police)
    return membership


def _nominate(client, tw, membership, invite=True):
    data = {"membership": membership.pk}
    if invite:
        data["invite"] = "on"
    return client.post(f"/training/deliveries/{tw.delivery.pk}/enrol/", data, follow=True)


def test_focal_point_enrols_a_person_without_account_and_invites_them(tw, newcomer, login):
    client = login(tw.w.kh_focal)
    page = client.get(f"/training/deliveries/{tw.delivery.pk}/enrol/").content.decode()
    assert "Sokha Test Officer" in page and "no account yet" in page
    assert 'name="invite"' in page and "checked" in page
    body = _nominate(client, tw, newcomer).content.decode()
    assert "The trainee was enrolled." in body and "invitation to create an account" in body
    enrolment = Enrolment.objects.get(person=newcomer.person, delivery=tw.delivery)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.person_id) == (
        "sokha.test@example.test",
        newcomer.person_id,
    )
    # Accepting the invitation links the account to the directory entry, and so to the course.
    token = re.search(r"/accounts/invitation/([^/\s]+)/", mail.outbox[0].body).group(1)
    user = invitation_accept(token=token, password="A long test passphrase 42")
    mine = login(user).get("/training/mine/").content.decode()
    assert tw.course.title in mine
    enrolment.person.refresh_from_db()
    assert enrolment.person.user_id == user.pk


def test_a_trainer_enrols_them_but_is_told_who_may_invite(tw, newcomer, login):
    body = _nominate(login(tw.w.trainer), tw, newcomer).content.decode()
    assert "The trainee was enrolled." in body
    assert "focal point may invite them" in body
    assert Enrolment.objects.filter(person=newcomer.person).exists()
    assert not Invitation.objects.exists() and not mail.outbox


def test_no_invitation_unless_asked_and_none_without_an_email(tw, newcomer, login):
    client = login(tw.w.kh_focal)
    _nominate(client, tw, newcomer, invite=False)
    assert not Invitation.objects.exists()
    no_email = f.PersonFactory(full_name="Dara Test Officer", email="")
    membership = f.MembershipFactory(person=no_email, organisation=tw.w.kh_police)
    body = _nominate(client, tw, membership).content.decode()
    assert "no email address in the directory" in body
    assert Enrolment.objects.filter(person=no_email).exists() and not Invitation.objects.exists()


def test_people_with_an_account_are_not_invited(tw, login):
    officer = f.member_of(tw.w.kh_police, "has.account@example.test")
    body = _nominate(login(tw.w.kh_focal), tw, officer.person.memberships.get()).content.decode()
    assert "The trainee was enrolled." in body and "invitation" not in body.lower()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "who,status,invitation",
    [
        ("admin", 201, "sent"),
        ("kh_focal", 201, "sent"),
        ("trainer", 201, "not_allowed"),
        ("th_focal", 404, None),  # not a person they may nominate
        ("kh_member", 403, None),
        ("guest", 403, None),
        (None, 401, None),
    ],
)
def test_api_enrolment_with_invitation_by_role(who, status, invitation, tw, newcomer, api):
    response = api(getattr(tw.w, who) if who else None).post(
        f"/api/v1/deliveries/{tw.delivery.pk}/enrolments",
        {"person": newcomer.person_id, "organisation": tw.w.kh_police.pk, "invite": True},
        content_type="application/json",
    )
    assert response.status_code == status, response.content
    enrolled = Enrolment.objects.filter(person=newcomer.person).exists()
    assert enrolled == (status == 201)
    if status == 201:
        assert response.json()["invitation"] == invitation
    assert Invitation.objects.exists() == (invitation == "sent")


def test_api_without_invite_sends_nothing(tw, newcomer, api):
    response = api(tw.w.kh_focal).post(
        f"/api/v1/deliveries/{tw.delivery.pk}/enrolments",
        {"person": newcomer.person_id, "organisation": tw.w.kh_police.pk},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["invitation"] == ""
    assert not Invitation.objects.exists()
