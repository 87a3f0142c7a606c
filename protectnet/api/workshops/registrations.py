"""Registrations: the organisers' list of a workshop, and the caller's own registration.

My registration (with breakouts) is written by the same service as the page: the service checks
the rules once and a refusal answers 422 with messages per field. Fields left out of a change
keep their current value.
"""

from dataclasses import replace
from datetime import date

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.selectors import registrations as regs
from protectnet.workshops.services import registrations as registration_svc
from protectnet.workshops.services.registrations import RegistrationInput, SeatsFull

from .common import TAGS, TEXT, InvalidOut, Paging, field_error

router = Router(tags=TAGS)


class RegistrationOut(Schema):
    id: int
    person: str
    country: str | None
    status: str
    needs_visa_letter: bool
    days_checked_in: list[date]

    @staticmethod
    def resolve_person(obj) -> str:
        return obj.person.display_name

    @staticmethod
    def resolve_country(obj) -> str | None:
        return str(obj.country.code) if obj.country else None

    @staticmethod
    def resolve_days_checked_in(obj) -> list[date]:
        return [a.day for a in obj.day_attendance.all()]


class RegistrationPage(Schema):
    count: int
    items: list[RegistrationOut]


@router.get(
    "/workshops/{workshop_id}/registrations",
    response=RegistrationPage,
    summary="Workshop Registration List",
)
@requires("workshops.workshop.list")
def workshops_registration_list(request, workshop_id: int, paging: Query[Paging]):
    """Organisers: everyone; focal points: their delegation; others: their own registration."""
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    qs = regs.registration_list(user=user, workshop=workshop)
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}


class RegistrationIn(Schema):
    """Fields left out keep their current value (or stay empty on a first registration)."""

    gender: str = Field(None, max_length=64)
    consent_participant_list: bool = None
    needs_visa_letter: bool = None
    arrival_on: date | None = None
    departure_on: date | None = None
    dietary_needs: str = Field(None, max_length=TEXT)
    accessibility_needs: str = Field(None, max_length=TEXT)
    passport_full_name: str = Field(None, max_length=255)
    passport_number: str = Field(None, max_length=32)
    passport_nationality: str = Field(None, max_length=64)
    passport_expiry: date | None = None
    date_of_birth: date | None = None
    emergency_contact_name: str = Field(None, max_length=255)
    emergency_contact_phone: str = Field(None, max_length=32)
    arrival_details: str = Field(None, max_length=255)
    departure_details: str = Field(None, max_length=255)
    breakouts: list[int] | None = Field(
        None, max_length=50, description="The breakout session ids chosen (the whole set)."
    )


# Dates a caller may clear with null; a null for any other field means "leave as it is".
NULLABLE = {"arrival_on", "departure_on", "passport_expiry", "date_of_birth"}


class MyRegistrationOut(Schema):
    id: int
    workshop_id: int
    status: str
    country: str | None
    gender: str
    consent_participant_list: bool
    needs_visa_letter: bool
    arrival_on: date | None
    departure_on: date | None
    dietary_needs: str
    accessibility_needs: str
    passport_full_name: str
    passport_number: str
    passport_nationality: str
    passport_expiry: date | None
    date_of_birth: date | None
    emergency_contact_name: str
    emergency_contact_phone: str
    arrival_details: str
    departure_details: str
    breakouts: list[int]
    days_checked_in: list[date]

    @staticmethod
    def resolve_country(obj) -> str | None:
        return str(obj.country.code) if obj.country else None

    @staticmethod
    def resolve_breakouts(obj) -> list[int]:
        return sorted(c.session_id for c in obj.session_choices.all())

    @staticmethod
    def resolve_days_checked_in(obj) -> list[date]:
        return [a.day for a in obj.day_attendance.all()]


def mine(request, workshop_id: int):
    """(user, workshop, invitation, registration or None); 404 without an invitation."""
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    invitation = regs.my_invitation(user=user, workshop=workshop)
    if invitation is None:
        raise Http404
    return user, workshop, invitation, regs.my_registration(user=user, workshop=workshop)


def _read_back(request, user, workshop):
    """The registration as stored, its sensitive fields read (and audited) as the page does."""
    registration = regs.my_registration(user=user, workshop=workshop)
    registration_svc.sensitive_read(actor=user, registration=registration, request=request)
    return registration


@router.get(
    "/workshops/{workshop_id}/registration",
    response=MyRegistrationOut,
    summary="Workshop Registration Get",
)
@requires("workshops.registration.view")
def workshops_registration_get(request, workshop_id: int):
    user, workshop, _invitation, current = mine(request, workshop_id)
    if current is None:
        raise Http404
    return _read_back(request, user, workshop)


def _breakouts(workshop, ids: list[int] | None) -> list | None:
    if ids is None:
        return None
    sessions = sel.breakout_list(workshop=workshop, ids=set(ids))
    if len(sessions) != len(set(ids)):
        raise field_error("breakouts", "Choose breakout sessions of this workshop.")
    return sessions


def _input(active, payload: RegistrationIn) -> RegistrationInput:
    """The fields given over the current values (a first registration starts empty)."""
    given = payload.dict(exclude_unset=True, exclude={"breakouts"})
    given = {k: v for k, v in given.items() if v is not None or k in NULLABLE}
    # The page's form strips text fields; the API keeps the same stored values.
    given = {k: v.strip() if isinstance(v, str) else v for k, v in given.items()}
    return replace(RegistrationInput.of(active) if active else RegistrationInput(), **given)


@router.put(
    "/workshops/{workshop_id}/registration",
    response={200: MyRegistrationOut, 201: MyRegistrationOut, 422: InvalidOut},
    summary="Workshop Registration Put",
)
@requires("workshops.registration.submit")
def workshops_registration_save(request, workshop_id: int, payload: RegistrationIn):
    user, workshop, invitation, current = mine(request, workshop_id)
    active = current if current is not None and current.is_active else None
    breakouts = _breakouts(workshop, payload.breakouts)
    try:
        registration_svc.registration_save(
            actor=user, invitation=invitation, data=_input(active, payload), breakouts=breakouts
        )
    except SeatsFull as exc:
        raise HttpError(409, " ".join(exc.messages)) from exc
    return Status(200 if active else 201, _read_back(request, user, workshop))


@router.post(
    "/workshops/{workshop_id}/registration/cancel",
    response=MyRegistrationOut,
    summary="Workshop Registration Cancel",
)
@requires("workshops.registration.submit")
def workshops_registration_cancel(request, workshop_id: int):
    """Idempotent: cancelling a cancelled registration answers it unchanged."""
    user, workshop, _invitation, current = mine(request, workshop_id)
    if current is None:
        raise Http404
    registration_svc.registration_cancel(actor=user, registration=current)
    return _read_back(request, user, workshop)
