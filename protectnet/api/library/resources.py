"""API operations on resources: the list, one resource, adding, withdrawing and restoring.

The list and the add share their path, so they share this router (one URL pattern per path)."""

from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.library import selectors, services
from protectnet.library.search import Facets, search

from .common import (
    UPLOAD_ERRORS,
    UPLOAD_EXTRA,
    ResourceDetailOut,
    ResourceOut,
    resource_out,
    split,
    uploading,
    version_out,
)
from .search import ResourcePage, SearchParams

router = Router()


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


class WithdrawIn(Schema):
    reason: str = Field("", max_length=500)


def _ids(value: str) -> list[int]:
    try:
        return [int(v) for v in split(value)]
    except ValueError as exc:
        raise ValidationError("Organisation ids must be numbers.") from exc


def _data(payload: ResourceIn, user) -> services.ResourceData:
    # An organisation that is not the caller's is "not found", like any id the user cannot use.
    owner = get_object_or_404(selectors.own_organisations(user=user), pk=payload.owner_organisation)
    emails = [e.lower() for e in split(payload.named_emails)]
    people = selectors.people_by_email(user=user, emails=emails)
    if len(people) != len(set(emails)):
        raise ValidationError({"named_emails": ["Some addresses are not in the directory."]})
    chosen = selectors.resource_choices_by_code(
        user=user,
        languages=split(payload.languages),
        countries=split(payload.countries),
        topics=split(payload.topics),
        organisations=_ids(payload.shared_with),
    )
    return services.ResourceData(
        title=payload.title,
        summary=payload.summary,
        resource_type=payload.resource_type,
        owner_organisation=owner,
        marking=payload.marking,
        **chosen,
        named_people=people,
        listed_when_restricted=payload.listed_when_restricted,
        review_date=payload.review_date,
        published_on=payload.published_on,
    )


@router.get(
    "/library/resources", response=ResourcePage, auth=OptionalTokenAuth(), summary="Resources"
)
@requires("library.resource.view")
def library_resource_list(request, params: Query[SearchParams]):
    result = search(
        request.user,
        params.q,
        params.filters(),
        per_page=params.limit,
        offset=params.offset,
        facets=Facets.NONE,
    )
    return {"count": result.total, "items": [resource_out(h.resource) for h in result.hits]}


@router.get(
    "/library/resources/{resource_id}",
    response=ResourceDetailOut,
    auth=OptionalTokenAuth(),
    summary="One resource with its versions",
)
@requires("library.resource.view")
def library_resource_get(request, resource_id: int):
    r = selectors.resource_get(user=request.user, pk=resource_id, request=request)
    return {**resource_out(r), "versions": [version_out(v) for v in r.versions.all()]}


@router.post(
    "/library/resources",
    response={201: ResourceDetailOut, **UPLOAD_ERRORS},
    openapi_extra=UPLOAD_EXTRA,
    summary="Add a resource",
)
@requires("library.resource.create")
def library_resource_create(
    request, payload: Form[ResourceIn], files: File[list[UploadedFile]] = None
):
    resource = uploading(
        services.resource_create,
        actor=request.user,
        data=_data(payload, request.user),
        files=files or [],
        link=payload.link,
        note=payload.note,
    )
    r = selectors.resource_for_change(user=request.user, pk=resource.pk)
    versions = selectors.version_list(user=request.user, resource_pk=r.pk)
    return Status(201, {**resource_out(r), "versions": [version_out(v) for v in versions]})


@router.post(
    "/library/resources/{resource_id}/withdraw",
    response=ResourceOut,
    summary="Withdraw a resource (owning organisation or admin)",
)
@requires("library.resource.withdraw")
def library_resource_withdraw(request, resource_id: int, payload: WithdrawIn):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    services.resource_withdraw(actor=request.user, resource=resource, reason=payload.reason)
    return resource_out(resource)


@router.post(
    "/library/resources/{resource_id}/restore",
    response=ResourceOut,
    summary="Restore a withdrawn resource (owning organisation or admin)",
)
@requires("library.resource.restore")
def library_resource_restore(request, resource_id: int):
    resource = selectors.resource_for_change(user=request.user, pk=resource_id)
    services.resource_restore(actor=request.user, resource=resource)
    return resource_out(resource)
