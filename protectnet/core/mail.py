"""Email: one function, always with a plain-text part, sent by a background worker.

The message is rendered where it is asked for (the templates need the objects), in the
RECIPIENT's language, never the sender's: an English-speaking admin's invitation reaches a
Khmer-speaking member in Khmer. Recipients of different languages get one message per language.
It is stored encrypted and delivered by `core.tasks.email_deliver` with retries. What could not
be delivered after `EMAIL_MAX_ATTEMPTS` waits for an admin on the undelivered page.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .languages import recipient_languages
from .models import OutboundEmail, recipient_key

# Minutes to wait after each failed attempt (the last figure repeats).
RETRY_MINUTES = (1, 5, 30, 120)


def send_templated_mail(*, to: list[str], subject: str, template: str, context: dict) -> None:
    """Render `<template>.txt` (and `<template>.html` if present) and queue one message per
    language of the recipients.

    `subject` should be lazy (`gettext_lazy`), so that it is translated for the recipient.
    Personal data stays out of subjects and links; templates carry only what the reader needs.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    by_language: dict[str, list[str]] = {}
    for address, language in recipient_languages(recipients).items():
        by_language.setdefault(language, []).append(address)
    context = {"site_url": settings.SITE_URL, **context}
    for language, addresses in by_language.items():
        with translation.override(language):
            _queue(addresses, language, str(subject), template, context)


def _queue(recipients: list[str], language: str, subject: str, template: str, context) -> None:
    try:
        html = render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        html = ""
    email = OutboundEmail.objects.create(
        to="\n".join(recipients),
        recipient_keys=" ".join(recipient_key(a) for a in recipients),
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        html=html,
        language=language,
        template=template[:120],
    )
    from .background import enqueue
    from .tasks import email_deliver

    enqueue(email_deliver, email.pk)


def deliver(email_id: int) -> str:
    """Send one queued message; on failure schedule the next attempt or give it up."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status not in (
            OutboundEmail.Status.QUEUED,
            OutboundEmail.Status.RETRYING,
        ):
            return "nothing to do"
        email.attempts += 1
        try:
            _message(email).send()
        except Exception as exc:  # noqa: BLE001 - any transport error is retried, then shown
            return _failed(email, exc)
        email.status, email.sent_at, email.next_attempt_at = email.Status.SENT, timezone.now(), None
        # Delivered: the content (links with secrets among it) is no longer needed.
        email.body = email.html = ""
        email.last_error = ""
        email.save()
    return "sent"


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
    )
    if email.language:
        message.extra_headers["Content-Language"] = email.language
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def _failed(email: OutboundEmail, exc: Exception) -> str:
    email.last_error = f"{type(exc).__name__}: {exc}"[:500]
    if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        email.status, email.next_attempt_at = email.Status.FAILED, None
    else:
        wait = RETRY_MINUTES[min(email.attempts, len(RETRY_MINUTES)) - 1]
        email.status = email.Status.RETRYING
        email.next_attempt_at = timezone.now() + timedelta(minutes=wait)
    email.save()
    return email.status


def due_for_retry(now=None) -> list[int]:
    now = now or timezone.now()
    due = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.RETRYING, next_attempt_at__lte=now
    )
    return list(due.values_list("pk", flat=True)[:500])


def retry_now(email: OutboundEmail) -> None:
    """An admin's "try again": the message gets a fresh round of attempts."""
    from .background import enqueue
    from .tasks import email_deliver

    email.status, email.attempts, email.next_attempt_at = email.Status.QUEUED, 0, None
    email.save(update_fields=["status", "attempts", "next_attempt_at"])
    enqueue(email_deliver, email.pk)


def discard(email: OutboundEmail) -> None:
    email.status, email.body, email.html = email.Status.DISCARDED, "", ""
    email.save(update_fields=["status", "body", "html"])
