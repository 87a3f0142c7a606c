"""Core's writes: an admin retrying or discarding an email that could not be delivered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require

from . import mail
from .models import OutboundEmail

RETRYABLE = (OutboundEmail.Status.FAILED, OutboundEmail.Status.RETRYING)


def email_retry(*, actor, email: OutboundEmail, request=None) -> None:
    require(actor, "email.manage", email)
    if email.status not in RETRYABLE:
        raise ValidationError(_("Only an email that did not go out can be sent again."))
    with transaction.atomic():
        audit.record("email.retry", actor=actor, obj=email, request=request)
        mail.retry_now(email)


def email_discard(*, actor, email: OutboundEmail, request=None) -> None:
    require(actor, "email.manage", email)
    if email.status not in RETRYABLE:
        raise ValidationError(_("Only an email that did not go out can be discarded."))
    with transaction.atomic():
        audit.record("email.discard", actor=actor, obj=email, request=request)
        mail.discard(email)
