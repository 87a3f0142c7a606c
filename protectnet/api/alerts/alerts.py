"""An alert's life from the sending side: list, read, create, change, discard, send, approve,
retract. Outsiders get 404 from every operation, exactly as on the pages (the rules hide the
area)."""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from protectnet.access.routes import requires
from protectnet.alerts import selectors, services

from .input import (
    AlertCreateIn,
    AlertUpdateIn,
    RetractIn,
    check_terminology,
    create_input,
    merged,
)
from .schemas import (
    MAX_LIMIT,
    AlertDetailOut,
    AlertPage,
    detail,
    fresh,
    header,
    load,
    only_known_params,
)

router = Router()


class AlertListQuery(Schema):
    model_config = {"extra": "forbid"}

    box: Literal["all", "inbox", "sent"] = "all"
    needs: Literal["ack"] | None = Field(
        None, description="ack: only alerts waiting for my agency's acknowledgement"
    )
    overdue: bool = Field(False, description="only alerts past their acknowledgement deadline")
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get("/alerts", response=AlertPage, summary="Alerts visible to me (headers only)")
@requires("alerts.view")
def alerts_alert_list(request, filters: Query[AlertListQuery]):
    only_known_params(request, AlertListQuery)
    qs = selectors.alert_list(
        user=request.user, box=filters.box, needs=filters.needs or "", overdue=filters.overdue
    )
    page = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [header(a) for a in page]}


class PageQuery(Schema):
    model_config = {"extra": "forbid"}

    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get("/alerts/overdue", response=AlertPage, summary="Alerts past their deadline")
@requires("alerts.view")
def alerts_overdue_list(request, page: Query[PageQuery]):
    only_known_params(request, PageQuery)
    qs = selectors.alert_overdue_list(user=request.user)
    items = qs[page.offset : page.offset + page.limit]
    return {"count": qs.count(), "items": [header(a) for a in items]}


@router.get("/alerts/{alert_id}", response=AlertDetailOut, summary="One alert (read is logged)")
@requires("alerts.view")
def alerts_alert_get(request, alert_id: int):
    alert = load(request, alert_id)
    services.alert_read(actor=request.user, alert=alert, request=request)
    return detail(request, alert)


@router.post("/alerts", response={201: AlertDetailOut}, summary="Create (and optionally send)")
@requires("alerts.create")
def alerts_alert_create(request, payload: AlertCreateIn):
    check_terminology(payload.summary, payload.subject, payload.terminology_confirmed)
    alert = services.alert_create(
        actor=request.user, data=create_input(payload), send=payload.send, request=request
    )
    return Status(201, fresh(request, alert.pk))


@router.patch("/alerts/{alert_id}", response=AlertDetailOut, summary="Change a draft (author)")
@requires("alerts.draft.change")
def alerts_alert_update(request, alert_id: int, payload: AlertUpdateIn):
    changes = payload.model_dump(exclude_unset=True)
    send = changes.pop("send", False)
    confirmed = changes.pop("terminology_confirmed", False)
    if not changes:
        raise HttpError(422, _("Send at least one field to change."))
    alert = load(request, alert_id)
    services.require_changeable(request.user, alert)
    check_terminology(changes.get("summary"), changes.get("subject") or {}, confirmed)
    data = merged(services.draft_input(alert), changes)
    services.alert_update(actor=request.user, alert=alert, data=data, send=send, request=request)
    return fresh(request, alert_id)


@router.delete("/alerts/{alert_id}", response={204: None}, summary="Discard a draft (author)")
@requires("alerts.draft.change")
def alerts_alert_discard(request, alert_id: int):
    services.alert_discard(actor=request.user, alert=load(request, alert_id), request=request)
    return Status(204, None)


@router.post("/alerts/{alert_id}/send", response=AlertDetailOut, summary="Send a draft")
@requires("alerts.send")
def alerts_alert_send(request, alert_id: int):
    services.alert_send(actor=request.user, alert=load(request, alert_id), request=request)
    return fresh(request, alert_id)


@router.post("/alerts/{alert_id}/approve", response=AlertDetailOut, summary="Four-eyes release")
@requires("alerts.approve")
def alerts_alert_approve(request, alert_id: int):
    services.alert_approve(actor=request.user, alert=load(request, alert_id), request=request)
    return fresh(request, alert_id)


@router.post("/alerts/{alert_id}/retract", response=AlertDetailOut, summary="Retract")
@requires("alerts.retract")
def alerts_alert_retract(request, alert_id: int, payload: RetractIn):
    alert = load(request, alert_id)
    services.alert_retract(actor=request.user, alert=alert, reason=payload.reason, request=request)
    return fresh(request, alert_id)
