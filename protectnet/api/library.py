"""API operations for the library app (see access/rules.py for who may call each one).

Reads go through the same selectors and search service as the pages, so an item the token's user
may not see is "not found", and search answers never carry more than the pages show.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.responses import Status

from protectnet.api.auth import OptionalTokenAuth
from protectnet.library import selectors, services
from protectnet.library.models import Language, Topic
from protectnet.library.search import SearchFilters, search
from protectnet.library.views.resources import attachment
from protectnet.network.models import Country, Organisation, Person

router = Router(tags=["library"])
MAX_LIMIT = 100


class OrganisationRef(Schema):
    id: int
    name: str


class ResourceOut(Schema):
    id: int
    title: str
    summary: str
    resource_type: str
    marking: str
    owner_organisation: OrganisationRef
    languages: list[str]
    countries: list[str]
    topics: list[str]
    published_on: date
    review_date: date | None
    # Set only in answers to the owning organisation and admins: nobody else sees such items.
    withdrawn_at: datetime | None


class FileOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    extraction_status: str
    download_url: str


class VersionOut(Schema):
    number: int
    is_current: bool
    link: str
    note: str
    files: list[FileOut]


class ResourceDetailOut(ResourceOut):
    versions: list[VersionOut]


class HitOut(Schema):
    resource: ResourceOut
    title_html: str
    snippet_html: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class RestrictedOut(Schema):
    id: int
    title: str
    owner_organisation: str


class SearchOut(Schema):
    count: int
    items: list[HitOut]
    facets: dict[str, list[FacetValueOut]]
    restricted: list[RestrictedOut]
    restricted_more: bool


class ResourcePage(Schema):
    count: int
    items: list[ResourceOut]


class SearchParams(Schema):
    q: str = Field("", max_length=200)
    type: str = Field("", max_length=32)
    topic: str = Field("", max_length=64)
    country: str = Field("", max_length=2)
    language: str = Field("", max_length=8)
    marking: str = Field("", max_length=16)
    organisation: int | None = Field(None, ge=1, le=2_147_483_647)
    year: int | None = Field(None, ge=1900, le=2200)
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            resource_type=self.type,
            topic=self.topic,
            country=self.country.upper(),
            language=self.language,
            marking=self.marking,
            organisation=self.organisation,
            year=self.year,
        )


class ResourceIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    summary: str = Field("", max_length=20_000)
    resource_type: Literal[
        "guide", "report", "case_study", "presentation", "policy", "training_material", "link"
    ]
    owner_organisation: int = Field(..., ge=1)
    marking: Literal["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] = "GREEN"
    languages: str = Field("", description="Comma-separated language codes, e.g. en,km")
    countries: str = Field("", description="Comma-separated ISO country codes")
    topics: str = Field("", description="Comma-separated topic slugs")
    shared_with: str = Field("", description="Comma-separated organisation ids (TLP:AMBER)")
    named_emails: str = Field("", description="Comma-separated emails (TLP:RED)")
    listed_when_restricted: bool = False
    review_date: date | None = None
    published_on: date | None = None
    link: str = Field("", max_length=1000)
    note: str = Field("", max_length=300)


class VersionIn(Schema):
    link: str = Field("", max_length=1000)
    note: str = Field("", max_length=300)


class WithdrawIn(Schema):
    reason: str = Field("", max_length=500)


class AccessRequestIn(Schema):
    organisation: int = Field(..., ge=1)
    reason: str = Field(..., min_length=1, max_length=2000)


class DecisionIn(Schema):
    grant: bool
    scope: Literal["", "organisation", "person"] = Field(
        "", description="organisation or person (when granting)"
    )
    note: str = Field("", max_length=500)


class AccessRequestOut(Schema):
    id: int
    resource_id: int
    resource_title: str
    requester_organisation: str
    reason: str
    status: str
    grant_scope: str


def _resource_out(r) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "summary": r.summary,
        "resource_type": r.resource_type,
        "marking": r.marking,
        "owner_organisation": {"id": r.owner_organisation_id, "name": r.owner_organisation.name},
        "languages": [x.code for x in r.languages.all()],
        "countries": [str(x.code) for x in r.countries.all()],
        "topics": [x.slug for x in r.topics.all()],
        "published_on": r.published_on,
        "review_date": r.review_date,
        "withdrawn_at": r.withdrawn_at,
    }


def _version_out(v) -> dict:
    return {
        "number": v.number,
        "is_current": v.is_current,
        "link": v.link,
        "note": v.note,
        "files": [
            {
                "id": f.pk,
                "name": f.original_name,
                "kind": f.kind,
                "size": f.size,
                "extraction_status": f.extraction_status,
                "download_url": f"/api/v1/library/files/{f.pk}/download",
            }
            for f in v.files.all()
        ],
    }


def _request_out(a) -> dict:
    return {
        "id": a.pk,
        "resource_id": a.resource_id,
        "resource_title": a.resource.title,
        "requester_organisation": a.requester_organisation.name,
        "reason": a.reason,
        "status": a.status,
        "grant_scope": a.grant_scope,
    }


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _ids(value: str) -> list[int]:
    try:
        return [int(v) for v in _split(value)]
    except ValueError as exc:
        raise ValidationError("Organisation ids must be numbers.") from exc


class ErrorOut(Schema):
    detail: str
    code: str


UPLOAD_ERRORS = {413: ErrorOut, 415: ErrorOut}
# Files are checked by content: the schema names the accepted types so clients (and schema
# fuzzers) send documents, not arbitrary bytes.
ACCEPTED_TYPES = ", ".join(
    [
        "application/pdf",
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]
)
UPLOAD_EXTRA = {
    "requestBody": {
        "content": {"multipart/form-data": {"encoding": {"files": {"contentType": ACCEPTED_TYPES}}}}
    }
}


def _uploading(service, **kwargs):
    """Refused files answer 415 (type) or 413 (size), with the same message as the pages."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        status = {"file_refused": 415, "file_too_large": 413}.get(getattr(exc, "code", None))
        if status:
            raise HttpError(status, " ".join(exc.messages)) from exc
        raise


