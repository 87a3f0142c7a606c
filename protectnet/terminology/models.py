from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    AVOID = "avoid", _("Avoid")
    USE_WITH_CARE = "use_with_care", _("Use with care")
    INFO = "info", _("Information")


class Context(models.TextChoices):
    ALWAYS = "always", _("Always")
    NEAR_CHILD_TERMS = "near_child_terms", _("Only near words about children or abuse")


class Term(models.Model):
    """One discouraged term: the phrases to look for and what to write instead.

    Terms are deactivated, never deleted, so the audit log keeps pointing at real rows.
    """

    label = models.CharField(_("term"), max_length=200, unique=True)
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
        ordering = ["label"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
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

    @property
    def variant_list(self) -> list[str]:
        return split_lines(self.variants)

    @property
    def preferred_list(self) -> list[str]:
        return split_lines(self.preferred)


def split_lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]
