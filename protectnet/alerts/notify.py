"""Notification emails. They say only that something is waiting, with a link: never any content,
never the subject's name, never the sending agency's words (email is not an encrypted channel)."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from protectnet.core.mail import send_templated_mail

from .models import Alert
from .selectors import vetted_users


def _link(alert: Alert) -> str:
    """Through the sign-in page: the alerts area answers 404 (not a sign-in redirect) to anyone
    not signed in, so a bare link would look broken to a recipient reading mail signed out."""
    target = reverse("alerts:alert_detail", args=[alert.pk])
    login = reverse("accounts:login") + "?" + urlencode({"next": target})
    return settings.SITE_URL.rstrip("/") + login


def _send(users, *, subject: str, template: str, alert: Alert, exclude_ids=()) -> int:
    """One message per person, so no recipient sees the others' addresses."""
    sent = 0
    for user in users:
        if user.pk in exclude_ids or not user.email:
            continue
        send_templated_mail(
            to=[user.email],
            subject=subject,
            template=f"alerts/email/{template}",
            context={"link": _link(alert), "reference": alert.reference},
        )
        sent += 1
    return sent


def recipient_users(alert: Alert, organisation_ids):
    """Who in these recipient agencies may open it: vetted members; RED: the named ones only."""
    named = [p.pk for p in alert.named_people.all()] if alert.is_red else None
    return vetted_users(organisation_ids=organisation_ids, person_ids=named)


def on_commit_alert_waiting(alert: Alert) -> None:
    org_ids = [r.organisation_id for r in alert.recipients.all()]

    def send():
        _send(
            recipient_users(alert, org_ids),
            subject=gettext_lazy("ProtectNet: a partner alert is waiting for you"),
            template="alert_waiting",
            alert=alert,
        )

    transaction.on_commit(send)


def on_commit_approval_needed(alert: Alert) -> None:
    def send():
        _send(
            vetted_users(organisation_ids=[alert.sender_organisation_id]),
            subject=gettext_lazy("ProtectNet: an alert from your agency awaits approval"),
            template="approval_needed",
            alert=alert,
            exclude_ids={alert.created_by_id},
        )

    transaction.on_commit(send)


def on_commit_retracted(alert: Alert) -> None:
    org_ids = [r.organisation_id for r in alert.recipients.all() if r.delivered_at]

    def send():
        _send(
            recipient_users(alert, org_ids),
            subject=gettext_lazy("ProtectNet: a partner alert was retracted"),
            template="alert_retracted",
            alert=alert,
        )

    transaction.on_commit(send)


def on_commit_shared(alert: Alert, share) -> None:
    def send():
        _send(
            vetted_users(organisation_ids=[share.organisation_id], person_ids=[share.person_id]),
            subject=gettext_lazy("ProtectNet: a partner alert was shared with you"),
            template="alert_shared",
            alert=alert,
        )

    transaction.on_commit(send)


def on_commit_reply(alert: Alert, *, from_sender: bool, author_id: int) -> None:
    def send():
        if from_sender:
            users = recipient_users(alert, [r.organisation_id for r in alert.recipients.all()])
        else:
            users = [alert.created_by] if alert.created_by_id else []
        _send(
            users,
            subject=gettext_lazy("ProtectNet: a new reply on a partner alert"),
            template="alert_reply",
            alert=alert,
            exclude_ids={author_id},
        )

    transaction.on_commit(send)


def escalation(alert: Alert, organisation_id: int) -> int:
    """Sent inside the escalation transaction: a mail failure rolls back, the next run retries."""
    users = list(recipient_users(alert, [organisation_id]))
    if alert.created_by_id and alert.created_by.is_active:
        users.append(alert.created_by)
    return _send(
        users,
        subject=gettext_lazy("ProtectNet: a partner alert has not been acknowledged in time"),
        template="alert_overdue",
        alert=alert,
    )
