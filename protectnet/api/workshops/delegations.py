"""Delegations of a workshop and their nominations (focal points nominate, organisers decide)."""

from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.workshops.selectors import editions as sel
from protectnet.workshops.services import delegations as delegation_svc

from .common import TAGS

router = Router(tags=TAGS)


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


@router.get(
    "/workshops/{workshop_id}/delegations",
    response=list[DelegationOut],
    summary="Workshop Delegation List",
)
@requires("workshops.delegation.view")
def workshops_delegation_list(request, workshop_id: int):
    user = api_user(request)
    workshop = sel.workshop_get(user=user, id=workshop_id)
    return list(sel.delegation_list(user=user, workshop=workshop))


@router.get(
    "/delegations/{delegation_id}/nominations",
    response=list[NominationOut],
    summary="Workshop Nomination List",
)
@requires("workshops.delegation.view")
def workshops_nomination_list(request, delegation_id: int):
    user = api_user(request)
    delegation = sel.delegation_get(user=user, id=delegation_id)
    return list(sel.nomination_list(user=user, delegation=delegation))


@router.post(
    "/delegations/{delegation_id}/nominations",
    response={201: NominationOut},
    summary="Workshop Nomination Create",
)
@requires("workshops.nomination.create")
def workshops_nomination_create(request, delegation_id: int, payload: NominationIn):
    user = api_user(request)
    delegation = sel.delegation_get(user=user, id=delegation_id)
    person = sel.nominee_get(user=user, id=payload.person_id)
    nomination = delegation_svc.nomination_create(
        actor=user, delegation=delegation, person=person, note=payload.note
    )
    return Status(201, nomination)
