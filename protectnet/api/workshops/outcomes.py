"""Outcomes of a workshop: members read them, organisers record and update them."""

from datetime import date

from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.workshops.forms import OutcomeForm
from protectnet.workshops.models import Outcome
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.selectors import outcomes as outcome_sel
from protectnet.workshops.services import outcomes as outcome_svc

from .common import TAGS, TEXT, InvalidOut, field_error, refusal

router = Router(tags=TAGS)


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


@router.get(
    "/workshops/{workshop_id}/outcomes", response=list[OutcomeOut], summary="Workshop Outcome List"
)
@requires("workshops.outcome.view")
def workshops_outcome_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    return list(outcome_sel.outcome_list(user=user, workshop=workshop))


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
    data = {name: outcome.serializable_value(name) for name in OUTCOME_FIELDS} if outcome else {}
    if outcome is not None:
        data["countries"] = [c.pk for c in outcome.countries.all()]
    given = payload.dict(exclude_unset=True)
    codes = given.pop("countries", None)
    if codes is not None:
        codes = {c.strip().upper() for c in codes}
        found = outcome_sel.country_ids_by_code(codes)
        if set(found) != codes:
            unknown = ", ".join(sorted(codes - set(found)))
            raise field_error("countries", f"Unknown country codes: {unknown}.")
        data["countries"] = list(found.values())
    data.update({k: v for k, v in given.items() if v is not None or k in ("contact", "due_on")})
    return data


def _outcome_write(request, workshop, outcome: Outcome | None, payload: OutcomeIn):
    user = api_user(request)
    choices = outcome_sel.outcome_choices(user=user)
    form = OutcomeForm(_outcome_data(outcome, payload), instance=outcome, **choices)
    if (refused := refusal(form)) is not None:
        return refused
    data = form.to_input()
    if outcome is not None:
        outcome.refresh_from_db()  # the form wrote into the instance; the service compares
    saved = outcome_svc.outcome_save(actor=user, workshop=workshop, outcome=outcome, data=data)
    return Status(200 if outcome else 201, outcome_sel.outcome_get(user=user, id=saved.pk))


@router.post(
    "/workshops/{workshop_id}/outcomes",
    response={201: OutcomeWriteOut, 422: InvalidOut},
    summary="Workshop Outcome Create",
)
@requires("workshops.outcome.manage")
def workshops_outcome_create(request, workshop_id: int, payload: OutcomeIn):
    workshop = sel.workshop_get(user=api_user(request), id=workshop_id)
    return _outcome_write(request, workshop, None, payload)


@router.patch(
    "/outcomes/{outcome_id}",
    response={200: OutcomeWriteOut, 422: InvalidOut},
    summary="Outcome Update",
)
@requires("workshops.outcome.manage")
def workshops_outcome_update(request, outcome_id: int, payload: OutcomeIn):
    user = api_user(request)
    outcome = outcome_sel.outcome_get(user=user, id=outcome_id)
    workshop = sel.workshop_get(user=user, id=outcome.workshop_id)
    return _outcome_write(request, workshop, outcome, payload)
