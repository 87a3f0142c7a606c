"""The feedback survey: once per participant; anonymous answers keep no link to the person.
And the invitation to answer it, emailed once to everyone who attended."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core.mail import send_templated_mail

from ..models import (
    DayAttendance,
    FeedbackReceipt,
    FeedbackResponse,
    Registration,
    RegistrationStatus,
    SessionRating,
    Workshop,
    WorkshopStatus,
)
from .registrations import audit_actor

# A workshop that ended longer ago than this gets no invitations (old editions, imported data).
INVITATION_WINDOW_DAYS = 30


def feedback_window_open(workshop: Workshop) -> bool:
    return (
        workshop.status == WorkshopStatus.COMPLETED or timezone.localdate() >= workshop.start_date
    )


def feedback_submit(
    *,
    actor,
    registration: Registration,
    overall_rating: int,
    comments: str = "",
    anonymous: bool = False,
    knowledge_before: int | None = None,
    knowledge_after: int | None = None,
    session_ratings: dict | None = None,
) -> FeedbackResponse:
    require(actor, "workshops.feedback.submit", registration)
    if not registration.is_active:
        raise ValidationError(_("This registration was cancelled."))
    session_ratings = session_ratings or {}
    allowed = set(registration.workshop.sessions.values_list("pk", flat=True))
    if set(session_ratings) - allowed:
        raise ValidationError(_("Rate only the sessions of your workshop."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                FeedbackReceipt.objects.create(registration=registration)
        except IntegrityError as exc:
            raise ValidationError(
                _("You have already answered this survey. Thank you."), code="already_answered"
            ) from exc
        response = FeedbackResponse(
            workshop_id=registration.workshop_id,
            registration=None if anonymous else registration,
            overall_rating=overall_rating,
            comments=comments,
            knowledge_before=knowledge_before,
            knowledge_after=knowledge_after,
        )
        response.full_clean()
        response.save()
        ratings = [
            SessionRating(response=response, session_id=pk, rating=value)
            for pk, value in session_ratings.items()
            if value
        ]
        for rating in ratings:
            rating.full_clean(exclude=["response", "session"])
        SessionRating.objects.bulk_create(ratings)
        # The entry names the registration only for signed answers.
        audit.record(
            "workshops.feedback.submit",
            actor=None if anonymous else audit_actor(actor),
            obj=response.workshop if anonymous else registration,
        )
    return response


@dataclass
class InvitationRun:
    sent: int = 0
    skipped: int = 0


def feedback_invitations_send(*, today: date | None = None) -> InvitationRun:
    """Email the feedback invitation to every checked-in participant of a completed (or ended)
    workshop, once: the registration is claimed before sending, so a second or concurrent run
    sends nothing. Runs from `manage.py send_feedback_invitations`, no request needed."""
    today = today or timezone.localdate()
    ended = Q(status=WorkshopStatus.COMPLETED) | Q(end_date__lt=today)
    workshops = Workshop.objects.exclude(status=WorkshopStatus.DRAFT).filter(
        ended, end_date__gte=today - timedelta(days=INVITATION_WINDOW_DAYS)
    )
    due = (
        Registration.objects.filter(
            workshop__in=workshops,
            status=RegistrationStatus.REGISTERED,
            feedback_invited_at__isnull=True,
            feedback_receipt__isnull=True,
            pk__in=DayAttendance.objects.values("registration_id"),
        )
        .select_related("workshop", "person")
        .order_by("pk")
    )
    run = InvitationRun()
    for registration in due:
        if _invite_one(registration):
            run.sent += 1
        else:
            run.skipped += 1
    return run


def _invite_one(registration: Registration) -> bool:
    person, workshop = registration.person, registration.workshop
    if not person.email:
        return False
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration.pk, feedback_invited_at__isnull=True
        ).update(feedback_invited_at=timezone.now())
        if not claimed:
            return False  # another run sent it
        # Only the hash of the personal link is stored, so people without an account are pointed
        # to the link in their invitation email rather than sent a new one (that would break it).
        link = reverse("workshops:feedback_me", args=[workshop.pk]) if person.user_id else ""
        send_templated_mail(
            to=[person.email],
            subject=gettext_lazy("Your feedback on the regional workshop"),
            template="workshops/email/feedback_invitation",
            context={"workshop": workshop, "name": person.display_name, "link": link},
        )
        audit.record("workshops.feedback.invite", obj=registration)
    return True
