"""API operations for the alerts app (see access/rules.py for who may call each one).

Outsiders get 404 from every operation, exactly as on the pages: the rule table hides the area.
"""

from datetime import datetime
from typing import Literal

from ninja import Field, File, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.responses import Status

from protectnet.access.policy import can
from protectnet.alerts import selectors, services
from protectnet.alerts.models import Alert
from protectnet.alerts.stats import alert_stats as compute_alert_stats
from protectnet.alerts.subject import display_rows

from .alert_input import AlertUpdateIn, ShareIn, check_terminology, merged, utc
from .alert_stats import StatsOut, stats_payload

router = Router(tags=["alerts"])

MAX_LIMIT = 100


class RecipientOut(Schema):
    organisation_id: int
    organisation: str
    country: str
    delivered_at: datetime | None
    acknowledged_at: datetime | None
    outcome: str
    closed_at: datetime | None
    escalated_at: datetime | None


class AlertOut(Schema):
    id: int
    reference: str
    alert_type: str
    marking: str
    priority: str
    status: str
    sender_organisation_id: int
    sender_organisation: str
    recipients: list[RecipientOut]
    ack_deadline: datetime
    sent_at: datetime | None
    created_at: datetime


class AlertPage(Schema):
    count: int
    items: list[AlertOut]


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int


class ReplyOut(Schema):
    id: int
    author: str
    organisation: str
    body: str
    created_at: datetime


class ReadOut(Schema):
    reader: str
    organisation: str
    what: str
    read_at: datetime


class ShareOut(Schema):
    person_id: int
    person: str
    organisation: str
    shared_by: str
    created_at: datetime


class AlertDetailOut(AlertOut):
    content_available: bool
    handling: str | None = None
    shares: list[ShareOut] | None = None
    subject: dict[str, str] | None = None
    summary: str | None = None
    attachments: list[AttachmentOut] = []
    replies: list[ReplyOut] = []
    reads: list[ReadOut] | None = None


AlertTypeName = Literal[
    "travel_notification", "intelligence_referral", "request_for_assistance", "information"
]


class AlertCreateIn(Schema):
    model_config = {"extra": "forbid"}

    alert_type: AlertTypeName
    recipient_organisation_ids: list[int] = Field(..., min_length=1, max_length=50)
    marking: Literal["AMBER", "AMBER_STRICT", "RED"]
    priority: Literal["routine", "high", "urgent"] = "routine"
    ack_deadline: datetime
    summary: str = Field(..., min_length=1, max_length=8000)
    subject: dict[str, str] = {}
    named_person_ids: list[int] = Field([], max_length=100)
    sender_organisation_id: int | None = None
    send: bool = False
    terminology_confirmed: bool = False


class ReplyIn(Schema):
    model_config = {"extra": "forbid"}

    body: str = Field(..., min_length=1, max_length=8000)


class OutcomeIn(Schema):
    model_config = {"extra": "forbid"}

    outcome: Literal["entry_refused", "monitored", "no_action", "information_passed_on"]


class RetractIn(Schema):
    model_config = {"extra": "forbid"}

    reason: Literal["sent_in_error", "superseded", "no_longer_valid"]


def _header(alert: Alert) -> dict:
    return {
        "id": alert.pk,
        "reference": alert.reference,
        "alert_type": alert.alert_type,
        "marking": alert.marking,
        "priority": alert.priority,
        "status": alert.status,
        "sender_organisation_id": alert.sender_organisation_id,
        "sender_organisation": alert.sender_organisation.name,
        "recipients": [
            {
                "organisation_id": r.organisation_id,
                "organisation": r.organisation.name,
                "country": str(r.country.code),
                "delivered_at": r.delivered_at,
                "acknowledged_at": r.acknowledged_at,
                "outcome": r.outcome,
                "closed_at": r.closed_at,
                "escalated_at": r.escalated_at,
            }
            for r in alert.recipients.all()
        ],
        "ack_deadline": alert.ack_deadline,
        "sent_at": alert.sent_at,
        "created_at": alert.created_at,
    }


