"""API operations on requests for access to restricted resources."""

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.library import selectors, services

from .common import MAX_LIMIT

router = Router()


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


@router.get(
    "/library/access-requests",
    response=list[AccessRequestOut],
    summary="Access requests addressed to your organisations and your own",
)
@requires("library.access.inbox")
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
@requires("library.access.request")
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
@requires("library.access.decide")
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
