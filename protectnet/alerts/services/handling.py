"""Working on a delivered alert: read, acknowledge, reply, record the outcome, close."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import can, require
from protectnet.access.principal import principal_for

from .. import crypto, notify
from ..models import Alert, AlertAttachment, AlertRead, AlertRecipient, AlertReply, Outcome, Status
from ..selectors import recipient_row_for

MAX_REPLY = 8000


def _acting_organisation(actor, alert: Alert) -> int | None:
    orgs = principal_for(actor).le_organisation_ids
    if alert.sender_organisation_id in orgs:
        return alert.sender_organisation_id
    row = recipient_row_for(user=actor, alert=alert)
    if row:
        return row.organisation_id
    # A colleague an AMBER alert was shared with reads it on behalf of their own agency.
    return next((s.organisation_id for s in alert.shares.all() if s.organisation_id in orgs), None)


def _my_row(actor, alert: Alert) -> AlertRecipient:
    row = recipient_row_for(user=actor, alert=alert)
    if row is None:
        raise Http404  # not a recipient: nothing to say about this alert
    row.alert = alert
    return row


def alert_read(*, actor, alert: Alert, request=None, what: str = "alert") -> None:
    """Log one opening of an alert (content, or only the header once it is retracted)."""
    require(actor, "alerts.view", alert)
    content = can(actor, "alerts.read_content", alert)
    what = what if content else "header"
    with transaction.atomic():
        AlertRead.objects.create(
            alert=alert,
            user=actor,
            organisation_id=_acting_organisation(actor, alert),
            what=what,
            read_at=timezone.now(),
        )
        audit.record(
            "alerts.alert.read", actor=actor, obj=alert, request=request, data={"what": what}
        )


def alert_attachment_read(
    *, actor, alert: Alert, attachment: AlertAttachment, request=None
) -> tuple[str, str, bytes]:
    """Decrypt one attachment for download: (name, content type, bytes), audited as a read."""
    require(actor, "alerts.read_content", alert)
    if attachment.alert_id != alert.pk:
        raise Http404
    raw = AlertAttachment.objects.values_list("content_ciphertext", flat=True).get(pk=attachment.pk)
    data = crypto.decrypt_bytes(raw)
    with transaction.atomic():
        AlertRead.objects.create(
            alert=alert,
            user=actor,
            organisation_id=_acting_organisation(actor, alert),
            what="attachment",
        )
        audit.record(
            "alerts.attachment.download",
            actor=actor,
            obj=alert,
            request=request,
            data={"attachment": attachment.pk},
        )
    return attachment.name, attachment.content_type, data


def alert_reads_export_record(*, actor, alert: Alert, request=None) -> None:
    require(actor, "alerts.sender_view", alert)
    audit.record("alerts.alert.export", actor=actor, obj=alert, request=request)


def alert_acknowledge(*, actor, alert: Alert, now=None, request=None) -> AlertRecipient:
    now = now or timezone.now()
    row = _my_row(actor, alert)
    require(actor, "alerts.acknowledge", row)
    with transaction.atomic():
        row = AlertRecipient.objects.select_for_update().get(pk=row.pk)
        if row.acknowledged_at:
            raise ValidationError(_("Your agency has already acknowledged this alert."))
        row.acknowledged_at, row.acknowledged_by = now, actor
        row.save(update_fields=["acknowledged_at", "acknowledged_by"])
        waiting = AlertRecipient.objects.filter(alert=alert, acknowledged_at__isnull=True)
        if alert.status == Status.SENT and not waiting.exists():
            alert.status = Status.ACKNOWLEDGED
            alert.save(update_fields=["status"])
        audit.record(
            "alerts.alert.acknowledge",
            actor=actor,
            obj=alert,
            request=request,
            data={"organisation": row.organisation_id},
        )
    return row


def alert_reply(*, actor, alert: Alert, body: str, now=None, request=None) -> AlertReply:
    now = now or timezone.now()
    require(actor, "alerts.reply", alert)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a reply.")]})
    if len(body) > MAX_REPLY:
        raise ValidationError({"body": [_("At most %(n)d characters.") % {"n": MAX_REPLY}]})
    org_id = _acting_organisation(actor, alert)
    with transaction.atomic():
        reply = AlertReply(
            alert=alert,
            author=actor,
            organisation_id=org_id,
            body_ciphertext=crypto.encrypt_text(body),
            created_at=now,
        )
        reply.full_clean()
        reply.save()
        notify.on_commit_reply(
            alert, from_sender=org_id == alert.sender_organisation_id, author_id=actor.pk
        )
        audit.record("alerts.alert.reply", actor=actor, obj=alert, request=request)
    return reply


def alert_outcome(*, actor, alert: Alert, outcome: str, now=None, request=None) -> AlertRecipient:
    now = now or timezone.now()
    row = _my_row(actor, alert)
    require(actor, "alerts.outcome", row)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose an outcome.")]})
    if not row.acknowledged_at:
        raise ValidationError(_("Acknowledge the alert before recording an outcome."))
    if row.closed_at:
        raise ValidationError(_("Your agency has closed this alert; the outcome is final."))
    with transaction.atomic():
        row.outcome, row.outcome_at, row.outcome_by = outcome, now, actor
        row.save(update_fields=["outcome", "outcome_at", "outcome_by"])
        audit.record(
            "alerts.alert.outcome",
            actor=actor,
            obj=alert,
            request=request,
            data={"organisation": row.organisation_id, "outcome": outcome},
        )
    return row


def alert_close(*, actor, alert: Alert, now=None, request=None) -> Alert:
    """A recipient closes its own part (outcome first); the sender closes the whole alert."""
    now = now or timezone.now()
    require(actor, "alerts.close", alert)
    sender = alert.sender_organisation_id in principal_for(actor).le_organisation_ids
    with transaction.atomic():
        rows = AlertRecipient.objects.select_for_update().filter(
            alert=alert, closed_at__isnull=True
        )
        if not sender:
            row = _my_row(actor, alert)
            if row.closed_at:
                raise ValidationError(_("Your agency has already closed this alert."))
            if not row.outcome:
                raise ValidationError(_("Record the outcome before closing."))
            rows = rows.filter(pk=row.pk)
        rows.update(closed_at=now)
        if (
            sender
            or not AlertRecipient.objects.filter(alert=alert, closed_at__isnull=True).exists()
        ):
            alert.status, alert.closed_at = Status.CLOSED, now
            alert.save(update_fields=["status", "closed_at"])
        audit.record(
            "alerts.alert.close",
            actor=actor,
            obj=alert,
            request=request,
            data={"scope": "alert" if sender else "recipient"},
        )
    return alert
