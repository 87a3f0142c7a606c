"""Personal invitations (a hashed token) and registrations with breakout choices."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from protectnet.core.fields import EncryptedDateField, EncryptedTextField

from .delegations import Delegation, Nomination
from .editions import Session, Workshop

BADGE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_badge_code() -> str:
    return "".join(secrets.choice(BADGE_ALPHABET) for _ in range(8))


class Invitation(models.Model):
    """A personal link to register: only the SHA-256 of the token is stored."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey("network.Person", on_delete=models.PROTECT, related_name="+")
    delegation = models.ForeignKey(
        Delegation, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    nomination = models.OneToOneField(
        Nomination, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "person"], name="workshops_invitation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Invitation {self.pk} to {self.workshop}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        raw = secrets.token_urlsafe(32)
        return raw, hash_token(raw)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CANCELLED = "cancelled", _("Cancelled")


# Encrypted at rest and deleted by the retention job after the workshop; the report never needs
# them. Dates are cleared to NULL, text to "".
SENSITIVE_DATES = ("passport_expiry", "date_of_birth")
SENSITIVE_FIELDS = (
    "dietary_needs",
    "accessibility_needs",
    "passport_full_name",
    "passport_number",
    "passport_nationality",
    "passport_expiry",
    "date_of_birth",
    "emergency_contact_name",
    "emergency_contact_phone",
    "arrival_details",
    "departure_details",
)


class Registration(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    invitation = models.OneToOneField(
        Invitation, on_delete=models.PROTECT, related_name="registration"
    )
    person = models.ForeignKey("network.Person", on_delete=models.PROTECT, related_name="+")
    delegation = models.ForeignKey(
        Delegation, on_delete=models.PROTECT, null=True, blank=True, related_name="registrations"
    )
    status = models.CharField(
        max_length=16, choices=RegistrationStatus.choices, default="registered", db_index=True
    )
    # A snapshot for the report, so later directory changes do not rewrite history.
    country = models.ForeignKey(
        "network.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sector = models.CharField(max_length=32, blank=True)
    gender = models.CharField(max_length=64, blank=True, help_text=_("Self-described; optional."))
    consent_participant_list = models.BooleanField(default=False)
    needs_visa_letter = models.BooleanField(default=False)
    arrival_on = models.DateField(null=True, blank=True)
    departure_on = models.DateField(null=True, blank=True)
    # Sensitive: organisers and the person only; every read is audited; deleted on schedule.
    # Encrypted at rest (core.fields): never filter or order by them, only test for empty.
    dietary_needs = EncryptedTextField(blank=True)
    accessibility_needs = EncryptedTextField(blank=True)
    passport_full_name = EncryptedTextField(max_length=255, blank=True)
    passport_number = EncryptedTextField(max_length=32, blank=True)
    passport_nationality = EncryptedTextField(max_length=64, blank=True)
    passport_expiry = EncryptedDateField(null=True, blank=True)
    date_of_birth = EncryptedDateField(null=True, blank=True)
    emergency_contact_name = EncryptedTextField(max_length=255, blank=True)
    emergency_contact_phone = EncryptedTextField(max_length=32, blank=True)
    arrival_details = EncryptedTextField(max_length=255, blank=True)
    departure_details = EncryptedTextField(max_length=255, blank=True)
    # When retention last cleared the sensitive fields (shown on the page; never used to select).
    sensitive_deleted_at = models.DateTimeField(null=True, blank=True)
    badge_code = models.CharField(max_length=8, unique=True, default=new_badge_code)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set when the feedback invitation is claimed for sending: nobody receives it twice.
    feedback_invited_at = models.DateTimeField(null=True, blank=True)
    choices = models.ManyToManyField(Session, through="SessionChoice", related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "person"], name="workshops_registration_unique"
            ),
            models.CheckConstraint(
                condition=Q(departure_on__isnull=True)
                | Q(arrival_on__isnull=True)
                | Q(departure_on__gte=models.F("arrival_on")),
                name="workshops_registration_travel_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"Registration {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status == RegistrationStatus.REGISTERED


class SessionChoice(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="session_choices"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="choices")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="workshops_choice_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} -> {self.session_id}"
