"""Deliveries (cohorts) of a course, the trainees enrolled in them and their attendance."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from protectnet.core.languages import language_name
from protectnet.network.models import Country, Organisation, Person, person_label

from .catalogue import Course


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class Delivery(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="deliveries")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    mode = models.CharField(
        _("mode"), max_length=16, choices=DeliveryMode.choices, default=DeliveryMode.IN_PERSON
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Venue and city, or the platform.")
    )
    host_country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="training_deliveries"
    )
    trainers = models.ManyToManyField(
        Person, related_name="deliveries_trained", verbose_name=_("trainers")
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    language = models.CharField(_("language"), max_length=16, help_text=_("e.g. en, km, th"))
    pre_test_opens_at = models.DateTimeField(_("pre-test opens"), null=True, blank=True)
    pre_test_closes_at = models.DateTimeField(_("pre-test closes"), null=True, blank=True)
    post_test_opens_at = models.DateTimeField(_("post-test opens"), null=True, blank=True)
    post_test_closes_at = models.DateTimeField(_("post-test closes"), null=True, blank=True)
    completion_marked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name_plural = _("deliveries")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="training_delivery_dates"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_delivery_capacity"),
            models.CheckConstraint(
                condition=Q(pre_test_closes_at__isnull=True)
                | Q(pre_test_opens_at__isnull=True)
                | Q(pre_test_closes_at__gt=F("pre_test_opens_at")),
                name="training_delivery_pre_window",
            ),
            models.CheckConstraint(
                condition=Q(post_test_closes_at__isnull=True)
                | Q(post_test_opens_at__isnull=True)
                | Q(post_test_closes_at__gt=F("post_test_opens_at")),
                name="training_delivery_post_window",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.start_date:%d %b %Y})"

    @property
    def days(self) -> list[date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=i) for i in range(count)]

    @property
    def language_name(self) -> str:
        """The language named in the reader's language ("Khmer", "เขมร"), which everyone
        choosing or organising a delivery can read; the code as typed where CLDR has no name."""
        return language_name(self.language)

    def trainer_person_ids(self) -> set[int]:
        """Uses prefetched trainers when present (selectors prefetch them)."""
        return {p.pk for p in self.trainers.all()}

    def window(self, kind: str) -> tuple:
        return getattr(self, f"{kind}_test_opens_at"), getattr(self, f"{kind}_test_closes_at")

    @property
    def has_ended(self) -> bool:
        """Past its last day: nobody can be enrolled any more."""
        return self.end_date < timezone.localdate()

    @property
    def pre_test_open(self) -> bool:
        return self.window_open("pre")

    @property
    def post_test_open(self) -> bool:
        return self.window_open("post")

    def window_open(self, kind: str, now=None) -> bool:
        opens, closes = self.window(kind)
        now = now or timezone.now()
        return opens is not None and closes is not None and opens <= now < closes


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Did not complete")
    WITHDRAWN = "withdrawn", pgettext_lazy("training enrolment", "Withdrawn")


SEAT_STATUSES = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.NOT_COMPLETED)


class Enrolment(models.Model):
    """A trainee in a delivery, nominated by their agency (through its focal point) or a trainer."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="enrolments")
    # The agency the trainee was nominated from: capacity is counted per country and agency.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="training_enrolments"
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    attendance_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "person"], name="training_enrolment_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.delivery}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES

    @property
    def label(self) -> str:
        """The trainee named as everywhere (Person.label), with the agency they were nominated
        from rather than every organisation they belong to."""
        if self.person.erased_at:
            return self.person.label
        return person_label(self.person.full_name, [self.organisation])

    def _one(self, name: str):
        try:
            return getattr(self, name)
        except ObjectDoesNotExist:
            return None

    @property
    def certificate_or_none(self):
        return self._one("certificate")

    @property
    def evaluation_or_none(self):
        return self._one("evaluation")

    def submission(self, kind: str):
        """The pre- or post-test submission (uses prefetched submissions)."""
        return next((s for s in self.submissions.all() if s.kind == kind), None)

    @property
    def pre(self):
        return self.submission("pre")

    @property
    def post(self):
        return self.submission("post")

    def attendance_rate(self) -> int | None:
        """Present days over delivery days so far recorded (prefetched attendance)."""
        days = len(self.delivery.days)
        rows = self.attendance.all()
        if not rows:
            return None
        return round(100 * sum(1 for a in rows if a.present) / days)


class AttendanceDay(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField()
    present = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "day"], name="training_attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.day} {'present' if self.present else 'absent'}"
