"""API writes of the organisers: outcomes and the agenda's sessions (see workshops_writes.py
for how input is validated and refused). The operations join the workshops router."""

from datetime import date, time

from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.policy import visible
from protectnet.network.models import Country
from protectnet.terminology.forms import CONFIRM_FIELD
from protectnet.workshops.forms import OutcomeForm, SessionForm
from protectnet.workshops.models import Outcome, Session
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.services import editions as edition_svc
from protectnet.workshops.services import outcomes as outcome_svc

from .workshops import router
from .workshops_writes import TEXT, InvalidOut, field_error, refusal


# --- outcomes ----------------------------------------------------------------------------------
class OutcomeIn(Schema):
    kind: str = Field(None, max_length=16)
    title: str = Field(None, max_length=255)
    description: str = Field(None, max_length=TEXT)
    owner_organisation: int = Field(None, ge=1)
    countries: list[str] = Field(None, max_length=100, description="ISO country codes")
    contact: int | None = Field(None, ge=1, description="A person's id")
    due_on: date | None = None
    status: str = Field(None, max_length=16)
    progress_note: str = Field(None, max_length=TEXT)
    terminology_confirmed: bool = False


class OutcomeWriteOut(Schema):
    id: int
    workshop_id: int
    kind: str
    title: str
    description: str
    owner_organisation_id: int
    countries: list[str]
    contact_id: int | None
    due_on: date | None
    status: str
    progress_note: str

    @staticmethod
    def resolve_countries(obj) -> list[str]:
        return sorted(str(c.code) for c in obj.countries.all())


OUTCOME_FIELDS = [name for name in OutcomeForm._meta.fields if name != "countries"]


def _outcome_data(outcome: Outcome | None, payload: OutcomeIn) -> dict:
    data = model_to_dict(outcome, fields=OUTCOME_FIELDS) if outcome else {}
    if outcome is not None:
        data["countries"] = [c.pk for c in outcome.countries.all()]
    given = payload.dict(exclude_unset=True)
    codes = given.pop("countries", None)
    if codes is not None:
        codes = {c.strip().upper() for c in codes}
        found = dict(Country.objects.filter(code__in=codes).values_list("code", "pk"))
        if set(found) != codes:
            unknown = ", ".join(sorted(codes - set(found)))
            raise field_error("countries", f"Unknown country codes: {unknown}.")
        data["countries"] = list(found.values())
    data.update({k: v for k, v in given.items() if v is not None or k in ("contact", "due_on")})
    return data


def _outcome_write(request, workshop, outcome: Outcome | None, payload: OutcomeIn):
    user = api_user(request)
    form = OutcomeForm(_outcome_data(outcome, payload), instance=outcome)
    if (refused := refusal(form)) is not None:
        return refused
    data = {k: v for k, v in form.cleaned_data.items() if k != CONFIRM_FIELD}
    countries = data.pop("countries")
    if outcome is not None:
        outcome.refresh_from_db()  # the form wrote into the instance; the service compares
    saved = outcome_svc.outcome_save(
        actor=user, workshop=workshop, outcome=outcome, countries=countries, **data
    )
    return Status(
        200 if outcome else 201, Outcome.objects.prefetch_related("countries").get(pk=saved.pk)
    )


@router.post("/workshops/{workshop_id}/outcomes", response={201: OutcomeWriteOut, 422: InvalidOut})
def workshop_outcome_create(request, workshop_id: int, payload: OutcomeIn):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    return _outcome_write(request, workshop, None, payload)


@router.patch("/outcomes/{outcome_id}", response={200: OutcomeWriteOut, 422: InvalidOut})
def outcome_update(request, outcome_id: int, payload: OutcomeIn):
    user = api_user(request)
    outcome = get_object_or_404(
        visible(user, Outcome.objects.select_related("workshop")), pk=outcome_id
    )
    workshop = sel.workshop_get(user=user, id=outcome.workshop_id)
    return _outcome_write(request, workshop, outcome, payload)


