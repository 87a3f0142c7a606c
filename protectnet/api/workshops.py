"""API operations for the workshops app (see access/rules.py for who may call each one).

Reads go through the same selectors as the pages; writes through the same services, so the
policy, the seat locks and the audit log apply alike.
"""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.policy import get_visible_or_404, visible
from protectnet.api.auth import OptionalTokenAuth
from protectnet.network.models import Person
from protectnet.workshops import report
from protectnet.workshops.models import Outcome, Session
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.selectors import registrations as regs
from protectnet.workshops.services import checkin as checkin_svc
from protectnet.workshops.services import delegations as delegation_svc

router = Router(tags=["workshops"])
MAX_LIMIT = 100


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


class WorkshopOut(Schema):
    id: int
    series: str
    edition: int
    title: str
    host_country: str
    city: str
    venue_name: str
    time_zone: str
    start_date: date
    end_date: date
    status: str

    @staticmethod
    def resolve_series(obj) -> str:
        return obj.series.name

    @staticmethod
    def resolve_host_country(obj) -> str:
        return str(obj.host_country.code)


class WorkshopPage(Schema):
    count: int
    items: list[WorkshopOut]


class SessionOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    starts_local: str
    room: str
    capacity: int | None
    seats_taken: int
    speakers: list[str]

    @staticmethod
    def resolve_starts_local(obj) -> str:
        return obj.local_start.isoformat()

    @staticmethod
    def resolve_speakers(obj) -> list[str]:
        if getattr(obj, "hide_people", False):
            return []
        return [str(s) for s in obj.speakers.all()]


class DelegationOut(Schema):
    id: int
    country: str
    quota: int
    seats_held: int
    seats_registered: int

    @staticmethod
    def resolve_country(obj) -> str:
        return str(obj.country.code)


class NominationOut(Schema):
    id: int
    person_id: int
    person: str
    status: str

    @staticmethod
    def resolve_person(obj) -> str:
        return obj.person.display_name


class NominationIn(Schema):
    person_id: int = Field(..., ge=1)
    note: str = Field("", max_length=2000)


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


class CheckInIn(Schema):
    day: date
    code: str = Field("", max_length=300)
    registration_id: int | None = Field(None, ge=1)
    session_id: int | None = Field(None, ge=1)


class CheckInOut(Schema):
    registration_id: int
    day: date
    created: bool


class FeedbackOut(Schema):
    responses: int
    non_responses: int
    response_rate: float | None
    mean_rating: float | None
    top_share: float | None
    knowledge_gain: float | None


class OutcomeOut(Schema):
    id: int
    kind: str
    title: str
    owner_organisation: str
    countries: list[str]
    due_on: date | None
    status: str

    @staticmethod
    def resolve_owner_organisation(obj) -> str:
        return obj.owner_organisation.name

    @staticmethod
    def resolve_countries(obj) -> list[str]:
        return [str(c.code) for c in obj.countries.all()]


@router.get("/workshops", response=WorkshopPage, auth=OptionalTokenAuth())
def workshop_list(request, paging: Query[Paging]):
    qs = sel.workshop_list(user=api_user(request))
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}


@router.get("/workshops/{workshop_id}", response=WorkshopOut, auth=OptionalTokenAuth())
def workshop_get(request, workshop_id: int):
    return sel.workshop_get(user=api_user(request), id=workshop_id)


@router.get(
    "/workshops/{workshop_id}/sessions", response=list[SessionOut], auth=OptionalTokenAuth()
)
def workshop_session_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    sessions = list(sel.session_list(user=user, workshop=workshop))
    for session in sessions:
        session.hide_people = not user.is_authenticated  # public pages never name people
    return sessions


@router.get("/workshops/{workshop_id}/delegations", response=list[DelegationOut])
def workshop_delegation_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    return list(sel.delegation_list(user=user, workshop=workshop))


@router.get("/delegations/{delegation_id}/nominations", response=list[NominationOut])
def workshop_nomination_list(request, delegation_id: int):
    user = api_user(request)
    delegation = sel.delegation_get(user=user, id=delegation_id)
    return list(sel.nomination_list(user=user, delegation=delegation))


@router.post("/delegations/{delegation_id}/nominations", response={201: NominationOut})
def workshop_nomination_create(request, delegation_id: int, payload: NominationIn):
    user = api_user(request)
    delegation = sel.delegation_get(user=user, id=delegation_id)
    person = get_visible_or_404(
        user, Person.objects.prefetch_related("memberships__organisation"), pk=payload.person_id
    )
    nomination = delegation_svc.nomination_create(
        actor=user, delegation=delegation, person=person, note=payload.note
    )
    return Status(201, nomination)


@router.get("/workshops/{workshop_id}/registrations", response=RegistrationPage)
def workshop_registration_list(request, workshop_id: int, paging: Query[Paging]):
    """Organisers: everyone; focal points: their delegation; others: their own registration."""
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    qs = regs.registration_list(user=user, workshop=workshop)
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}


@router.post("/workshops/{workshop_id}/check-ins", response={200: CheckInOut, 201: CheckInOut})
def workshop_checkin_create(request, workshop_id: int, payload: CheckInIn):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    session = None
    if payload.session_id:
        session = get_object_or_404(Session, workshop=workshop, pk=payload.session_id)
    result = checkin_svc.checkin_record(
        actor=user,
        workshop=workshop,
        day=payload.day,
        code=payload.code,
        registration_id=payload.registration_id,
        session=session,
    )
    out = {"registration_id": result.registration.pk, "day": result.day, "created": result.created}
    return Status(201 if result.created else 200, out)


@router.get("/workshops/{workshop_id}/feedback", response=FeedbackOut)
def workshop_feedback_summary(request, workshop_id: int):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    head = report.headlines([workshop.pk])[workshop.pk]
    return {
        "responses": head.responses,
        "non_responses": head.non_responses,
        "response_rate": head.response_rate,
        "mean_rating": head.mean_rating,
        "top_share": head.top_share,
        "knowledge_gain": head.knowledge_gain,
    }


@router.get("/workshops/{workshop_id}/outcomes", response=list[OutcomeOut])
def workshop_outcome_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    return list(
        visible(user, Outcome.objects.filter(workshop=workshop))
        .select_related("owner_organisation")
        .prefetch_related("countries")
    )


# The writes live beside this module and add their operations to this router: a path that is
# read and written (sessions, feedback) must belong to one router, or ninja answers 405.
from protectnet.api import workshops_organisers, workshops_writes  # noqa: E402, F401
