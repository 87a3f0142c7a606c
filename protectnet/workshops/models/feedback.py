"""The feedback survey: one answer per registration; anonymous answers are not linked to it."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .editions import Session, Workshop
from .registrations import Registration

RATING = Q(rating__gte=1) & Q(rating__lte=5)


def _range(field: str, name: str, nullable: bool = False) -> models.CheckConstraint:
    q = Q(**{f"{field}__gte": 1}) & Q(**{f"{field}__lte": 5})
    if nullable:
        q |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=q, name=name)


class FeedbackReceipt(models.Model):
    """That a participant answered (so they answer once), kept apart from what they answered."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback_receipt"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Feedback receipt {self.registration_id}"


class FeedbackResponse(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="feedback")
    # Empty when the participant chose to answer anonymously.
    registration = models.OneToOneField(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    overall_rating = models.PositiveSmallIntegerField()
    comments = models.TextField(blank=True)
    knowledge_before = models.PositiveSmallIntegerField(null=True, blank=True)
    knowledge_after = models.PositiveSmallIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            _range("overall_rating", "workshops_feedback_overall_1_5"),
            _range("knowledge_before", "workshops_feedback_before_1_5", nullable=True),
            _range("knowledge_after", "workshops_feedback_after_1_5", nullable=True),
        ]

    def __str__(self) -> str:
        return f"Feedback {self.pk}"


class SessionRating(models.Model):
    response = models.ForeignKey(
        FeedbackResponse, on_delete=models.CASCADE, related_name="session_ratings"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    rating = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=RATING, name="workshops_session_rating_1_5"),
            models.UniqueConstraint(
                fields=["response", "session"], name="workshops_session_rating_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.rating}"
