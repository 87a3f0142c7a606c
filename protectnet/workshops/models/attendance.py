"""Check-in per day and attendance per session (idempotent: one row per person and day)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .editions import Session
from .registrations import Registration


class CheckInMethod(models.TextChoices):
    SCAN = "scan", _("QR scan")
    CODE = "code", _("Badge code")
    SEARCH = "search", _("Name search")


class DayAttendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="day_attendance"
    )
    day = models.DateField()
    method = models.CharField(max_length=8, choices=CheckInMethod.choices)
    checked_in_at = models.DateTimeField(default=timezone.now)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["day", "checked_in_at"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="workshops_day_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} @ {self.day}"


class SessionAttendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="session_attendance"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    checked_in_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="workshops_session_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} @ session {self.session_id}"
