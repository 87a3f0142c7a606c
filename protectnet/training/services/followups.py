"""Kirkpatrick level 3: follow-up questionnaires 3 and 6 months after a completed course."""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core.mail import send_templated_mail

from ..models import Applied, Enrolment, EnrolmentStatus, FollowUp
from .common import record

MONTHS = (3, 6)


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the last day of that month when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def _due(today: date, months: int):
    """Completed enrolments whose course ended at least `months` ago and were not yet asked."""
    ended_before = months_before(today, months)
    asked = FollowUp.objects.filter(months=months).values("enrolment_id")
    return (
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED, delivery__end_date__lte=ended_before
        )
        .exclude(pk__in=asked)
        .select_related("person", "delivery__course")
    )


def followups_send(*, today: date | None = None) -> int:
    """Create and email the follow-ups that are due. Idempotent: a follow-up exists once per
    enrolment and period (unique constraint), and only new ones are emailed."""
    today = today or timezone.localdate()
    sent = 0
    for months in MONTHS:
        for enrolment in _due(today, months):
            try:
                with transaction.atomic():
                    followup = FollowUp.objects.create(enrolment=enrolment, months=months)
            except IntegrityError:
                continue  # another run created it meanwhile
            sent += 1
            # No personal data in the message or the link: the trainee signs in to answer.
            send_templated_mail(
                to=[enrolment.person.email],
                subject=gettext_lazy("ProtectNet: a short follow-up on your course"),
                template="training/email/followup",
                context={
                    "months": months,
                    "course": enrolment.delivery.course.title,
                    "path": reverse("training:followup_answer", args=[followup.pk]),
                },
            )
    if sent:
        audit.record("training.followup.send", data={"sent": sent, "day": today.isoformat()})
    return sent


def followup_answer(*, actor, followup: FollowUp, applied: str, example: str, request=None):
    require(actor, "training.followup.answer", followup)
    if applied not in Applied.values:
        raise ValidationError({"applied": _("Choose an answer.")})
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=followup.pk)
        if locked.answered_at is not None:
            raise ValidationError(_("You have already answered this follow-up."))
        locked.applied = applied
        locked.example = (example or "").strip()[:4000]
        locked.answered_at = timezone.now()
        locked.save(update_fields=["applied", "example", "answered_at"])
        record("training.followup.answer", actor=actor, obj=locked, request=request)
    return locked
