"""Forms for the training pages. They parse input; the rules that matter live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from protectnet.core.multilingual import TranslationsFormMixin
from protectnet.core.picker import PickerMultiple
from protectnet.network.forms import PeopleChoiceField
from protectnet.network.models import Sector, person_label
from protectnet.terminology.forms import TerminologyCheckMixin

from .models import Applied, Course, Delivery, QuestionKind

MAX_CHOICES = 6
RATING_CHOICES = [(i, str(i)) for i in range(1, 6)]


class LinesField(forms.CharField):
    """A textarea whose lines become a list (languages, library links)."""

    def __init__(self, *args, separators: str = "\n", **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        kwargs.setdefault("required", False)
        self.separators = separators
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return value

    def clean(self, value):
        text = super().clean(value) or ""
        for sep in self.separators:
            text = text.replace(sep, "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]


class CourseForm(TranslationsFormMixin, TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("title", "summary", "learning_objectives", "modules", "audience_roles")
    translated = ("title", "summary")

    audience_sectors = forms.MultipleChoiceField(
        label=_("Audience sectors"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = LinesField(
        label=_("Languages"),
        separators=",\n ",
        widget=forms.TextInput,
        help_text=_("Language codes separated by commas, e.g. en, km."),
    )
    library_links = LinesField(
        label=_("Library materials"),
        help_text=_("Library resource numbers or addresses (https://…), one per line."),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "summary",
            "learning_objectives",
            "audience_sectors",
            "audience_roles",
            "duration_hours",
            "modules",
            "languages",
            "delivering_organisation",
            "library_links",
            "attendance_threshold",
            "pass_mark",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "learning_objectives": forms.Textarea(attrs={"rows": 4}),
            "modules": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["delivering_organisation"].queryset = organisations

    def clean_languages(self):
        codes = self.cleaned_data["languages"]
        if any(len(c) > 16 or not c.replace("-", "").isalpha() for c in codes):
            raise forms.ValidationError(_("Use language codes such as en, km or zh-hans."))
        return [c.lower() for c in codes]

    def clean_library_links(self):
        links = self.cleaned_data["library_links"]
        for link in links:
            if not (link.isdigit() or link.startswith(("https://", "http://", "/library/"))):
                raise forms.ValidationError(
                    _("“%(link)s” is neither a resource number nor an address.") % {"link": link}
                )
        return links


class QuestionForm(TerminologyCheckMixin, forms.Form):
    """Add a question, or edit one (`question`): slot i shows its i-th answer, and the slot's
    answer is known from the server, never from the request; a blank slot removes that answer."""

    terminology_fields = ("text",)

    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)

    def __init__(self, *args, question=None, **kwargs):
        self.existing = list(question.choices.all()) if question is not None else []
        if question is not None:
            kwargs.setdefault("initial", self._initial(question))
        super().__init__(*args, **kwargs)
        for i in range(1, max(MAX_CHOICES, len(self.existing) + 2) + 1):
            self.fields[f"choice_{i}"] = forms.CharField(
                label=_("Answer %(n)s") % {"n": i},
                required=question is None and i <= 2,
                max_length=500,
            )
            self.fields[f"correct_{i}"] = forms.BooleanField(
                label=_("Answer %(n)s is correct") % {"n": i}, required=False
            )
        if question is not None:
            self.fields["choice_1"].help_text = _("Empty an answer to remove it.")

    def _initial(self, question) -> dict:
        initial = {"text": question.text, "kind": question.kind}
        for i, c in enumerate(self.existing, start=1):
            initial[f"choice_{i}"], initial[f"correct_{i}"] = c.text, c.is_correct
        return initial

    def _slots(self):
        return range(1, len([n for n in self.fields if n.startswith("choice_")]) + 1)

    def choices(self) -> list[tuple[str, bool]]:
        return [(text, ok) for _pk, text, ok in self.choice_rows()]

    def choice_rows(self) -> list[tuple[int | None, str, bool]]:
        data = self.cleaned_data
        return [
            (
                self.existing[i - 1].pk if i <= len(self.existing) else None,
                data.get(f"choice_{i}") or "",
                bool(data.get(f"correct_{i}")),
            )
            for i in self._slots()
        ]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DeliveryForm(forms.ModelForm):
    class Meta:
        model = Delivery
        fields = [
            "start_date",
            "end_date",
            "mode",
            "place",
            "host_country",
            "language",
            "capacity",
            "trainers",
            "pre_test_opens_at",
            "pre_test_closes_at",
            "post_test_opens_at",
            "post_test_closes_at",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            # Searchable (core/picker.py); without JavaScript the plain list of trainers.
            "trainers": PickerMultiple("trainer"),
            "pre_test_opens_at": DateTimeInput(),
            "pre_test_closes_at": DateTimeInput(),
            "post_test_opens_at": DateTimeInput(),
            "post_test_closes_at": DateTimeInput(),
        }
        help_texts = {
            "pre_test_opens_at": _("Leave the test times empty for the usual windows."),
        }
        field_classes = {"trainers": PeopleChoiceField}

    def __init__(self, *args, countries=None, trainers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if countries is not None:
            self.fields["host_country"].queryset = countries
        if trainers is not None:
            self.fields["trainers"].queryset = trainers
        self.fields["trainers"].required = False

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
        for kind in ("pre", "post"):
            opens, closes = data.get(f"{kind}_test_opens_at"), data.get(f"{kind}_test_closes_at")
            if opens and closes and closes <= opens:
                self.add_error(f"{kind}_test_closes_at", _("A test must close after it opens."))
        return data


class NominationForm(forms.Form):
    membership = forms.ModelChoiceField(
        label=_("Trainee (person and agency)"), queryset=None, empty_label=None
    )
    invite = forms.BooleanField(
        label=_("If they have no account yet, invite them to create one"),
        help_text=_("They need an account to take the tests and download the certificate."),
        required=False,
        initial=True,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = candidates
        field.label_from_instance = self._label

    @staticmethod
    def _label(m) -> str:
        # Named as everywhere else (full name and organisation), here the agency nominated for.
        label = person_label(m.person.full_name, [m.organisation])
        return label if m.person.user_id else f"{label} ({_('no account yet')})"


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=pgettext_lazy("attendance", "Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        # Named as the nomination form names them: the person and the agency they came for.
        self.fields["present"].choices = [(e.pk, e.label) for e in enrolments]


class TestForm(forms.Form):
    """One field per question; choice labels only: the key never reaches the page."""

    __test__ = False

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for number, q in enumerate(questions, start=1):
            choices = [(c.pk, c.text) for c in q.choices.all()]
            label = _("%(n)s. %(text)s") % {"n": number, "text": q.text}
            if q.kind == QuestionKind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Tick every correct answer."),
                )
            else:
                field = forms.TypedChoiceField(
                    label=label, choices=choices, coerce=int, widget=forms.RadioSelect
                )
            field.error_messages["required"] = _("Answer this question.")
            self.fields[f"q{q.pk}"] = field
        self.questions = questions

    def answers(self) -> dict[int, list[int]]:
        out = {}
        for q in self.questions:
            value = self.cleaned_data.get(f"q{q.pk}")
            out[q.pk] = value if isinstance(value, list) else [value]
        return out


class EvaluationForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("comments",)

    overall = forms.TypedChoiceField(
        label=_("Overall, the course was useful"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    relevance = forms.TypedChoiceField(
        label=_("The course is relevant to my work"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    trainers = forms.TypedChoiceField(
        label=_("The trainers were effective"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    materials = forms.TypedChoiceField(
        label=_("The materials were clear"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FollowUpForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("example",)

    applied = forms.ChoiceField(
        label=_("Did you apply what you learned?"),
        choices=Applied.choices,
        widget=forms.RadioSelect,
    )
    example = forms.CharField(
        label=_("An example, or what stopped you"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=255)


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Certificate code"), max_length=64, strip=True)
