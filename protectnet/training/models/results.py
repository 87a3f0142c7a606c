"""What a trainee produces: test submissions, the evaluation, the certificate, follow-ups."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .deliveries import Enrolment


class TestKind(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class TestSubmission(models.Model):
    """One submitted test. `answers` keeps every selection ({question id: [choice ids]}) so the
    score can be recomputed if the key is corrected; the unique constraint forbids a second try."""

    __test__ = False  # not a pytest class, whatever its name

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="submissions")
    kind = models.CharField(max_length=8, choices=TestKind.choices)
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(help_text=_("Questions answered correctly."))
    max_score = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["enrolment", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "kind"], name="training_submission_once"),
            models.CheckConstraint(
                condition=Q(score__lte=models.F("max_score")), name="training_submission_score"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.score}/{self.max_score}"

    @property
    def percent(self) -> float:
        return round(100 * self.score / self.max_score, 1) if self.max_score else 0.0


class Evaluation(models.Model):
    """Kirkpatrick level 1: the trainee's reaction to the course."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="evaluation")
    overall = models.PositiveSmallIntegerField(_("overall, the course was useful"))
    relevance = models.PositiveSmallIntegerField(_("relevant to my work"))
    trainers = models.PositiveSmallIntegerField(_("the trainers were effective"))
    materials = models.PositiveSmallIntegerField(_("the materials were clear"))
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(overall__range=(1, 5))
                & Q(relevance__range=(1, 5))
                & Q(trainers__range=(1, 5))
                & Q(materials__range=(1, 5)),
                name="training_evaluation_ratings",
            )
        ]

    def __str__(self) -> str:
        return f"Evaluation of {self.enrolment}"


class RevocationCause(models.TextChoices):
    MANUAL = "manual", _("Revoked by the issuing organisation.")
    RESULTS = (
        "results",
        _(
            "Withdrawn: after a correction of results, the holder no longer meets the course's "
            "completion rule."
        ),
    )
    ERASED = "erased", _("Withdrawn: the holder's personal data was erased at their request.")


def new_certificate_code() -> str:
    # 256 bits: guessing a valid code is hopeless, and the verification page is rate limited.
    return secrets.token_urlsafe(32)


class Certificate(models.Model):
    """Issued on completion. Holder, course, dates and issuer are copied at issue, so the public
    verification page reads this row only and shows nothing else about the person."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(max_length=64, unique=True, default=new_certificate_code)
    holder_name = models.CharField(max_length=255)
    course_title = models.CharField(max_length=200)
    # The language of course_title: the holder's where the course has a title in it, else the
    # original's; empty on certificates issued before it was recorded.
    course_title_lang = models.CharField(max_length=12, blank=True, default="")
    start_date = models.DateField()
    end_date = models.DateField()
    issuing_organisation = models.CharField(max_length=255)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(max_length=255, blank=True)
    # The public page states the cause, never the staff's free-text reason (which may name
    # circumstances of the person); RESULTS revocations are lifted again if results recover.
    revocation_cause = models.CharField(
        max_length=16, choices=RevocationCause.choices, blank=True, default=""
    )

    class Meta:
        ordering = ["-issued_at"]
        # The certificate lists and the API read newest first: an index in that order lets a
        # page of them be read without sorting every certificate of the network.
        indexes = [models.Index(F("issued_at").desc(), F("id"), name="training_cert_recent_idx")]

    def __str__(self) -> str:
        return f"Certificate {self.code[:8]}… ({self.course_title})"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def public_revocation_reason(self) -> str:
        if self.is_valid:
            return ""
        return str(RevocationCause(self.revocation_cause or RevocationCause.MANUAL).label)

    @property
    def is_withdrawn_by_erasure(self) -> bool:
        return self.revocation_cause == RevocationCause.ERASED

    @property
    def public_holder_name(self) -> str:
        """The name the public page shows: none once the person was erased from the directory."""
        if self.is_withdrawn_by_erasure or getattr(self, "holder_erased_at", None):
            return str(_("Name removed at the holder's request"))
        return self.holder_name


class Applied(models.TextChoices):
    YES = "yes", _("Yes, regularly")
    PARTLY = "partly", _("Partly or occasionally")
    NO = "no", _("Not yet")


class FollowUp(models.Model):
    """Kirkpatrick level 3: 3 and 6 months after the course, did the trainee apply it?"""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="followups")
    months = models.PositiveSmallIntegerField(choices=[(3, "3"), (6, "6")])
    sent_at = models.DateTimeField(default=timezone.now)
    applied = models.CharField(
        _("did you apply what you learned?"), max_length=8, blank=True, choices=Applied.choices
    )
    example = models.TextField(_("an example, or what stopped you"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["enrolment", "months"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "months"], name="training_followup_once")
        ]

    def __str__(self) -> str:
        return f"{self.months}-month follow-up of {self.enrolment}"
