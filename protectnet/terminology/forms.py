"""Forms: the mixin every app puts on forms with rich text, the check form and the term form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Language, Term, split_lines
from .services import check_fields

CONFIRM_FIELD = "terminology_confirmed"


class TerminologyCheckMixin:
    """Warn before saving text that uses discouraged terms; the writer may save anyway.

    `class ResourceForm(TerminologyCheckMixin, forms.ModelForm)` (the mixin first), then set
    `terminology_fields = ("summary", "description")`. The form gains a
    `terminology_confirmed` checkbox; while a listed field carries findings of severity "avoid" or
    "use_with_care" and the box is not ticked, the form is invalid with a non-field error, and
    `form.terminology_findings` ({field name: [Finding, ...]}) holds what
    `{% include "terminology/findings.html" %}` shows. The checkbox is a hidden field until there
    is something to confirm; a template that renders fields one by one must render it too.
    """

    terminology_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.terminology_findings: dict[str, list] = {}
        self.fields[CONFIRM_FIELD] = forms.BooleanField(
            label=_("Save anyway: I have reviewed the language notes"),
            required=False,
            # Shown only once there is something to confirm (see clean()).
            widget=forms.HiddenInput,
        )

    def clean(self):
        cleaned = super().clean()
        values = {name: self.cleaned_data.get(name) or "" for name in self.terminology_fields}
        self.terminology_findings = check_fields(values)
        blocking = any(f.blocking for fs in self.terminology_findings.values() for f in fs)
        if blocking:
            self.fields[CONFIRM_FIELD].widget = forms.CheckboxInput()
            if not self.cleaned_data.get(CONFIRM_FIELD):
                self.add_error(
                    None,
                    _(
                        "Please review the language notes below, or tick “Save anyway: I have "
                        "reviewed the language notes” to save anyway."
                    ),
                )
        return cleaned

    @property
    def terminology_field_labels(self) -> list[tuple[str, str, list]]:
        """(field name, label, findings) for the template, in the form's field order."""
        return [
            (name, str(self.fields[name].label or name), findings)
            for name, findings in self.terminology_findings.items()
            if name in self.fields
        ]


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=500_000,
        help_text=_("Nothing you paste here is stored."),
    )
    include_info = forms.BooleanField(label=_("Also show informational notes"), required=False)


class LinesField(forms.CharField):
    """One entry per line; blank lines dropped."""

    widget = forms.Textarea(attrs={"rows": 6})

    def clean(self, value):
        value = super().clean(value)
        return "\n".join(split_lines(value))


class TermForm(forms.ModelForm):
    variants = LinesField(label=_("Variants"), help_text=Term._meta.get_field("variants").help_text)
    preferred = LinesField(label=_("Preferred terms"), help_text=_("One per line."))
    language = forms.ChoiceField(
        label=_("Language"),
        choices=Language.choices,
        required=False,
        help_text=_("The language of the variants; a label may repeat in another language."),
    )

    class Meta:
        model = Term
        fields = [
            "label",
            "language",
            "variants",
            "preferred",
            "reason",
            "exceptions",
            "source",
            "severity",
            "context",
            "active",
        ]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "exceptions": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_language(self) -> str:
        # A client that predates languages sends none: a new term is English, an edit keeps its.
        chosen = self.cleaned_data.get("language")
        return chosen or (self.instance.language if self.instance.pk else Language.EN)
