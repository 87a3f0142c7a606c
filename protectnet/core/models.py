"""What the background machinery keeps: emails waiting to go out, which scheduled job ran for
which time slot, and the PDFs workers make."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .fields import EncryptedTextField


class OutboundEmail(models.Model):
    """One message, rendered in the request that asked for it and sent by a worker.

    The content is encrypted (invitation and password links are secrets) and cleared once the
    message is delivered; what stays is who, when and whether it went out.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Retrying")
        SENT = "sent", pgettext_lazy("email status", "Sent")
        FAILED = "failed", _("Undelivered")
        DISCARDED = "discarded", _("Discarded")

    to = EncryptedTextField(help_text=_("Recipients, one per line"))
    # Keyed digests of the addresses, space-separated: how a person's export and erasure find
    # their messages without decrypting every row.
    recipient_keys = models.TextField(blank=True)
    subject = EncryptedTextField()
    body = EncryptedTextField(blank=True)
    html = EncryptedTextField(blank=True)
    language = models.CharField(max_length=12, blank=True)  # the recipients' language
    # Which template produced it: enough for an admin to tell a reminder from an invitation.
    template = models.CharField(max_length=120)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_email_due_idx"),
            models.Index(fields=["-created_at", "-id"], name="core_email_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.template} ({self.get_status_display()})"

    @property
    def recipients(self) -> list[str]:
        return [line for line in self.to.splitlines() if line]


def recipient_key(address: str) -> str:
    return salted_hmac("protectnet.outbound-email", address.strip().lower()).hexdigest()[:32]


class ScheduledRun(models.Model):
    """A periodic job's time slot, claimed once: however many workers run the schedule, the
    unique constraint lets one of them enqueue the job for that slot."""

    name = models.CharField(max_length=100)
    slot = models.BigIntegerField(help_text="Seconds since the epoch, divided by the period")
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="core_scheduled_run_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.slot}"


def _document_token() -> str:
    return secrets.token_urlsafe(24)


class RenderedDocument(models.Model):
    """A PDF made by a worker (badges, reports), with its progress while it is being made.

    `version` is the SHA-256 of the HTML the PDF is made from, so a second request for the same
    data is answered with the stored file at once and any change to the data makes a new one.
    The file holds people's names: it is kept a day (documents_purge) and erased with anyone's
    data (core/personal_data.py). Addresses carry `token`, never the id.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    token = models.CharField(max_length=40, unique=True, default=_document_token)
    kind = models.CharField(max_length=60, help_text="A name in core.documents' registry")
    key = models.CharField(max_length=200, help_text="What the kind renders (a workshop id)")
    version = models.CharField(max_length=64)
    # The requester's language: the worker writes the PDF in it, and each language is its own file.
    language = models.CharField(max_length=12, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=200)
    filename = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    parts_done = models.PositiveIntegerField(default=0)
    parts_total = models.PositiveIntegerField(default=1)
    stored_name = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "key", "version"], name="core_document_version_idx"),
            models.Index(fields=["created_at"], name="core_document_age_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return min(100, 100 * self.parts_done // max(1, self.parts_total))


class DataChange(models.Model):
    """One committed change to data a cached result is made of (`core.versions`). A row, not a
    counter: concurrent writers each insert their own and never wait on one hot row, and the row
    becomes visible with the change it records, in the same commit."""

    name = models.CharField(max_length=100, help_text="What was changed, e.g. training.capacity")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["name", "id"], name="core_datachange_name_id")]

    def __str__(self) -> str:
        return f"{self.name} #{self.pk}"
