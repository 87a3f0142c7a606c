"""Country delegations with a seat quota, and the focal points' nominations."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .editions import Workshop


class Delegation(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="delegations")
    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="+")
    quota = models.PositiveIntegerField(default=0)
    # Nominations holding a seat (nominated or approved), and confirmed registrations. Both are
    # written under a row lock; the check constraints are the last line against overbooking.
    seats_held = models.PositiveIntegerField(default=0)
    seats_registered = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["country__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "country"], name="workshops_delegation_unique"
            ),
            models.CheckConstraint(
                condition=Q(seats_held__lte=F("quota")), name="workshops_delegation_held_quota"
            ),
            models.CheckConstraint(
                condition=Q(seats_registered__lte=F("quota")),
                name="workshops_delegation_registered_quota",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country} — {self.workshop}"

    @property
    def country_id_for_policy(self) -> int:
        return self.country_id

    @property
    def seats_left(self) -> int:
        return max(0, self.quota - self.seats_held)


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated (awaiting approval)")
    WAITLISTED = "waitlisted", _("Waiting list")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("workshop nomination", "Withdrawn")


SEAT_HOLDING = (NominationStatus.NOMINATED, NominationStatus.APPROVED)


class Nomination(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey("network.Person", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=NominationStatus.choices, db_index=True)
    note = models.TextField(blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"], name="workshops_nomination_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"

    @property
    def country_id(self) -> int:
        return self.delegation.country_id
