"""What the alert operations accept: a new alert, draft changes, replies, shares, outcomes and
retractions; UTC times, the language check, and draft changes laid over the stored draft."""

from dataclasses import replace
from datetime import UTC, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, Schema

from protectnet.alerts.services import AlertInput
from protectnet.terminology.services import check_fields

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


class AlertUpdateIn(Schema):
    """Only the fields to change. `subject` is merged into the stored details ("" removes one);
    a new marking other than RED drops the named people unless they are sent too."""

    model_config = {"extra": "forbid"}

    alert_type: (
        Literal[
            "travel_notification", "intelligence_referral", "request_for_assistance", "information"
        ]
        | None
    ) = None
    recipient_organisation_ids: list[int] | None = Field(None, min_length=1, max_length=50)
    marking: Literal["AMBER", "AMBER_STRICT", "RED"] | None = None
    priority: Literal["routine", "high", "urgent"] | None = None
    ack_deadline: datetime | None = None
    summary: str | None = Field(None, min_length=1, max_length=8000)
    subject: dict[str, str] | None = None
    named_person_ids: list[int] | None = Field(None, max_length=100)
    sender_organisation_id: int | None = None
    send: bool = False
    terminology_confirmed: bool = False


class ShareIn(Schema):
    model_config = {"extra": "forbid"}

    person_id: int


def utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)  # the API speaks UTC
    return moment


def check_terminology(summary: str | None, subject: dict, confirmed: bool) -> None:
    """The pages' language check: discouraged terms need an explicit confirmation."""
    if confirmed:
        return
    texts = {"summary": summary or "", "risk_summary": subject.get("risk_summary") or ""}
    errors = {
        name: [
            f"“{f.matched}”: {f.reason} Preferred: {', '.join(f.preferred)}."
            for f in findings
            if f.blocking
        ]
        for name, findings in check_fields(texts).items()
    }
    errors = {name: notes for name, notes in errors.items() if notes}
    if errors:
        errors["terminology_confirmed"] = [
            "Review the language notes, or send terminology_confirmed: true to save anyway."
        ]
        raise ValidationError(errors)


def merged(current: AlertInput, changes: dict) -> AlertInput:
    """The draft as stored with the requested changes laid over it."""
    if "subject" in changes:
        changes["subject"] = {**current.subject, **changes["subject"]}
    if "ack_deadline" in changes:
        changes["ack_deadline"] = utc(changes["ack_deadline"])
    if changes.get("marking") not in (None, "RED") and "named_person_ids" not in changes:
        changes["named_person_ids"] = []
    return replace(current, **changes)


def create_input(payload: AlertCreateIn) -> AlertInput:
    """The new alert as the service takes it (times in UTC)."""
    return AlertInput(
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
