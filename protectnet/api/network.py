"""API operations for the network app (see access/rules.py for who may call each one).

Reads go through the same selectors as the pages: an entry the token's user may not see is
"not found", and contact details appear only where the pages would show them.
"""

from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from protectnet.access.policy import get_visible_or_404
from protectnet.network import selectors, services
from protectnet.network.models import Country, Organisation

router = Router(tags=["network"])
MAX_LIMIT = 100


class CountryOut(Schema):
    code: str
    name: str
    region: str
    organisation_count: int
    people_count: int


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


class CountryPage(Schema):
    count: int
    items: list[CountryOut]


class OrganisationPage(Schema):
    count: int
    items: list[OrganisationOut]


class PersonPage(Schema):
    count: int
    items: list[PersonOut]


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


class OrganisationFilters(Paging):
    q: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    sector: str = Field("", max_length=32)


class PersonFilters(Paging):
    q: str = Field("", max_length=200)
    country: str = Field("", max_length=2)
    sector: str = Field("", max_length=32)
    organisation: int | None = Field(None, ge=1)
    expertise: str = Field("", max_length=60)
    language: str = Field("", max_length=12)


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


def _country_out(c) -> dict:
    return {
        "code": str(c.code),
        "name": c.name,
        "region": c.region,
        "organisation_count": c.organisation_count,
        "people_count": c.people_count,
    }


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


@router.get("/countries", response=CountryPage)
def country_list(request, paging: Query[Paging]):
    qs = selectors.country_list(user=request.user)
    items = qs[paging.offset : paging.offset + paging.limit]
    return {"count": qs.count(), "items": [_country_out(c) for c in items]}


@router.get("/countries/{code}", response=CountryOut)
def country_get(request, code: str):
    country = selectors.country_get(user=request.user, code=code)
    return _country_out(selectors.country_list(user=request.user).get(pk=country.pk))


@router.get("/organisations", response=OrganisationPage)
def organisation_list(request, filters: Query[OrganisationFilters]):
    qs = selectors.organisation_list(
        user=request.user, q=filters.q, country=filters.country, sector=filters.sector
    )
    items = selectors.organisation_people_counts(
        qs[filters.offset : filters.offset + filters.limit]
    )
    return {"count": qs.count(), "items": [_organisation_out(o) for o in items]}


@router.get("/organisations/{int:organisation_id}", response=OrganisationOut)
def organisation_get(request, organisation_id: int):
    return _organisation_out(selectors.organisation_get(user=request.user, pk=organisation_id))


def _organisation_fields(request, payload: Schema, *, partial: bool) -> dict:
    data = payload.dict(exclude_unset=partial)
    fields = {k: v for k, v in data.items() if k not in ("country", "parent_id")}
    if "country" in data and data["country"] is not None:
        fields["country"] = get_visible_or_404(
            request.user, Country.objects.all(), code=data["country"].upper()
        )
    if "parent_id" in data:
        parent_id = data["parent_id"]
        fields["parent"] = (
            get_visible_or_404(request.user, Organisation.objects.all(), pk=parent_id)
            if parent_id
            else None
        )
    return {k: v for k, v in fields.items() if v is not None or k == "parent"}


@router.post("/organisations", response={201: OrganisationOut})
def organisation_create(request, payload: OrganisationIn):
    fields = _organisation_fields(request, payload, partial=False)
    organisation = services.organisation_create(actor=request.user, fields=fields, request=request)
    return Status(201, _organisation_out(organisation))


@router.patch("/organisations/{int:organisation_id}", response=OrganisationOut)
def organisation_update(request, organisation_id: int, payload: OrganisationPatch):
    organisation = selectors.organisation_get(user=request.user, pk=organisation_id)
    fields = _organisation_fields(request, payload, partial=True)
    services.organisation_update(
        actor=request.user, organisation=organisation, fields=fields, request=request
    )
    return _organisation_out(selectors.organisation_get(user=request.user, pk=organisation_id))


@router.get("/people", response=PersonPage)
def person_list(request, filters: Query[PersonFilters]):
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
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [_person_out(request.user, p) for p in items]}


@router.get("/people/{int:person_id}", response=PersonOut)
def person_get(request, person_id: int):
    return _person_out(request.user, selectors.person_get(user=request.user, pk=person_id))


def _person_fields(payload: Schema) -> dict:
    data = payload.dict(exclude_unset=True)
    return {k: v for k, v in data.items() if k not in ("organisation_id", "title")}


@router.post("/people", response={201: PersonOut})
def person_create(request, payload: PersonIn):
    organisation = get_visible_or_404(
        request.user, Organisation.objects.select_related("country"), pk=payload.organisation_id
    )
    fields = {k: v for k, v in _person_fields(payload).items() if v is not None}
    person = services.person_create(
        actor=request.user,
        fields=fields,
        organisation=organisation,
        title=payload.title,
        request=request,
    )
    return Status(
        201, _person_out(request.user, selectors.person_get(user=request.user, pk=person.pk))
    )


@router.patch("/people/{int:person_id}", response=PersonOut)
def person_update(request, person_id: int, payload: PersonPatch):
    person = selectors.person_get(user=request.user, pk=person_id)
    fields = {k: v for k, v in _person_fields(payload).items() if v is not None}
    services.person_update(actor=request.user, person=person, fields=fields, request=request)
    return _person_out(request.user, selectors.person_get(user=request.user, pk=person_id))
