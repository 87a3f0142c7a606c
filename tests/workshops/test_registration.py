from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.access.models import AuditEntry
from protectnet.workshops.models import Delegation, Invitation, Registration, Session
from protectnet.workshops.services.registrations import (
    RegistrationInput,
    SeatsFull,
    acting_for,
    registration_cancel,
    registration_submit,
    session_choose,
    session_unchoose,
)

from .conftest import BASIC, invite, person_in, register


def _invitation(world, ws, person, delegation=None):
    raw = invite(world, ws.workshop, person, delegation)
    return Invitation.objects.get(workshop=ws.workshop, person=person), raw


def test_invitee_registers_through_the_personal_link(world, ws, client):
    person = person_in(world.kh_police, email="invitee@example.test")
    _inv, raw = _invitation(world, ws, person, ws.kh_del)
    url = f"/workshops/register/{raw}/"
    assert client.get(url).status_code == 200
    data = {**{k: "" for k in BASIC}, "consent_participant_list": "on", "dietary_needs": "Vegan"}
    response = client.post(url, data)
    assert response.status_code == 302
    registration = Registration.objects.get(person=person)
    assert registration.dietary_needs == "Vegan"
    assert registration.country == world.kh and registration.sector == "law_enforcement"
    assert Delegation.objects.get(pk=ws.kh_del.pk).seats_registered == 1


def test_a_guessed_or_revoked_token_is_not_found(world, ws, client):
    person = person_in(world.kh_police)
    invitation, raw = _invitation(world, ws, person)
    assert client.get("/workshops/register/not-a-real-token/").status_code == 404
    assert client.get(f"/workshops/register/{raw}x/").status_code == 404
    invitation.revoked_at = invitation.created_at
    invitation.save(update_fields=["revoked_at"])
    assert client.get(f"/workshops/register/{raw}/").status_code == 404


def test_a_new_invitation_link_replaces_the_old_one(world, ws, client):
    person = person_in(world.kh_police)
    _inv, old = _invitation(world, ws, person)
    _inv, new = _invitation(world, ws, person)
    assert client.get(f"/workshops/register/{old}/").status_code == 404
    assert client.get(f"/workshops/register/{new}/").status_code == 200


