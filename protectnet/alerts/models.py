"""Partner alerts between vetted law-enforcement members of the network's agencies.

Content (subject details, summary, replies, attachments) is stored only as Fernet tokens
(see crypto.py); the plain columns hold what statistics need after the retention purge.
"""

import secrets
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from protectnet.access.markings import Marking

from . import crypto


class AlertType(models.TextChoices):
    TRAVEL_NOTIFICATION = "travel_notification", _("Travel notification")
    INTELLIGENCE_REFERRAL = "intelligence_referral", _("Intelligence referral")
    REQUEST_FOR_ASSISTANCE = "request_for_assistance", _("Request for assistance")
    INFORMATION = "information", _("Information")


class Priority(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("status", "Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    SENT = "sent", pgettext_lazy("alert status", "Sent")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLOSED = "closed", _("Closed")
    RETRACTED = "retracted", _("Retracted")
    PURGED = "purged", _("Purged")


class Outcome(models.TextChoices):
    ENTRY_REFUSED = "entry_refused", _("Entry refused")
    MONITORED = "monitored", _("Monitored")
    NO_ACTION = "no_action", _("No action")
    INFORMATION_PASSED_ON = "information_passed_on", _("Information passed on")


class RetractionReason(models.TextChoices):
    SENT_IN_ERROR = "sent_in_error", _("Sent in error")
    SUPERSEDED = "superseded", _("Superseded by a new alert")
    NO_LONGER_VALID = "no_longer_valid", _("Information no longer valid")


class ReadKind(models.TextChoices):
    ALERT = "alert", _("Alert content")
    HEADER = "header", _("Header only (retracted)")
    ATTACHMENT = "attachment", _("Attachment")


ALERT_MARKINGS = [(m.value, m.label) for m in (Marking.AMBER, Marking.AMBER_STRICT, Marking.RED)]
# What each marking lets recipients do with an alert (TLP 2.0): AMBER may go, on a need-to-know
# basis, to the partners a recipient agency needs in order to act (in ProtectNet: a vetted
# colleague of another law-enforcement agency of the same country, see services/sharing.py);
# AMBER+STRICT stays inside the recipient agencies; RED with the named people.
HANDLING = {
    Marking.AMBER: _(
        "For the vetted members of the recipient agencies. You may pass it on within your agency, "
        "share it here with a vetted colleague of another law-enforcement agency of your country "
        "and, where they need it to act, pass it to the partners your agency works with (for "
        "example border or immigration officers)."
    ),
    Marking.AMBER_STRICT: _(
        "For the vetted members of the recipient agencies only. Do not pass it on outside your "
        "agency, not even to partners you work with; it cannot be shared here either."
    ),
    Marking.RED: _(
        "For the people named by the sender only. Do not pass it on to anyone, colleagues included."
    ),
}
# Recipients see an alert once it has left the sending agency.
DELIVERED = (Status.SENT, Status.ACKNOWLEDGED, Status.CLOSED, Status.RETRACTED, Status.PURGED)
# States in which the content can still be worked on (replies, outcomes, closing).
OPEN = (Status.SENT, Status.ACKNOWLEDGED)


def new_reference() -> str:
    # Random, so a reference reveals neither a count of alerts nor anything about the subject.
    return "PA-" + secrets.token_hex(4).upper()


class Alert(models.Model):
    reference = models.CharField(max_length=20, unique=True, default=new_reference)
    alert_type = models.CharField(max_length=32, choices=AlertType.choices)
    sender_organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="alerts_sent"
    )
    origin_country = models.ForeignKey(
        "network.Country", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marking = models.CharField(max_length=16, choices=ALERT_MARKINGS, default=Marking.AMBER)
    named_people = models.ManyToManyField("network.Person", blank=True, related_name="+")
    priority = models.CharField(max_length=16, choices=Priority.choices, default=Priority.ROUTINE)
    ack_deadline = models.DateTimeField(_("acknowledge by"))
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    subject_ciphertext = models.TextField(blank=True, editable=False)
    summary_ciphertext = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retraction_reason = models.CharField(
        max_length=32, choices=RetractionReason.choices, blank=True
    )
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(marking__in=[m for m, _ in ALERT_MARKINGS]),
                name="alerts_alert_marking_amber_or_above",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT)
                | Q(status=Status.AWAITING_APPROVAL)
                | Q(sent_at__isnull=False)
                | Q(status=Status.RETRACTED)
                | Q(status=Status.PURGED),
                name="alerts_alert_sent_has_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PURGED)
                | (Q(subject_ciphertext="") & Q(summary_ciphertext="")),
                name="alerts_alert_purged_has_no_content",
            ),
        ]

    def __str__(self) -> str:
        # Only the reference: str() ends up in the audit log and in admin listings.
        return self.reference

    @cached_property
    def subject(self) -> dict:
        return crypto.decrypt_json(self.subject_ciphertext)

    @cached_property
    def summary(self) -> str:
        return crypto.decrypt_text(self.summary_ciphertext)

    @property
    def handling(self) -> str:
        return HANDLING.get(self.marking, "")

    @property
    def is_red(self) -> bool:
        return self.marking == Marking.RED

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class AlertRecipient(models.Model):
    """One recipient agency of an alert: delivery, acknowledgement, outcome, escalation."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="recipients")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="alerts_received"
    )
    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="+")
    delivered_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(max_length=32, choices=Outcome.choices, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "organisation"], name="alerts_recipient_unique"
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True) | Q(delivered_at__isnull=False),
                name="alerts_recipient_ack_after_delivery",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alert} → {self.organisation}"

    @property
    def hours_to_acknowledge(self) -> float | None:
        if not (self.acknowledged_at and self.delivered_at):
            return None
        return (self.acknowledged_at - self.delivered_at).total_seconds() / 3600


class AlertReply(models.Model):
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    body_ciphertext = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = _("alert replies")

    def __str__(self) -> str:
        return f"{self.alert} reply {self.pk}"

    @cached_property
    def body(self) -> str:
        return crypto.decrypt_text(self.body_ciphertext)


class AlertAttachment(models.Model):
    """A file checked by its content, stored encrypted in the database (never on a static path)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="attachments")
    name_ciphertext = models.TextField(editable=False)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content_ciphertext = models.BinaryField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.alert} attachment {self.pk}"

    @cached_property
    def name(self) -> str:
        return crypto.decrypt_text(self.name_ciphertext)


class AlertRead(models.Model):
    """Every opening of an alert's content, for the sender's view (the audit log has it too)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    what = models.CharField(max_length=20, choices=ReadKind.choices, default=ReadKind.ALERT)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-read_at", "-id"]

    def __str__(self) -> str:
        return f"{self.alert} read by {self.user_id}"


class AlertShare(models.Model):
    """A TLP:AMBER alert passed on by a recipient agency's vetted member to one vetted colleague
    of another law-enforcement agency of the same country (need-to-know). Read-only for them."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    shared_from = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "person"], name="alerts_share_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.alert} shared {self.pk}"