def _detail(request, alert: Alert) -> dict:
    user = request.user
    data = _header(alert)
    content = can(user, "alerts.read_content", alert)
    data["content_available"] = content
    if content:
        data["handling"] = str(alert.handling)
        data["subject"] = {str(k): str(v) for k, v in display_rows(alert.alert_type, alert.subject)}
        data["summary"] = alert.summary
        data["attachments"] = [
            {"id": a.pk, "name": a.name, "content_type": a.content_type, "size": a.size}
            for a in alert.attachments.all()
        ]
        data["replies"] = [
            {
                "id": r.pk,
                "author": str(r.author) if r.author else "",
                "organisation": r.organisation.name,
                "body": r.body,
                "created_at": r.created_at,
            }
            for r in alert.replies.all()
        ]
    if can(user, "alerts.sender_view", alert) or selectors.recipient_row_for(
        user=user, alert=alert
    ):
        data["shares"] = [
            {
                "person_id": s.person_id,
                "person": s.person.display_name,
                "organisation": s.organisation.name,
                "shared_by": s.shared_by.email if s.shared_by else "",
                "created_at": s.created_at,
            }
            for s in alert.shares.all()
        ]
    if can(user, "alerts.sender_view", alert):
        data["reads"] = [
            {
                "reader": r.user.email if r.user else "",
                "organisation": r.organisation.name if r.organisation else "",
                "what": r.what,
                "read_at": r.read_at,
            }
            for r in selectors.alert_reads(alert=alert)[:500]
        ]
    return data


def _only_known_params(request, schema: type[Schema]) -> None:
    """An unknown query parameter is a mistake worth reporting, not something to ignore."""
    unknown = sorted(set(request.GET) - set(schema.model_fields))
    if unknown:
        raise HttpError(422, f"Unknown query parameters: {', '.join(unknown)[:200]}")


def _load(request, alert_id: int) -> Alert:
    return selectors.alert_get(user=request.user, pk=alert_id)


def _fresh(request, alert_id: int) -> dict:
    return _detail(request, _load(request, alert_id))


class AlertListQuery(Schema):
    model_config = {"extra": "forbid"}

    box: Literal["all", "inbox", "sent"] = "all"
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get("/alerts", response=AlertPage, summary="Alerts visible to me (headers only)")
def alert_list(request, filters: Query[AlertListQuery]):
    _only_known_params(request, AlertListQuery)
    qs = selectors.alert_list(user=request.user, box=filters.box)
    page = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [_header(a) for a in page]}


class PageQuery(Schema):
    model_config = {"extra": "forbid"}

    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


@router.get("/alerts/overdue", response=AlertPage, summary="Alerts past their deadline")
def alert_overdue_list(request, page: Query[PageQuery]):
    _only_known_params(request, PageQuery)
    qs = selectors.alert_overdue_list(user=request.user)
    items = qs[page.offset : page.offset + page.limit]
    return {"count": qs.count(), "items": [_header(a) for a in items]}


@router.get(
    "/alerts/statistics",
    response=StatsOut,
    summary="Counts only: exact for vetted law enforcement, small cells suppressed for others",
)
def alert_stats(request):
    return stats_payload(compute_alert_stats(user=request.user))


@router.get("/alerts/{alert_id}", response=AlertDetailOut, summary="One alert (read is logged)")
def alert_get(request, alert_id: int):
    alert = _load(request, alert_id)
    services.alert_read(actor=request.user, alert=alert, request=request)
    return _detail(request, alert)


@router.post("/alerts", response={201: AlertDetailOut}, summary="Create (and optionally send)")
def alert_create(request, payload: AlertCreateIn):
    check_terminology(payload.summary, payload.subject, payload.terminology_confirmed)
    data = services.AlertInput(
        alert_type=payload.alert_type,
        recipient_organisation_ids=payload.recipient_organisation_ids,
        marking=payload.marking,
        priority=payload.priority,
        ack_deadline=utc(payload.ack_deadline),
        summary=payload.summary,
        subject=payload.subject,
        named_person_ids=payload.named_person_ids,
        sender_organisation_id=payload.sender_organisation_id,
    )
    alert = services.alert_create(actor=request.user, data=data, send=payload.send, request=request)
    return Status(201, _fresh(request, alert.pk))


