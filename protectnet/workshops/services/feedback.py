"""The feedback survey: once per participant; anonymous answers keep no link to the person."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require

from ..models import FeedbackReceipt, FeedbackResponse, Registration, SessionRating
from .registrations import audit_actor


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
            raise ValidationError(_("You have already answered this survey. Thank you.")) from exc
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
