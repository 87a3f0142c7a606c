"""A workshop in Phnom Penh with two delegations, an agenda and helpers to invite and register.
Everything here is fictitious."""

from datetime import date, time
from types import SimpleNamespace

import pytest

from protectnet.workshops.models import Delegation, Session, Speaker, Workshop
from protectnet.workshops.services.delegations import invitation_send
from protectnet.workshops.services.editions import to_utc
from protectnet.workshops.services.registrations import (
    RegistrationInput,
    acting_for,
    registration_submit,
)
from tests import factories as f

START = date(2030, 3, 4)
END = date(2030, 3, 5)


def make_workshop(world, *, edition=5, status="registration_open", **extra) -> Workshop:
    fields = {"start_date": START, "end_date": END, "lead_organisation": world.uk_agency, **extra}
    return f.WorkshopFactory(host_country=world.kh, edition=edition, status=status, **fields)


def add_session(workshop, title, day, start, end, *, kind="plenary", capacity=None, speakers=()):
    session = Session.objects.create(
        workshop=workshop,
        title=title,
        kind=kind,
        starts_at=to_utc(workshop, day, start),
        ends_at=to_utc(workshop, day, end),
        capacity=capacity,
    )
    session.speakers.set(speakers)
    return session


def person_in(org, email=None, **fields):
    person = f.PersonFactory(**({"email": email} if email else {}), **fields)
    f.MembershipFactory(person=person, organisation=org)
    return person


def invite(world, workshop, person, delegation=None) -> str:
    _invitation, raw = invitation_send(
        actor=world.admin, workshop=workshop, person=person, delegation=delegation
    )
    return raw


BASIC = {
    "gender": "",
    "consent_participant_list": True,
    "needs_visa_letter": False,
    "arrival_on": None,
    "departure_on": None,
    "dietary_needs": "",
    "accessibility_needs": "",
    "passport_full_name": "",
    "passport_number": "",
    "passport_nationality": "",
    "passport_expiry": None,
    "date_of_birth": None,
    "emergency_contact_name": "",
    "emergency_contact_phone": "",
    "arrival_details": "",
    "departure_details": "",
}


def register(invitation, **data):
    return registration_submit(
        actor=acting_for(None, invitation),
        invitation=invitation,
        data=RegistrationInput(**{**BASIC, **data}),
    )


@pytest.fixture
def ws(world):
    workshop = make_workshop(world)
    speaker = Speaker.objects.create(name="Expert Speaker", affiliation="Test Institute")
    kh_del = Delegation.objects.create(workshop=workshop, country=world.kh, quota=2)
    th_del = Delegation.objects.create(workshop=workshop, country=world.th, quota=1)
    opening = add_session(workshop, "Opening", START, time(9), time(10), speakers=[speaker])
    breakout_a = add_session(
        workshop, "NGO breakout", START, time(11), time(12), kind="breakout", capacity=1
    )
    breakout_b = add_session(
        workshop, "Education breakout", START, time(11), time(12), kind="breakout", capacity=5
    )
    breakout_c = add_session(
        workshop,
        "Online investigations lab",
        END,
        time(14),
        time(15),
        kind="breakout",
        capacity=3,
    )
    return SimpleNamespace(
        workshop=workshop,
        kh_del=kh_del,
        th_del=th_del,
        opening=opening,
        breakout_a=breakout_a,
        breakout_b=breakout_b,
        breakout_c=breakout_c,
        speaker=speaker,
    )


@pytest.fixture
def guest_registration(world, ws):
    """The world's guest invited (no delegation) and registered; returns (registration, token)."""
    from protectnet.workshops.models import Invitation

    raw = invite(world, ws.workshop, world.guest.person)
    invitation = Invitation.objects.get(workshop=ws.workshop, person=world.guest.person)
    registration = register(invitation, dietary_needs="No peanuts", gender="Woman")
    return registration, raw
