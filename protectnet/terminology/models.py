from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    AVOID = "avoid", _("Avoid")
    USE_WITH_CARE = "use_with_care", _("Use with care")
    INFO = "info", _("Information")


class Context(models.TextChoices):
    ALWAYS = "always", _("Always")
    NEAR_CHILD_TERMS = "near_child_terms", _("Only near words about children or abuse")


class Language(models.TextChoices):
    """The languages the network writes its reports in; Chinese is one list for both scripts
    (the text pipeline reads Traditional Chinese as Simplified)."""

    EN = "en", _("English")
    TH = "th", _("Thai")
    VI = "vi", _("Vietnamese")
    KM = "km", _("Khmer")
    LO = "lo", _("Lao")
    MY = "my", _("Burmese")
    FIL = "fil", _("Filipino")
    HI = "hi", _("Hindi")
    ZH = "zh", _("Chinese")


class Term(models.Model):
    """One discouraged term: the phrases to look for and what to write instead.

    Terms are deactivated, never deleted, so the audit log keeps pointing at real rows.
    """

    label = models.CharField(_("term"), max_length=200)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.EN
    )
    variants = models.TextField(
        _("variants"),
        help_text=_("The phrases to look for, one per line. Plurals and other forms are found."),
    )
    preferred = models.TextField(_("preferred terms"), help_text=_("One per line."))
    reason = models.TextField(_("reason"))
    exceptions = models.TextField(
        _("exceptions"), blank=True, help_text=_("When the term may still be used.")
    )
    source = models.TextField(_("source"), blank=True)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices)
    context = models.CharField(
        _("context"), max_length=20, choices=Context.choices, default=Context.ALWAYS
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["language", "label"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "label"], name="terminology_term_label_unique_per_language"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=Language.values),
                name="terminology_term_language_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(severity__in=["avoid", "use_with_care", "info"]),
                name="terminology_term_severity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(context__in=["always", "near_child_terms"]),
                name="terminology_term_context_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self):
        # A variant of one or two letters would flag ordinary words everywhere.
        short = [v for v in split_lines(self.variants) if sum(c.isalnum() for c in v) < 3]
        if short or not split_lines(self.variants):
            raise ValidationError(
                {"variants": _("Each variant needs at least three letters or digits.")}
            )
        if any(len(v) > 200 for v in split_lines(self.variants)):
            raise ValidationError({"variants": _("A variant may have at most 200 characters.")})

    def validate_constraints(self, exclude=None):
        # The writer changes the label to fix a duplicate: say so on the label, in plain words.
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            others = errors.pop(NON_FIELD_ERRORS, [])
            duplicate = [e for e in others if e.code == "unique_together"]
            if duplicate:
                message = _("This term already exists in this language.")
                errors.setdefault("label", []).append(ValidationError(message, code="unique"))
            rest = [e for e in others if e.code != "unique_together"]
            if rest:
                errors[NON_FIELD_ERRORS] = rest
            raise ValidationError(errors) from error

    @property
    def variant_list(self) -> list[str]:
        return split_lines(self.variants)

    @property
    def preferred_list(self) -> list[str]:
        return split_lines(self.preferred)


def split_lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]