def _data(payload: ResourceIn, user) -> services.ResourceData:
    # An organisation that is not the caller's is "not found", like any id the user cannot use.
    owner = get_object_or_404(selectors.own_organisations(user=user), pk=payload.owner_organisation)
    emails = [e.lower() for e in _split(payload.named_emails)]
    people = list(Person.objects.filter(email__in=emails, erased_at__isnull=True))
    if len(people) != len(set(emails)):
        raise ValidationError({"named_emails": ["Some addresses are not in the directory."]})
    return services.ResourceData(
        title=payload.title,
        summary=payload.summary,
        resource_type=payload.resource_type,
        owner_organisation=owner,
        marking=payload.marking,
        languages=list(Language.objects.filter(code__in=_split(payload.languages))),
        countries=list(
            Country.objects.filter(code__in=[c.upper() for c in _split(payload.countries)])
        ),
        topics=list(Topic.objects.filter(slug__in=_split(payload.topics))),
        shared_with=list(Organisation.objects.filter(pk__in=_ids(payload.shared_with))),
        named_people=people,
        listed_when_restricted=payload.listed_when_restricted,
        review_date=payload.review_date,
        published_on=payload.published_on,
    )


@router.get(
    "/library/resources", response=ResourcePage, auth=OptionalTokenAuth(), summary="Resources"
)
def resource_list(request, params: Query[SearchParams]):
    result = search(
        request.user,
        params.q,
        params.filters(),
        per_page=params.limit,
        offset=params.offset,
        with_facets=False,
    )
    return {"count": result.total, "items": [_resource_out(h.resource) for h in result.hits]}


