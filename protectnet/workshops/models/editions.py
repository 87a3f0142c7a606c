"""Series, editions (workshops), speakers and the agenda's sessions."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class Series(models.Model):
    name = models.CharField(max_length=255, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.name


class WorkshopStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("status", "Draft")
    PLANNED = "planned", _("Planned")
    REGISTRATION_OPEN = "registration_open", _("Registration open")
    REGISTRATION_CLOSED = "registration_closed", _("Registration closed")
    COMPLETED = "completed", _("Completed")


class Workshop(models.Model):
    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="workshops")
    edition = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=255)
    host_country = models.ForeignKey(
        "network.Country", on_delete=models.PROTECT, related_name="hosted_workshops"
    )
    city = models.CharField(max_length=128)
    venue_name = models.CharField(max_length=255)
    venue_address = models.TextField(blank=True)
    time_zone = models.CharField(max_length=64, choices=time_zone_choices)
    start_date = models.DateField()
    end_date = models.DateField()
    lead_organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    funders = models.ManyToManyField("network.Organisation", blank=True, related_name="+")
    partners = models.ManyToManyField("network.Organisation", blank=True, related_name="+")
    description = models.TextField(blank=True)
    status = models.CharField(
        max_length=24, choices=WorkshopStatus.choices, default=WorkshopStatus.DRAFT, db_index=True
    )
    public_page = models.BooleanField(
        default=False, help_text=_("Show a public page (no participant names) to anyone.")
    )
    # Calendar clients replace an event only when SEQUENCE grows: bumped on every agenda change.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["series", "edition"], name="workshops_edition_unique"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="workshops_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})
        if self.start_date and self.end_date and (self.end_date - self.start_date).days > 13:
            raise ValidationError({"end_date": _("A workshop lasts at most two weeks.")})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def tz_label(self) -> str:
        """The zone's name and UTC offset on the first day, e.g. "Asia/Phnom_Penh (UTC+07:00)"."""
        from datetime import datetime, time

        offset = datetime.combine(self.start_date, time(12), tzinfo=self.tz).strftime("%z")
        return f"{self.time_zone} (UTC{offset[:3]}:{offset[3:]})"

    @property
    def days(self) -> list:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timezone.timedelta(days=i) for i in range(count)]

    @property
    def is_published(self) -> bool:
        return self.status != WorkshopStatus.DRAFT

    @property
    def registration_open(self) -> bool:
        return self.status == WorkshopStatus.REGISTRATION_OPEN


class Speaker(models.Model):
    """A network member (person) or an external expert (name and affiliation only)."""

    person = models.ForeignKey(
        "network.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=255)
    affiliation = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel")
    BREAKOUT = "breakout", _("Breakout")
    TRAINING = "training", _("Training")
    NETWORKING = "networking", _("Networking")


class Session(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=SessionKind.choices)
    description = models.TextField(blank=True)
    # Stored in UTC; pages and calendars show them in the workshop's time zone.
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    room = models.CharField(max_length=128, blank=True)
    chairs = models.ManyToManyField(Speaker, blank=True, related_name="chaired_sessions")
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions")
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Seats for a breakout; empty means no limit.")
    )
    # Seats taken, kept in step with the choices inside the same locked transaction: the check
    # constraint below refuses an overbooking even if a code path forgot the lock.
    seats_taken = models.PositiveIntegerField(default=0)
    resources = models.ManyToManyField("library.Resource", blank=True, related_name="+")
    sequence = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "room", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="workshops_session_times_ordered"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="workshops_session_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.workshop.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.workshop.tz)

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.seats_taken)
