"""Organisations of the directory: read, created and changed through the network's services."""

from dataclasses import replace

from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import field_validator

from protectnet.access.routes import requires
from protectnet.network import selectors, services

from .common import Paging, checked_query

router = Router()


class OrganisationOut(Schema):
    id: int
    name: str
    acronym: str
    sector: str
    country: str
    parent_id: int | None
    website: str
    verified: bool
    people_count: int | None = None


class OrganisationPage(Schema):
    count: int
    items: list[OrganisationOut]


class OrganisationFilters(Paging):
    q: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    sector: str = Field("", max_length=32)

    @field_validator("q")
    @classmethod
    def runnable_query(cls, q: str) -> str:
        return checked_query(q)


class OrganisationIn(Schema):
    name: str = Field(..., min_length=1, max_length=255)
    acronym: str = Field("", max_length=32)
    sector: str
    country: str = Field(..., min_length=2, max_length=2, description="ISO 3166 code, e.g. KH")
    parent_id: int | None = None
    website: str = Field("", max_length=200)
    verified: bool = False


class OrganisationPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=255)
    acronym: str | None = Field(None, max_length=32)
    sector: str | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    parent_id: int | None = None
    website: str | None = Field(None, max_length=200)
    verified: bool | None = None


def _organisation_out(o) -> dict:
    return {
        "id": o.pk,
        "name": o.name,
        "acronym": o.acronym,
        "sector": o.sector,
        "country": str(o.country.code),
        "parent_id": o.parent_id,
        "website": o.website,
        "verified": o.verified,
        "people_count": getattr(o, "people_count", None),
    }


@router.get("/organisations", response=OrganisationPage, summary="Organisation List")
@requires("network.directory.view")
def network_organisation_list(request, filters: Query[OrganisationFilters]):
    qs = selectors.organisation_list(
        user=request.user, q=filters.q, country=filters.country, sector=filters.sector
    )
    items = selectors.organisation_people_counts(
        qs[filters.offset : filters.offset + filters.limit]
    )
    return {"count": qs.count(), "items": [_organisation_out(o) for o in items]}


@router.get(
    "/organisations/{int:organisation_id}", response=OrganisationOut, summary="Organisation Get"
)
@requires("network.directory.view")
def network_organisation_get(request, organisation_id: int):
    return _organisation_out(selectors.organisation_get(user=request.user, pk=organisation_id))


def _organisation_fields(request, payload: Schema, *, partial: bool) -> dict:
    data = payload.dict(exclude_unset=partial)
    fields = {k: v for k, v in data.items() if k not in ("country", "parent_id")}
    if "country" in data and data["country"] is not None:
        fields["country"] = selectors.country_get(user=request.user, code=data["country"])
    if "parent_id" in data:
        parent_id = data["parent_id"]
        fields["parent"] = (
            selectors.organisation_pick(user=request.user, pk=parent_id) if parent_id else None
        )
    return {k: v for k, v in fields.items() if v is not None or k == "parent"}


@router.post("/organisations", response={201: OrganisationOut}, summary="Organisation Create")
@requires("network.organisation.create")
def network_organisation_create(request, payload: OrganisationIn):
    data = services.OrganisationInput(**_organisation_fields(request, payload, partial=False))
    organisation = services.organisation_create(actor=request.user, data=data, request=request)
    return Status(201, _organisation_out(organisation))


@router.patch(
    "/organisations/{int:organisation_id}", response=OrganisationOut, summary="Organisation Update"
)
@requires("network.organisation.change")
def network_organisation_update(request, organisation_id: int, payload: OrganisationPatch):
    organisation = selectors.organisation_get(user=request.user, pk=organisation_id)
    changes = _organisation_fields(request, payload, partial=True)
    data = replace(services.OrganisationInput.of(organisation), **changes)
    services.organisation_update(
        actor=request.user, organisation=organisation, data=data, request=request
    )
    return _organisation_out(selectors.organisation_get(user=request.user, pk=organisation_id))
