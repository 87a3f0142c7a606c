"""Email: one function, always with a plain-text part. Callable from a request or a command."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string


def send_templated_mail(*, to: list[str], subject: str, template: str, context: dict) -> None:
    """Render `<template>.txt` (and `<template>.html` if present) and send one message per call.

    Personal data stays out of subjects and links; templates carry only what the reader needs.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return
    context = {"site_url": settings.SITE_URL, **context}
    body = render_to_string(f"{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients
    )
    try:
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    except TemplateDoesNotExist:
        pass
    message.send()
