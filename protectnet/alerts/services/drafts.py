"""The author's work on a draft before it leaves the agency: edit, attachments, discard.

A RED alert awaiting four-eyes approval counts as a draft here: any change to it withdraws the
approval request (the approver must see what is actually sent), and the author submits it again.
Changing its marking and sending in the same request is refused: otherwise the author could lower
RED to AMBER and release it at once, past the approver and the named-people limit.
Audit entries name what changed, never the content: field names and counts, no values.
"""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import can, require

from .. import crypto
from ..attachments import MAX_FILES, CheckedFile, check_files
from ..models import Alert, AlertAttachment, AlertRecipient, Status
from .compose import (
    AlertInput,
    _country_of,
    _reload,
    _require_encryption,
    _validate,
    alert_send,
    attachments_store,
)

CHANGEABLE = (Status.DRAFT, Status.AWAITING_APPROVAL)


def draft_input(alert: Alert) -> AlertInput:
    """The alert as it stands, as service input (the API merges a partial change into it)."""
    return AlertInput(
        alert_type=alert.alert_type,
        recipient_organisation_ids=[r.organisation_id for r in alert.recipients.all()],
        marking=alert.marking,
        priority=alert.priority,
        ack_deadline=alert.ack_deadline,
        summary=alert.summary,
        subject=dict(alert.subject),
        named_person_ids=[p.pk for p in alert.named_people.all()],
        sender_organisation_id=alert.sender_organisation_id,
    )


def require_changeable(actor, alert: Alert) -> None:
    """404 for anyone but the author; the author hears why a sent alert cannot change."""
    if can(actor, "alerts.draft.change", alert):
        return
    if alert.created_by_id == actor.pk and can(actor, "alerts.view", alert):
        raise ValidationError(
            _("This alert has left your agency: it can no longer be changed or discarded.")
        )
    require(actor, "alerts.draft.change", alert)


def _lock(alert: Alert) -> Alert:
    """Re-read under a row lock: an approval may have released it since the page was loaded."""
    locked = Alert.objects.select_for_update().get(pk=alert.pk)
    if locked.status not in CHANGEABLE:
        raise ValidationError(_("This alert has left your agency: it can no longer be changed."))
    return locked


def _withdraw_approval_request(locked: Alert) -> bool:
    if locked.status != Status.AWAITING_APPROVAL:
        return False
    locked.status, locked.submitted_at = Status.DRAFT, None
    locked.save(update_fields=["status", "submitted_at"])
    return True


def _refuse_marking_and_send(locked: Alert, data: AlertInput, send: bool) -> bool:
    return send and locked.status == Status.AWAITING_APPROVAL and data.marking != locked.marking


def _refused(actor, locked: Alert, data: AlertInput, request) -> ValidationError:
    audit.record(
        "alerts.alert.update_refused",
        actor=actor,
        obj=locked,
        request=request,
        data={"reason": "marking_change_awaiting_approval", "marking": data.marking},
    )
    return ValidationError(
        _(
            "This alert awaits approval: its marking cannot change in the same step as sending. "
            "Save the change without sending (the alert returns to draft), then send it again."
        ),
        code="approval_pending",
    )


def _check_new_files(alert: Alert, uploads, keep: int) -> list[CheckedFile]:
    """The same checks as at creation, and at most MAX_FILES on the alert in all."""
    ready = [f for f in uploads if isinstance(f, CheckedFile)]
    try:
        checked = ready + check_files([f for f in uploads if not isinstance(f, CheckedFile)])
    except ValidationError as exc:
        raise ValidationError({"attachments": exc.messages}) from exc
    if keep + len(checked) > MAX_FILES:
        raise ValidationError(
            {"attachments": [_("At most %(n)d attachments per alert.") % {"n": MAX_FILES}]}
        )
    return checked


def _changed(old: AlertInput, new: AlertInput, subject: dict) -> list[str]:
    names = [
        name
        for name in ("alert_type", "marking", "priority", "ack_deadline", "sender_organisation_id")
        if getattr(old, name) != getattr(new, name)
    ]
    if set(old.recipient_organisation_ids) != set(new.recipient_organisation_ids):
        names.append("recipients")
    if set(old.named_person_ids) != set(new.named_person_ids):
        names.append("named_people")
    if old.subject != subject:
        names.append("subject")
    if old.summary != new.summary.strip():
        names.append("summary")
    return names


