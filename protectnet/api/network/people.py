"""People of the directory: contact details appear only where the pages would show them."""

from dataclasses import replace

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import field_validator

from protectnet.access.routes import requires
from protectnet.api.paging import AFTER_HELP, page
from protectnet.core.pagination import bounded_count
from protectnet.network import selectors, services

from .common import Paging, checked_query

router = Router()


class MembershipOut(Schema):
    organisation_id: int
    organisation: str
    country: str
    sector: str
    title: str


class PersonOut(Schema):
    id: int
    full_name: str
    preferred_name: str
    job_title: str
    languages: list[str]
    expertise: list[str]
    organisations: list[MembershipOut]
    email: str | None = Field(None, description="Only when the person agreed to share it")
    phone: str | None = Field(None, description="Only when the person agreed to share it")


class PersonPage(Schema):
    count: int = Field(..., description="How many match, counted up to 1,000")
    count_exact: bool = Field(True, description="False when more than `count` match")
    next: str | None = Field(None, description="Cursor of the next page (as `after`)")
    items: list[PersonOut]


class PersonFilters(Paging):
    after: str = Field("", max_length=500, description=AFTER_HELP)
    q: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    sector: str = Field("", max_length=32)
    organisation: int | None = Field(None, ge=1)
    expertise: str = Field("", max_length=60)
    language: str = Field("", max_length=12)

    @field_validator("q")
    @classmethod
    def runnable_query(cls, q: str) -> str:
        return checked_query(q)


class PersonFields(Schema):
    preferred_name: str | None = Field(None, max_length=255)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=32)
    job_title: str | None = Field(None, max_length=255)
    languages: list[str] | None = None
    expertise: list[str] | None = None
    consent_directory: bool | None = None
    consent_participant_list: bool | None = None


class PersonIn(PersonFields):
    full_name: str = Field(..., min_length=1, max_length=255)
    organisation_id: int
    title: str = Field("", max_length=255)


class PersonPatch(PersonFields):
    full_name: str | None = Field(None, min_length=1, max_length=255)


def _person_out(user, p) -> dict:
    show = selectors.contact_visible(user, p)
    return {
        "id": p.pk,
        "full_name": p.full_name,
        "preferred_name": p.preferred_name,
        "job_title": p.job_title,
        "languages": p.languages,
        "expertise": p.expertise,
        "organisations": [
            {
                "organisation_id": m.organisation_id,
                "organisation": m.organisation.name,
                "country": str(m.organisation.country.code),
                "sector": m.organisation.sector,
                "title": m.title,
            }
            for m in p.current_memberships
        ],
        "email": p.email if show else None,
        "phone": p.phone if show else None,
    }


@router.get("/people", response=PersonPage, summary="Person List")
@requires("network.directory.view")
def network_person_list(request, response: HttpResponse, filters: Query[PersonFilters]):
    qs = selectors.person_list(
        user=request.user,
        filters=selectors.DirectoryFilters(
            q=filters.q,
            country=filters.country,
            sector=filters.sector,
            organisation=filters.organisation,
            expertise=filters.expertise,
            language=filters.language,
        ),
    )
    result = page(
        request,
        response,
        qs,
        order=("full_name", "pk"),
        after=filters.after,
        offset=filters.offset,
        limit=filters.limit,
    )
    count, exact = bounded_count(qs)
    return {
        "count": count,
        "count_exact": exact,
        "next": result.next,
        "items": [_person_out(request.user, p) for p in result.items],
    }


@router.get("/people/{int:person_id}", response=PersonOut, summary="Person Get")
@requires("network.directory.view")
def network_person_get(request, person_id: int):
    return _person_out(request.user, selectors.person_get(user=request.user, pk=person_id))


def _person_fields(payload: Schema) -> dict:
    data = payload.dict(exclude_unset=True)
    return {k: v for k, v in data.items() if k not in ("organisation_id", "title")}


@router.post("/people", response={201: PersonOut}, summary="Person Create")
@requires("network.person.create")
def network_person_create(request, payload: PersonIn):
    organisation = selectors.organisation_pick(user=request.user, pk=payload.organisation_id)
    fields = {k: v for k, v in _person_fields(payload).items() if v is not None}
    person = services.person_create(
        actor=request.user,
        data=services.PersonInput(**fields),
        organisation=organisation,
        title=payload.title,
        request=request,
    )
    return Status(
        201, _person_out(request.user, selectors.person_get(user=request.user, pk=person.pk))
    )


@router.patch("/people/{int:person_id}", response=PersonOut, summary="Person Update")
@requires("network.person.change")
def network_person_update(request, person_id: int, payload: PersonPatch):
    person = selectors.person_get(user=request.user, pk=person_id)
    changes = {k: v for k, v in _person_fields(payload).items() if v is not None}
    data = replace(services.PersonInput.of(person), **changes)
    services.person_update(actor=request.user, person=person, data=data, request=request)
    return _person_out(request.user, selectors.person_get(user=request.user, pk=person_id))