@router.get(
    "/library/search", response=SearchOut, auth=OptionalTokenAuth(), summary="Search with facets"
)
def library_search(request, params: Query[SearchParams]):
    result = search(
        request.user, params.q, params.filters(), per_page=params.limit, offset=params.offset
    )
    return {
        "count": result.total,
        "items": [
            {
                "resource": _resource_out(h.resource),
                "title_html": str(h.title_html),
                "snippet_html": str(h.snippet_html),
            }
            for h in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "restricted": [
            {"id": r.pk, "title": r.title, "owner_organisation": r.owner_organisation.name}
            for r in result.restricted
        ],
        "restricted_more": result.restricted_more,
    }


@router.get(
    "/library/resources/{resource_id}",
    response=ResourceDetailOut,
    auth=OptionalTokenAuth(),
    summary="One resource with its versions",
)
def resource_get(request, resource_id: int):
    r = selectors.resource_get(user=request.user, pk=resource_id, request=request)
    return {**_resource_out(r), "versions": [_version_out(v) for v in r.versions.all()]}


@router.post(
    "/library/resources",
    response={201: ResourceDetailOut, **UPLOAD_ERRORS},
    openapi_extra=UPLOAD_EXTRA,
    summary="Add a resource",
)
def resource_create(request, payload: Form[ResourceIn], files: File[list[UploadedFile]] = None):
    resource = _uploading(
        services.resource_create,
        actor=request.user,
        data=_data(payload, request.user),
        files=files or [],
        link=payload.link,
        note=payload.note,
    )
    r = selectors.resource_for_change(user=request.user, pk=resource.pk)
    versions = selectors.version_list(user=request.user, resource_pk=r.pk)
    return Status(201, {**_resource_out(r), "versions": [_version_out(v) for v in versions]})


@router.get(
    "/library/resources/{resource_id}/versions",
    response=list[VersionOut],
    auth=OptionalTokenAuth(),
    summary="Versions of a resource, newest first",
)
def resource_version_list(request, resource_id: int):
    resource = selectors.resource_get(user=request.user, pk=resource_id, request=request)
    return [_version_out(v) for v in resource.versions.all()]


@router.post(
    "/library/resources/{resource_id}/versions",
    response={201: VersionOut, **UPLOAD_ERRORS},
    openapi_extra=UPLOAD_EXTRA,
    summary="Publish a new version",
)
def resource_version_create(
    request, resource_id: int, payload: Form[VersionIn], files: File[list[UploadedFile]] = None
):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    version = _uploading(
        services.version_create,
        actor=request.user,
        resource=resource,
        files=files or [],
        link=payload.link,
        note=payload.note,
    )
    return Status(201, _version_out(version))


@router.get(
    "/library/files/{file_id}/download",
    auth=OptionalTokenAuth(),
    summary="Download a file (attachment)",
)
def resource_file_download(request, file_id: int):
    file = selectors.file_for_download(user=request.user, pk=file_id, request=request)
    return attachment(file)


@router.get(
    "/library/access-requests",
    response=list[AccessRequestOut],
    summary="Access requests addressed to your organisations and your own",
)
def library_access_request_list(request):
    inbox = list(selectors.access_request_inbox(user=request.user)[:MAX_LIMIT])
    sent = list(selectors.access_requests_sent(user=request.user)[:MAX_LIMIT])
    seen, rows = set(), []
    for a in inbox + sent:
        if a.pk not in seen:
            seen.add(a.pk)
            rows.append(_request_out(a))
    return rows


@router.post(
    "/library/resources/{resource_id}/access-requests",
    response={201: AccessRequestOut},
    summary="Ask for access to a restricted resource",
)
def library_access_request_create(request, resource_id: int, payload: AccessRequestIn):
    resource = selectors.restricted_get(user=request.user, pk=resource_id)
    organisation = get_object_or_404(
        selectors.own_organisations(user=request.user), pk=payload.organisation
    )
    created = services.access_request_create(
        actor=request.user, resource=resource, organisation=organisation, reason=payload.reason
    )
    return Status(201, _request_out(selectors.access_request_get(user=request.user, pk=created.pk)))


@router.post(
    "/library/access-requests/{request_id}/decision",
    response=AccessRequestOut,
    summary="Grant or refuse an access request",
)
def library_access_request_decide(request, request_id: int, payload: DecisionIn):
    access_request = selectors.access_request_get(user=request.user, pk=request_id)
    decided = services.access_request_decide(
        actor=request.user,
        access_request=access_request,
        grant=payload.grant,
        scope=payload.scope,
        note=payload.note,
    )
    return _request_out(selectors.access_request_get(user=request.user, pk=decided.pk))


@router.post(
    "/library/resources/{resource_id}/withdraw",
    response=ResourceOut,
    summary="Withdraw a resource (owning organisation or admin)",
)
def resource_withdraw(request, resource_id: int, payload: WithdrawIn):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    services.resource_withdraw(actor=request.user, resource=resource, reason=payload.reason)
    return _resource_out(resource)


@router.post(
    "/library/resources/{resource_id}/restore",
    response=ResourceOut,
    summary="Restore a withdrawn resource (owning organisation or admin)",
)
def resource_restore(request, resource_id: int):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    services.resource_restore(actor=request.user, resource=resource)
    return _resource_out(resource)