def test_visa_letter_without_passport_gives_clear_errors_and_stores_nothing(world, ws, client):
    person = person_in(world.kh_police)
    _inv, raw = _invitation(world, ws, person)
    data = {**{k: "" for k in BASIC}, "needs_visa_letter": "on", "dietary_needs": "Halal"}
    response = client.post(f"/workshops/register/{raw}/", data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Needed for the visa invitation letter." in body
    assert "Halal" in body  # what was typed is still in the form
    assert not Registration.objects.exists()


def test_bad_change_keeps_what_was_stored(world, ws, client):
    person = person_in(world.kh_police)
    invitation, raw = _invitation(world, ws, person)
    register(invitation, dietary_needs="Vegetarian", arrival_on=date(2030, 3, 3))
    data = {
        **{k: "" for k in BASIC},
        "dietary_needs": "Changed",
        "arrival_on": "2030-03-06",
        "departure_on": "2030-03-01",
    }
    response = client.post(f"/workshops/register/{raw}/", data)
    assert response.status_code == 422
    assert "Departure cannot be before arrival." in response.content.decode()
    registration = Registration.objects.get()
    assert registration.dietary_needs == "Vegetarian"
    assert registration.arrival_on == date(2030, 3, 3)


def test_passport_must_outlive_the_workshop(world, ws):
    person = person_in(world.kh_police)
    invitation, _raw = _invitation(world, ws, person)
    with pytest.raises(ValidationError) as exc:
        register(
            invitation,
            needs_visa_letter=True,
            passport_full_name="Test Person",
            passport_number="N1234567",
            passport_nationality="Cambodian",
            passport_expiry=date(2030, 3, 1),
        )
    assert "passport_expiry" in exc.value.message_dict


def test_the_service_refuses_travel_dates_out_of_order_on_the_field(world, ws):
    """The rule lives in the service (the page and the API show its refusal on the field)."""
    person = person_in(world.kh_police)
    invitation, _raw = _invitation(world, ws, person)
    data = RegistrationInput(arrival_on=date(2030, 3, 5), departure_on=date(2030, 3, 3))
    with pytest.raises(ValidationError) as exc:
        registration_submit(actor=acting_for(None, invitation), invitation=invitation, data=data)
    assert list(exc.value.message_dict) == ["departure_on"]
    assert not Registration.objects.filter(invitation=invitation).exists()


def test_registration_closed_is_refused(world, ws):
    ws.workshop.status = "registration_closed"
    ws.workshop.save(update_fields=["status"])
    invitation, _raw = _invitation(world, ws, person_in(world.kh_police))
    with pytest.raises(ValidationError):
        register(invitation)


def test_delegation_quota_is_never_exceeded(world, ws):
    invitations = [
        _invitation(world, ws, person_in(world.th_police), ws.th_del)[0] for _ in range(2)
    ]
    register(invitations[0])
    with pytest.raises(SeatsFull):
        register(invitations[1])
    assert Delegation.objects.get(pk=ws.th_del.pk).seats_registered == 1


def test_cancel_releases_the_seat_and_breakouts(world, ws):
    first, second = (
        _invitation(world, ws, person_in(world.th_police), ws.th_del)[0] for _ in range(2)
    )
    registration = register(first)
    session_choose(actor=acting_for(None, first), registration=registration, session=ws.breakout_a)
    registration_cancel(actor=acting_for(None, first), registration=registration)
    assert Session.objects.get(pk=ws.breakout_a.pk).seats_taken == 0
    assert register(second).is_active


def test_someone_else_cannot_change_or_cancel_a_registration(world, ws, guest_registration):
    registration, _raw = guest_registration
    with pytest.raises(PermissionDenied):
        registration_cancel(actor=world.kh_member, registration=registration)


def test_breakout_capacity_and_overlap(world, ws, guest_registration):
    registration, _raw = guest_registration
    actor = acting_for(None, registration.invitation)
    session_choose(actor=actor, registration=registration, session=ws.breakout_a)
    with pytest.raises(ValidationError, match="already chose"):
        session_choose(actor=actor, registration=registration, session=ws.breakout_b)
    other_inv = _invitation(world, ws, person_in(world.kh_ngo))[0]
    other = register(other_inv)
    with pytest.raises(SeatsFull):
        session_choose(actor=acting_for(None, other_inv), registration=other, session=ws.breakout_a)
    session_unchoose(actor=actor, registration=registration, session=ws.breakout_a)
    session_choose(actor=acting_for(None, other_inv), registration=other, session=ws.breakout_a)
    assert Session.objects.get(pk=ws.breakout_a.pk).seats_taken == 1


def test_plenary_cannot_be_chosen(world, ws, guest_registration):
    registration, _raw = guest_registration
    with pytest.raises(ValidationError):
        session_choose(
            actor=acting_for(None, registration.invitation),
            registration=registration,
            session=ws.opening,
        )


def test_breakout_choice_through_the_page(world, ws, guest_registration, client):
    registration, raw = guest_registration
    url = f"/workshops/register/{raw}/sessions/"
    assert client.post(url, {"session": ws.breakout_c.pk}).status_code == 302
    assert registration.session_choices.filter(session=ws.breakout_c).exists()
    # A session of another workshop (a guessed id) is not found.
    assert client.post(url, {"session": 999999}).status_code == 404


def test_reading_sensitive_fields_is_audited(world, ws, guest_registration, login):
    registration, _raw = guest_registration
    response = login(world.admin).get(f"/workshops/registrations/{registration.pk}/")
    assert "No peanuts" in response.content.decode()
    assert AuditEntry.objects.filter(
        action="workshops.registration.sensitive_read", object_id=str(registration.pk)
    ).exists()


def test_focal_point_sees_delegation_registration_but_not_sensitive_fields(world, ws, login):
    invitation = _invitation(world, ws, person_in(world.kh_police), ws.kh_del)[0]
    registration = register(invitation, dietary_needs="Secret diet")
    response = login(world.kh_focal).get(f"/workshops/registrations/{registration.pk}/")
    assert response.status_code == 200
    assert "Secret diet" not in response.content.decode()
    assert (
        login(world.th_focal).get(f"/workshops/registrations/{registration.pk}/").status_code == 404
    )


def test_guest_signed_in_sees_own_registration(world, ws, guest_registration, login):
    registration, _raw = guest_registration
    client = login(world.guest)
    response = client.get(f"/workshops/{ws.workshop.pk}/me/")
    assert response.status_code == 200
    assert "No peanuts" in response.content.decode()
    assert client.get(f"/workshops/registrations/{registration.pk}/").status_code == 200
    # Someone else's "me" page is their own: how to take part, never the guest's details.
    theirs = login(world.kh_member).get(f"/workshops/{ws.workshop.pk}/me/")
    assert theirs.status_code == 200 and "No peanuts" not in theirs.content.decode()
    assert "How to take part" in theirs.content.decode()


def test_organiser_invites_someone_directly(world, ws, login):
    from django.core import mail

    person = person_in(world.th_ministry, email="speaker@example.test")
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/invite/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"person": person.pk, "delegation": ws.th_del.pk}).status_code == 302
    invitation = Invitation.objects.get(person=person)
    assert invitation.delegation == ws.th_del
    assert mail.outbox[-1].to == ["speaker@example.test"]
    bad = client.post(url, {"person": 999999})
    assert bad.status_code == 200 and "Choose from the list" in bad.content.decode()
    assert login(world.kh_focal).get(url).status_code == 403