# --- the agenda ----------------------------------------------------------------------------
class SessionIn(Schema):
    """Times are wall-clock times at the venue, on one of the workshop's days."""

    title: str = Field(None, max_length=255)
    kind: str = Field(None, max_length=16)
    description: str = Field(None, max_length=TEXT)
    room: str = Field(None, max_length=128)
    capacity: int | None = Field(None, ge=0)
    day: date = None
    start_time: time = None
    end_time: time = None
    chairs: list[int] = Field(None, max_length=100, description="Speaker ids")
    speakers: list[int] = Field(None, max_length=100, description="Speaker ids")
    resources: list[int] = Field(None, max_length=100, description="Library resource ids")
    terminology_confirmed: bool = False


class SessionWriteOut(Schema):
    id: int
    workshop_id: int
    title: str
    kind: str
    description: str
    room: str
    capacity: int | None
    seats_taken: int
    starts_at: str
    ends_at: str
    starts_local: str
    ends_local: str
    time_zone: str
    chairs: list[int]
    speakers: list[int]
    resources: list[int]

    @staticmethod
    def resolve_starts_at(obj) -> str:
        return obj.starts_at.isoformat()

    @staticmethod
    def resolve_ends_at(obj) -> str:
        return obj.ends_at.isoformat()

    @staticmethod
    def resolve_starts_local(obj) -> str:
        return obj.local_start.isoformat()

    @staticmethod
    def resolve_ends_local(obj) -> str:
        return obj.local_end.isoformat()

    @staticmethod
    def resolve_time_zone(obj) -> str:
        return obj.workshop.time_zone

    @staticmethod
    def resolve_chairs(obj) -> list[int]:
        return sorted(s.pk for s in obj.chairs.all())

    @staticmethod
    def resolve_speakers(obj) -> list[int]:
        return sorted(s.pk for s in obj.speakers.all())

    @staticmethod
    def resolve_resources(obj) -> list[int]:
        return sorted(r.pk for r in obj.resources.all())


SESSION_M2M = ("chairs", "speakers", "resources")


def _session_data(session: Session | None, payload: SessionIn) -> dict:
    data = {}
    if session is not None:
        data = model_to_dict(session, fields=["title", "kind", "description", "room", "capacity"])
        data.update({name: [o.pk for o in getattr(session, name).all()] for name in SESSION_M2M})
        data.update(
            day=session.local_start.date().isoformat(),
            start_time=session.local_start.time(),
            end_time=session.local_end.time(),
        )
    given = payload.dict(exclude_unset=True)
    if given.get("day") is not None:
        given["day"] = given["day"].isoformat()
    data.update({k: v for k, v in given.items() if v is not None or k == "capacity"})
    return data


def _session_write(request, workshop, session: Session | None, payload: SessionIn):
    user = api_user(request)
    form = SessionForm(
        _session_data(session, payload),
        instance=session,
        workshop=workshop,
        speakers=sel.speaker_choices(user=user),
        resources=sel.resource_choices(user=user),
    )
    if (refused := refusal(form)) is not None:
        return refused
    saved = edition_svc.session_save(
        actor=user, workshop=workshop, session=session, **form.service_fields()
    )
    return Status(200 if session else 201, sel.session_get(user=user, id=saved.pk))


@router.post("/workshops/{workshop_id}/sessions", response={201: SessionWriteOut, 422: InvalidOut})
def workshop_session_create(request, workshop_id: int, payload: SessionIn):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    return _session_write(request, workshop, None, payload)


@router.patch("/sessions/{session_id}", response={200: SessionWriteOut, 422: InvalidOut})
def session_update(request, session_id: int, payload: SessionIn):
    user = api_user(request)
    session = sel.session_get(user=user, id=session_id)
    workshop = sel.workshop_get(user=user, id=session.workshop_id)
    return _session_write(request, workshop, session, payload)