def _save_fields(locked: Alert, data: AlertInput, sender_org: int, subject: dict) -> None:
    locked.alert_type = data.alert_type
    locked.sender_organisation_id = sender_org
    locked.origin_country_id = _country_of(sender_org)
    locked.marking, locked.priority = data.marking, data.priority
    locked.ack_deadline = data.ack_deadline
    locked.subject_ciphertext = crypto.encrypt_json(subject)
    locked.summary_ciphertext = crypto.encrypt_text(data.summary.strip())
    locked.full_clean()
    fields = ["alert_type", "sender_organisation", "origin_country", "marking", "priority"]
    locked.save(update_fields=[*fields, "ack_deadline", "subject_ciphertext", "summary_ciphertext"])


def _save_recipients(locked: Alert, orgs: list) -> None:
    # A draft's recipient rows carry no delivery data yet, so they can simply be replaced.
    wanted = {o.pk: o for o in orgs}
    AlertRecipient.objects.filter(alert=locked).exclude(organisation_id__in=wanted).delete()
    have = set(
        AlertRecipient.objects.filter(alert=locked).values_list("organisation_id", flat=True)
    )
    AlertRecipient.objects.bulk_create(
        AlertRecipient(alert=locked, organisation=o, country_id=o.country_id)
        for pk, o in wanted.items()
        if pk not in have
    )


def alert_update(
    *,
    actor,
    alert: Alert,
    data: AlertInput,
    remove_attachment_ids=(),
    send: bool = False,
    now=None,
    request=None,
) -> Alert:
    """Change a draft with the checks of creation; new files in data.files, removals by id."""
    now = now or timezone.now()
    require_changeable(actor, alert)
    _require_encryption()
    old = draft_input(alert)
    sender_org, orgs, named, subject, _files = _validate(actor, replace(data, files=[]), now)
    with transaction.atomic():
        locked = _lock(alert)
        if _refuse_marking_and_send(locked, data, send):
            # Only the refusal's audit entry is written, and it is kept: raise after the commit.
            refusal = _refused(actor, locked, data, request)
        else:
            refusal = None
            attachments = AlertAttachment.objects.filter(alert=locked)
            removing = attachments.filter(pk__in=[int(i) for i in remove_attachment_ids])
            keep = attachments.count() - removing.count()
            files = _check_new_files(locked, data.files, keep)
            changed = _changed(old, data, subject)
            _save_fields(locked, data, sender_org, subject)
            _save_recipients(locked, orgs)
            locked.named_people.set(named)
            removed, _detail = removing.delete()
            added = attachments_store(locked, files, actor, now)
            reset = _withdraw_approval_request(locked)
            audit.record(
                "alerts.alert.update",
                actor=actor,
                obj=locked,
                request=request,
                data={
                    "fields": changed,
                    "attachments_added": added,
                    "attachments_removed": removed,
                    "approval_request_withdrawn": reset,
                },
            )
            if send:
                return alert_send(actor=actor, alert=_reload(locked), now=now, request=request)
    if refusal:
        raise refusal
    return _reload(locked)


def alert_attachments_add(*, actor, alert: Alert, files, now=None, request=None) -> int:
    """Add checked, encrypted files to a draft; returns how many were added."""
    now = now or timezone.now()
    require_changeable(actor, alert)
    _require_encryption()
    files = list(files or [])
    if not files:
        raise ValidationError({"attachments": [_("Choose at least one file.")]})
    with transaction.atomic():
        locked = _lock(alert)
        checked = _check_new_files(
            locked, files, AlertAttachment.objects.filter(alert=locked).count()
        )
        added = attachments_store(locked, checked, actor, now)
        reset = _withdraw_approval_request(locked)
        audit.record(
            "alerts.attachment.add",
            actor=actor,
            obj=locked,
            request=request,
            data={"count": added, "approval_request_withdrawn": reset},
        )
    return added


def alert_attachment_remove(*, actor, alert: Alert, attachment: AlertAttachment, request=None):
    require_changeable(actor, alert)
    with transaction.atomic():
        locked = _lock(alert)
        deleted, _detail = AlertAttachment.objects.filter(alert=locked, pk=attachment.pk).delete()
        if not deleted:
            raise ValidationError(_("This attachment was already removed."))
        reset = _withdraw_approval_request(locked)
        audit.record(
            "alerts.attachment.remove",
            actor=actor,
            obj=locked,
            request=request,
            data={"attachment": attachment.pk, "approval_request_withdrawn": reset},
        )


def alert_discard(*, actor, alert: Alert, request=None) -> None:
    """Delete a draft that never left the agency; the audit log keeps its reference."""
    require_changeable(actor, alert)
    with transaction.atomic():
        locked = _lock(alert)
        audit.record(
            "alerts.alert.discard",
            actor=actor,
            obj=locked,
            request=request,
            data={"status": locked.status},
        )
        locked.delete()
