"""The sender's side: create, send (or submit for four-eyes approval), approve, retract."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.markings import Marking
from protectnet.access.policy import require
from protectnet.access.principal import principal_for
from protectnet.network.models import Organisation

from .. import crypto, notify
from ..attachments import CheckedFile, check_files
from ..models import (
    ALERT_MARKINGS,
    Alert,
    AlertAttachment,
    AlertRecipient,
    Priority,
    RetractionReason,
    Status,
)
from ..selectors import recipient_organisation_choices, vetted_people_by_organisation
from ..subject import clean_subject

MAX_SUMMARY = 8000
MAX_DEADLINE = timedelta(days=30)


@dataclass
class AlertInput:
    alert_type: str
    recipient_organisation_ids: list[int]
    marking: str
    priority: str
    ack_deadline: datetime
    summary: str
    subject: dict = field(default_factory=dict)
    named_person_ids: list[int] = field(default_factory=list)
    sender_organisation_id: int | None = None
    files: list = field(default_factory=list)  # uploads or CheckedFile


def _require_encryption() -> None:
    try:
        crypto.fernet()
    except crypto.EncryptionUnavailable as exc:
        raise ValidationError(
            _("Alerts cannot be stored: no encryption key is configured on this server.")
        ) from exc


def _sender_org(actor, wanted: int | None) -> int:
    orgs = principal_for(actor).le_organisation_ids
    if wanted is None and len(orgs) == 1:
        return next(iter(orgs))
    if wanted not in orgs:
        raise ValidationError({"sender_organisation": _("Choose your own agency.")})
    return wanted


def _check_recipients(actor, data: AlertInput, errors: dict) -> list:
    wanted = {int(i) for i in data.recipient_organisation_ids}
    if not wanted:
        errors["recipients"] = [_("Choose at least one recipient agency.")]
        return []
    orgs = list(recipient_organisation_choices(user=actor).filter(pk__in=wanted))
    if len(orgs) != len(wanted):
        errors["recipients"] = [
            _("Recipients must be law-enforcement agencies of partner countries.")
        ]
    return orgs


def _check_named(data: AlertInput, sender_org: int, orgs: list, errors: dict) -> set[int]:
    named = {int(i) for i in data.named_person_ids}
    if data.marking != Marking.RED:
        if named:
            errors["named_people"] = [_("Only TLP:RED alerts name people.")]
        return set()
    by_org = vetted_people_by_organisation(organisation_ids=[o.pk for o in orgs] + [sender_org])
    eligible = set().union(*by_org.values()) if by_org else set()
    if not named:
        errors["named_people"] = [_("A TLP:RED alert must name its recipients person by person.")]
    elif named - eligible:
        errors["named_people"] = [
            _("Name only vetted members of the recipient agencies or of your own agency.")
        ]
    elif any(not (by_org.get(o.pk, set()) & named) for o in orgs):
        errors["named_people"] = [_("Name at least one person in every recipient agency.")]
    return named


def _check_handling(data: AlertInput, now, errors: dict) -> None:
    if data.marking not in {m for m, _label in ALERT_MARKINGS}:
        errors["marking"] = [_("Alerts are marked TLP:AMBER, TLP:AMBER+STRICT or TLP:RED.")]
    if data.priority not in Priority.values:
        errors["priority"] = [_("Choose a priority.")]
    deadline = data.ack_deadline
    if deadline is None or timezone.is_naive(deadline) or deadline <= now:
        errors["ack_deadline"] = [_("The acknowledgement deadline must be in the future.")]
    elif deadline > now + MAX_DEADLINE:
        errors["ack_deadline"] = [_("The acknowledgement deadline must be within 30 days.")]
    summary = (data.summary or "").strip()
    if not summary:
        errors["summary"] = [_("Write a summary.")]
    elif len(summary) > MAX_SUMMARY:
        errors["summary"] = [_("At most %(n)d characters.") % {"n": MAX_SUMMARY}]


def _check_content(data: AlertInput, errors: dict) -> tuple[dict, list[CheckedFile]]:
    subject, files = {}, []
    try:
        subject = clean_subject(data.alert_type, data.subject or {})
    except ValidationError as exc:
        errors.update(exc.message_dict)
    ready = [f for f in data.files if isinstance(f, CheckedFile)]
    try:
        files = ready + check_files([f for f in data.files if not isinstance(f, CheckedFile)])
    except ValidationError as exc:
        errors["attachments"] = exc.messages
    return subject, files


def _validate(actor, data: AlertInput, now) -> tuple[int, list, set, dict, list[CheckedFile]]:
    """Every problem at once, by field, so a form can show them all; nothing is stored."""
    errors: dict[str, list] = {}
    sender_org = _sender_org(actor, data.sender_organisation_id)
    orgs = _check_recipients(actor, data, errors)
    named = _check_named(data, sender_org, orgs, errors)
    _check_handling(data, now, errors)
    subject, files = _check_content(data, errors)
    if errors:
        raise ValidationError(errors)
    return sender_org, orgs, named, subject, files


def alert_create(*, actor, data: AlertInput, send: bool = False, now=None, request=None) -> Alert:
    """Store a draft (encrypted), and send it at once when asked (RED: submit for approval)."""
    now = now or timezone.now()
    require(actor, "alerts.create")
    _require_encryption()
    sender_org, orgs, named, subject, files = _validate(actor, data, now)
    with transaction.atomic():
        alert = Alert(
            alert_type=data.alert_type,
            sender_organisation_id=sender_org,
            origin_country_id=_country_of(sender_org),
            created_by=actor,
            marking=data.marking,
            priority=data.priority,
            ack_deadline=data.ack_deadline,
            subject_ciphertext=crypto.encrypt_json(subject),
            summary_ciphertext=crypto.encrypt_text(data.summary.strip()),
            created_at=now,
        )
        alert.full_clean()
        alert.save()
        AlertRecipient.objects.bulk_create(
            AlertRecipient(alert=alert, organisation=o, country_id=o.country_id) for o in orgs
        )
        alert.named_people.set(named)
        attachments_store(alert, files, actor, now)
        audit.record(
            "alerts.alert.create",
            actor=actor,
            obj=alert,
            request=request,
            data={
                "type": alert.alert_type,
                "marking": alert.marking,
                "recipients": len(orgs),
                "attachments": len(files),
            },
        )
        if send:
            alert = alert_send(actor=actor, alert=_reload(alert), now=now, request=request)
    return alert


def attachments_store(alert: Alert, files: list[CheckedFile], actor, now) -> int:
    """Name and content are encrypted like the alert itself: a file is as sensitive as the text."""
    AlertAttachment.objects.bulk_create(
        AlertAttachment(
            alert=alert,
            name_ciphertext=crypto.encrypt_text(f.name),
            content_type=f.content_type,
            size=len(f.data),
            content_ciphertext=crypto.encrypt_bytes(f.data),
            uploaded_by=actor,
            created_at=now,
        )
        for f in files
    )
    return len(files)


def _country_of(org_id: int) -> int:
    return Organisation.objects.values_list("country_id", flat=True).get(pk=org_id)


def _reload(alert: Alert) -> Alert:
    return Alert.objects.prefetch_related("recipients", "named_people").get(pk=alert.pk)


def _deliver(alert: Alert, now) -> None:
    alert.status = Status.SENT
    alert.sent_at = now
    alert.save(update_fields=["status", "sent_at"])
    AlertRecipient.objects.filter(alert=alert).update(delivered_at=now)
    notify.on_commit_alert_waiting(alert)


def _recheck_recipients(actor, alert: Alert) -> None:
    """A draft's recipients were checked when it was saved; who the sender may send to can have
    changed since (an agency's sector, the sender's own memberships), so ask again."""
    wanted = {r.organisation_id for r in alert.recipients.all()}
    allowed = recipient_organisation_choices(user=actor).filter(pk__in=wanted).count()
    if not wanted or allowed != len(wanted):
        raise ValidationError(
            _("A recipient agency can no longer receive this alert from you: edit the draft."),
            code="recipients_changed",
        )


def alert_send(*, actor, alert: Alert, now=None, request=None) -> Alert:
    """A draft leaves the agency; a RED draft waits for a second vetted member's approval."""
    now = now or timezone.now()
    require(actor, "alerts.send", alert)
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.status != Status.DRAFT:
            raise ValidationError(_("This alert has already been sent."))
        alert = _reload(alert)
        _recheck_recipients(actor, alert)
        alert.submitted_at = now
        if alert.is_red:
            alert.status = Status.AWAITING_APPROVAL
            alert.save(update_fields=["status", "submitted_at"])
            notify.on_commit_approval_needed(alert)
            action = "alerts.alert.submit_for_approval"
        else:
            alert.save(update_fields=["submitted_at"])
            _deliver(alert, now)
            action = "alerts.alert.send"
        audit.record(action, actor=actor, obj=alert, request=request)
    return alert


