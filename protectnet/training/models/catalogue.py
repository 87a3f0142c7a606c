"""The course catalogue and its question bank."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from protectnet.network.models import Organisation, Sector


class Course(models.Model):
    """A course that can be delivered many times. Completion rules are set per course."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    learning_objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One objective per line.")
    )
    audience_sectors = models.JSONField(
        _("audience sectors"), default=list, blank=True, help_text=_("Sectors the course is for.")
    )
    audience_roles = models.CharField(
        _("audience roles"),
        max_length=255,
        blank=True,
        help_text=_("For example: investigators, digital forensic officers, prosecutors."),
    )
    duration_hours = models.PositiveSmallIntegerField(
        _("duration (hours)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    modules = models.TextField(_("modules"), blank=True, help_text=_("One module per line."))
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. en, km, th.")
    )
    delivering_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="courses_delivered",
        verbose_name=_("delivering organisation"),
    )
    # The library app is written in parallel: links are kept as URLs or resource ids for now.
    library_links = models.JSONField(
        _("library materials"),
        default=list,
        blank=True,
        help_text=_("Library resource ids or URLs, one per line."),
    )
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("post-test pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(attendance_threshold__lte=100) & Q(pass_mark__lte=100),
                name="training_course_percentages",
            ),
            models.CheckConstraint(
                condition=Q(duration_hours__gte=1), name="training_course_duration"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]

    @property
    def module_list(self) -> list[str]:
        return [line.strip() for line in self.modules.splitlines() if line.strip()]

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [str(labels.get(s, s)) for s in self.audience_sectors]


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")


class Question(models.Model):
    """One question of a course's bank; the pre-test and the post-test both use the whole bank,
    so that the two scores measure the same knowledge."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Retired questions stay so that earlier answers can still be recomputed.
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
