"""The tone of every workshop status badge (core.badges): good news is success (approved,
registered, checked in, done), what waits for someone's decision a warning, what ended a
person's or an action's part danger (declined, withdrawn, cancelled, not done)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from protectnet.core.badges import Status

from .models import NominationStatus, OutcomeStatus, RegistrationStatus, WorkshopStatus


class Presence(models.TextChoices):
    """Where a person stands at the check-in desk and in My workshops: no model stores it."""

    CHECKED_IN = "checked_in", _("Checked in")
    NOT_REGISTERED = "not_registered", _("Not registered yet")


STATUSES = {
    "workshops.workshop": Status(
        _("Workshops"),
        WorkshopStatus,
        {
            WorkshopStatus.DRAFT: "neutral",
            WorkshopStatus.PLANNED: "info",
            WorkshopStatus.REGISTRATION_OPEN: "success",
            WorkshopStatus.REGISTRATION_CLOSED: "warning",
            WorkshopStatus.COMPLETED: "success",
        },
    ),
    "workshops.nomination": Status(
        _("Nominations"),
        NominationStatus,
        {
            NominationStatus.NOMINATED: "warning",
            NominationStatus.WAITLISTED: "info",
            NominationStatus.APPROVED: "success",
            NominationStatus.DECLINED: "danger",
            NominationStatus.WITHDRAWN: "danger",
        },
    ),
    "workshops.registration": Status(
        _("Registrations"),
        RegistrationStatus,
        {RegistrationStatus.REGISTERED: "success", RegistrationStatus.CANCELLED: "danger"},
    ),
    "workshops.presence": Status(
        _("Check-in"),
        Presence,
        {Presence.CHECKED_IN: "success", Presence.NOT_REGISTERED: "neutral"},
    ),
    "workshops.outcome": Status(
        _("Outcomes"),
        OutcomeStatus,
        {
            OutcomeStatus.PLANNED: "neutral",
            OutcomeStatus.IN_PROGRESS: "info",
            OutcomeStatus.DONE: "success",
            OutcomeStatus.PARTLY_DONE: "warning",
            OutcomeStatus.NOT_DONE: "danger",
        },
    ),
}