def alert_approve(*, actor, alert: Alert, seen_submitted_at=None, now=None, request=None) -> Alert:
    """Four-eyes release of a RED alert by another vetted member of the sending agency.

    seen_submitted_at: when the version the approver read was submitted (the page sends it). An
    author's change returns the alert to draft and a new submission moves this time, so an
    approval of what the approver did not read is refused (and audited) instead of sent."""
    now = now or timezone.now()
    if alert.status == Status.AWAITING_APPROVAL and alert.created_by_id == actor.pk:
        raise ValidationError(
            _("You cannot approve your own alert: another vetted member of your agency must.")
        )
    require(actor, "alerts.approve", alert)
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.status != Status.AWAITING_APPROVAL:
            raise ValidationError(_("This alert is not awaiting approval."))
        stale = seen_submitted_at is not None and seen_submitted_at != locked.submitted_at
        if stale:
            audit.record(
                "alerts.alert.approve_refused",
                actor=actor,
                obj=locked,
                request=request,
                data={"reason": "changed_since_viewed"},
            )
        else:
            alert = _reload(alert)
            alert.approved_by, alert.approved_at = actor, now
            alert.save(update_fields=["approved_by", "approved_at"])
            _deliver(alert, now)
            audit.record("alerts.alert.approve", actor=actor, obj=alert, request=request)
    if stale:
        raise ValidationError(
            _(
                "The author changed this alert and submitted it again after you opened it. "
                "Read it again before you approve it."
            ),
            code="changed_since_viewed",
        )
    return alert


def alert_retract(*, actor, alert: Alert, reason: str, now=None, request=None) -> Alert:
    """Recipients see "retracted" at once and lose the content; the sender keeps the record."""
    now = now or timezone.now()
    require(actor, "alerts.retract", alert)
    if reason not in RetractionReason.values:
        raise ValidationError({"reason": _("Choose a reason for the retraction.")})
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.status in (Status.RETRACTED, Status.PURGED):
            raise ValidationError(_("This alert has already been retracted."))
        alert.status, alert.retracted_at = Status.RETRACTED, now
        alert.retracted_by, alert.retraction_reason = actor, reason
        alert.save(update_fields=["status", "retracted_at", "retracted_by", "retraction_reason"])
        if locked.sent_at:
            notify.on_commit_retracted(_reload(alert))
        audit.record(
            "alerts.alert.retract",
            actor=actor,
            obj=alert,
            request=request,
            data={"reason": reason},
        )
    return alert