@router.patch("/alerts/{alert_id}", response=AlertDetailOut, summary="Change a draft (author)")
def alert_update(request, alert_id: int, payload: AlertUpdateIn):
    changes = payload.model_dump(exclude_unset=True)
    send = changes.pop("send", False)
    confirmed = changes.pop("terminology_confirmed", False)
    if not changes:
        raise HttpError(422, "Send at least one field to change.")
    alert = _load(request, alert_id)
    services.require_changeable(request.user, alert)
    check_terminology(changes.get("summary"), changes.get("subject") or {}, confirmed)
    data = merged(services.draft_input(alert), changes)
    services.alert_update(actor=request.user, alert=alert, data=data, send=send, request=request)
    return _fresh(request, alert_id)


@router.delete("/alerts/{alert_id}", response={204: None}, summary="Discard a draft (author)")
def alert_discard(request, alert_id: int):
    services.alert_discard(actor=request.user, alert=_load(request, alert_id), request=request)
    return Status(204, None)


@router.post(
    "/alerts/{alert_id}/attachments",
    response={201: AlertDetailOut},
    summary="Add attachments to a draft (multipart, field `files`)",
)
def alert_attachment_add(request, alert_id: int, files: File[list[UploadedFile]]):
    alert = _load(request, alert_id)
    services.alert_attachments_add(actor=request.user, alert=alert, files=files, request=request)
    return Status(201, _fresh(request, alert_id))


@router.delete(
    "/alerts/{alert_id}/attachments/{attachment_id}",
    response=AlertDetailOut,
    summary="Remove an attachment from a draft",
)
def alert_attachment_remove(request, alert_id: int, attachment_id: int):
    alert = _load(request, alert_id)
    services.require_changeable(request.user, alert)
    attachment = selectors.attachment_get(user=request.user, alert=alert, pk=attachment_id)
    services.alert_attachment_remove(
        actor=request.user, alert=alert, attachment=attachment, request=request
    )
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/send", response=AlertDetailOut, summary="Send a draft")
def alert_send(request, alert_id: int):
    services.alert_send(actor=request.user, alert=_load(request, alert_id), request=request)
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/approve", response=AlertDetailOut, summary="Four-eyes release")
def alert_approve(request, alert_id: int):
    services.alert_approve(actor=request.user, alert=_load(request, alert_id), request=request)
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/acknowledge", response=AlertDetailOut, summary="Acknowledge")
def alert_acknowledge(request, alert_id: int):
    services.alert_acknowledge(actor=request.user, alert=_load(request, alert_id), request=request)
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/replies", response={201: AlertDetailOut}, summary="Reply")
def alert_reply(request, alert_id: int, payload: ReplyIn):
    alert = _load(request, alert_id)
    services.alert_reply(actor=request.user, alert=alert, body=payload.body, request=request)
    return Status(201, _fresh(request, alert_id))


@router.post(
    "/alerts/{alert_id}/shares",
    response={201: AlertDetailOut},
    summary="Share a TLP:AMBER alert with a vetted colleague of another agency of my country",
)
def alert_share(request, alert_id: int, payload: ShareIn):
    alert = _load(request, alert_id)
    services.alert_share(
        actor=request.user, alert=alert, person_id=payload.person_id, request=request
    )
    return Status(201, _fresh(request, alert_id))


@router.post("/alerts/{alert_id}/outcome", response=AlertDetailOut, summary="Record outcome")
def alert_outcome(request, alert_id: int, payload: OutcomeIn):
    alert = _load(request, alert_id)
    services.alert_outcome(
        actor=request.user, alert=alert, outcome=payload.outcome, request=request
    )
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/close", response=AlertDetailOut, summary="Close")
def alert_close(request, alert_id: int):
    services.alert_close(actor=request.user, alert=_load(request, alert_id), request=request)
    return _fresh(request, alert_id)


@router.post("/alerts/{alert_id}/retract", response=AlertDetailOut, summary="Retract")
def alert_retract(request, alert_id: int, payload: RetractIn):
    alert = _load(request, alert_id)
    services.alert_retract(actor=request.user, alert=alert, reason=payload.reason, request=request)
    return _fresh(request, alert_id)
