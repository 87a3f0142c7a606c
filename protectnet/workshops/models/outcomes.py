"""Outcomes: initiatives and action points, followed up with reminders at 3 and 6 months."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .editions import Workshop


class OutcomeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    ACTION_POINT = "action_point", _("Action point")


class OutcomeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    PARTLY_DONE = "partly_done", _("Partly done")
    NOT_DONE = "not_done", _("Not done")


class Outcome(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(max_length=16, choices=OutcomeKind.choices)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    owner_organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    countries = models.ManyToManyField("network.Country", blank=True, related_name="+")
    contact = models.ForeignKey(
        "network.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=OutcomeStatus.choices, default=OutcomeStatus.PLANNED
    )
    progress_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class OutcomeReminder(models.Model):
    """One row per outcome and follow-up: the reminder command never sends twice."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="reminders")
    months = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["outcome", "months"], name="workshops_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.outcome_id} +{self.months} months"
