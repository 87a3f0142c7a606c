"""What the alert operations answer: headers for lists, the detail with what the caller may read.

Content (subject, summary, attachments, replies) only where `alerts.read_content` allows it;
shares for both sides; the read log for the sending agency.
"""

from datetime import datetime

from ninja import Schema
from ninja.errors import HttpError

from protectnet.access.policy import can
from protectnet.alerts import selectors
from protectnet.alerts.models import Alert
from protectnet.alerts.subject import display_rows

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


def header(alert: Alert) -> dict:
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


def detail(request, alert: Alert) -> dict:
    user = request.user
    data = header(alert)
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


def only_known_params(request, schema: type[Schema]) -> None:
    """An unknown query parameter is a mistake worth reporting, not something to ignore."""
    unknown = sorted(set(request.GET) - set(schema.model_fields))
    if unknown:
        raise HttpError(422, f"Unknown query parameters: {', '.join(unknown)[:200]}")


def load(request, alert_id: int) -> Alert:
    return selectors.alert_get(user=request.user, pk=alert_id)


def fresh(request, alert_id: int) -> dict:
    return detail(request, load(request, alert_id))
