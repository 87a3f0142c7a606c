import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.workshops.models import Delegation, Invitation, NominationStatus
from protectnet.workshops.services.delegations import (
    nomination_create,
    nomination_decide,
    nomination_withdraw,
)
from protectnet.workshops.services.editions import delegation_set_quota

from .conftest import person_in


def test_focal_point_nominates_within_quota_then_waiting_list(world, ws):
    people = [person_in(world.kh_police) for _ in range(3)]
    statuses = [
        nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=p).status
        for p in people
    ]
    assert statuses == ["nominated", "nominated", "waitlisted"]
    ws.kh_del.refresh_from_db()
    assert ws.kh_del.seats_held == 2


def test_focal_point_cannot_nominate_for_another_country(world, ws):
    person = person_in(world.th_police)
    with pytest.raises((PermissionDenied, Exception)) as exc:
        nomination_create(actor=world.kh_focal, delegation=ws.th_del, person=person)
    assert exc.type.__name__ in ("PermissionDenied", "Http404")


def test_cannot_nominate_a_person_of_another_country(world, ws):
    person = person_in(world.th_police)
    with pytest.raises(ValidationError):
        nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person)


def test_member_cannot_nominate(world, ws):
    person = person_in(world.kh_ngo)
    with pytest.raises(PermissionDenied):
        nomination_create(actor=world.kh_member, delegation=ws.kh_del, person=person)


def test_approval_sends_a_personal_invitation_with_plain_text(world, ws):
    person = person_in(world.kh_police, email="nominee@example.test")
    nomination = nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person)
    nomination_decide(actor=world.admin, nomination=nomination, approve=True)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nominee@example.test"]
    assert "/workshops/register/" in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    invitation = Invitation.objects.get(person=person)
    # Only the hash is stored, never the token itself.
    token = message.body.split("/workshops/register/")[1].split("/")[0]
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64
    assert person.full_name not in message.subject


def test_focal_point_cannot_approve(world, ws):
    person = person_in(world.kh_police)
    nomination = nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=person)
    with pytest.raises(PermissionDenied):
        nomination_decide(actor=world.kh_focal, nomination=nomination, approve=True)


def test_declining_frees_the_seat_for_the_waiting_list(world, ws):
    people = [person_in(world.kh_police) for _ in range(3)]
    noms = [nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=p) for p in people]
    nomination_decide(actor=world.admin, nomination=noms[0], approve=False)
    noms[2].refresh_from_db()
    assert noms[2].status == NominationStatus.NOMINATED
    ws.kh_del.refresh_from_db()
    assert ws.kh_del.seats_held == 2


def test_withdrawing_frees_the_seat(world, ws):
    people = [person_in(world.kh_police) for _ in range(3)]
    noms = [nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=p) for p in people]
    nomination_withdraw(actor=world.kh_focal, nomination=noms[1])
    noms[2].refresh_from_db()
    assert noms[2].status == NominationStatus.NOMINATED


def test_waitlisted_cannot_be_approved_when_full(world, ws):
    people = [person_in(world.kh_police) for _ in range(3)]
    noms = [nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=p) for p in people]
    with pytest.raises(ValidationError):
        nomination_decide(actor=world.admin, nomination=noms[2], approve=True)


def test_quota_cannot_drop_below_seats_held_and_raise_admits_waitlist(world, ws):
    people = [person_in(world.kh_police) for _ in range(3)]
    noms = [nomination_create(actor=world.kh_focal, delegation=ws.kh_del, person=p) for p in people]
    with pytest.raises(ValidationError):
        delegation_set_quota(actor=world.admin, workshop=ws.workshop, country=world.kh, quota=1)
    delegation_set_quota(actor=world.admin, workshop=ws.workshop, country=world.kh, quota=3)
    noms[2].refresh_from_db()
    assert noms[2].status == NominationStatus.NOMINATED
    assert Delegation.objects.get(pk=ws.kh_del.pk).seats_held == 3


def test_delegation_page_nominates_through_the_form(world, ws, login):
    person = person_in(world.kh_police)
    client = login(world.kh_focal)
    response = client.post(
        f"/workshops/delegations/{ws.kh_del.pk}/", {"person": person.pk, "note": ""}
    )
    assert response.status_code == 302
    assert ws.kh_del.nominations.get().person == person


def test_delegation_page_refuses_unknown_person_clearly(world, ws, login):
    client = login(world.kh_focal)
    response = client.post(f"/workshops/delegations/{ws.kh_del.pk}/", {"person": 999999})
    assert response.status_code == 200
    assert "not among those you may choose here" in response.content.decode()
    assert not ws.kh_del.nominations.exists()


def test_focal_point_of_another_country_does_not_find_the_delegation(world, ws, login):
    assert login(world.th_focal).get(f"/workshops/delegations/{ws.kh_del.pk}/").status_code == 404
    assert login(world.kh_focal).get(f"/workshops/delegations/{ws.kh_del.pk}/").status_code == 200
