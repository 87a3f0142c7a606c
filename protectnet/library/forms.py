from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from protectnet.access.markings import Marking
from protectnet.core.forms import CollatedMultipleChoiceField
from protectnet.core.multilingual import TranslationsFormMixin
from protectnet.core.picker import PickerMultiple
from protectnet.network.forms import OrganisationsChoiceField, PeopleChoiceField
from protectnet.network.models import Country, Organisation, Person
from protectnet.network.selectors import labelled
from protectnet.terminology.forms import TerminologyCheckMixin

from .models import GrantScope, Language, Resource, ResourceType, Topic
from .services import ResourceData


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


def _files_help() -> str:
    mb = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
    return _("PDF, DOCX, XLSX, PPTX or plain text; up to %(mb)s MB each.") % {"mb": mb}


class VersionContentMixin(forms.Form):
    files = MultipleFileField(label=_("Files"), required=False)
    link = forms.URLField(
        label=_("Or a link"), required=False, assume_scheme="https", max_length=1000
    )
    note = forms.CharField(label=_("What changed (optional)"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _files_help()


class ResourceForm(TranslationsFormMixin, TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("title", "summary")
    translated = ("title", "summary")

    # Languages, countries and topics are named in the reader's language, in its alphabetical order.
    languages = CollatedMultipleChoiceField(
        Language.objects.all(), label=_("Languages"), widget=forms.CheckboxSelectMultiple
    )
    countries = CollatedMultipleChoiceField(
        Country.objects.all(), label=_("Countries"), required=False
    )
    topics = CollatedMultipleChoiceField(
        Topic.objects.all(), label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    shared_with = OrganisationsChoiceField(
        Organisation.objects.select_related("country").order_by("name"),
        label=_("TLP:AMBER: also shared with these organisations"),
        required=False,
    )
    # Searched by name among the people the directory shows the writer (kind `library_person`);
    # without JavaScript the plain list of them.
    named_people = PeopleChoiceField(
        Person.objects.none(),
        label=_("TLP:RED: the named people"),
        required=False,
        widget=PickerMultiple("library_person"),
        help_text=_("You are always named on a TLP:RED resource you write."),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "summary",
            "resource_type",
            "owner_organisation",
            "marking",
            "listed_when_restricted",
            "published_on",
            "review_date",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "marking": forms.RadioSelect,
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "review_date": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {
            "resource_type": _("Type"),
            "owner_organisation": _("Owning organisation"),
            "marking": _("Handling marking"),
            "listed_when_restricted": _("List as restricted"),
            "published_on": _("Date published"),
            "review_date": _("Review by"),
        }

    def __init__(self, *args, organisations=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Named people are chosen among those the writer may see (selectors.directory_people).
        if people is not None:
            self.fields["named_people"].queryset = labelled(people)
        if organisations is not None:
            self.fields["owner_organisation"].queryset = organisations
            if not self.instance.pk:
                # Most members belong to one organisation: choose it for them.
                own = list(organisations[:2])
                if len(own) == 1:
                    self.fields["owner_organisation"].initial = own[0].pk
        self.fields["marking"].choices = Marking.choices
        self.fields["resource_type"].choices = ResourceType.choices
        if self.instance.pk:
            self.fields["named_people"].initial = [p.pk for p in self.instance.named_people.all()]

    def clean(self):
        cleaned = super().clean()
        # Only AMBER items can be listed as restricted; quietly drop the tick for the others.
        if cleaned.get("marking") != Marking.AMBER:
            cleaned["listed_when_restricted"] = False
        return cleaned

    def resource_data(self) -> ResourceData:
        d = self.cleaned_data
        return ResourceData(
            title=d["title"],
            summary=d.get("summary", ""),
            resource_type=d["resource_type"],
            owner_organisation=d["owner_organisation"],
            marking=d["marking"],
            languages=list(d["languages"]),
            countries=list(d["countries"]),
            topics=list(d["topics"]),
            shared_with=list(d["shared_with"]),
            named_people=list(d["named_people"]),
            listed_when_restricted=d.get("listed_when_restricted", False),
            review_date=d.get("review_date"),
            published_on=d.get("published_on"),
        )


class ResourceCreateForm(ResourceForm, VersionContentMixin):
    pass


class VersionForm(VersionContentMixin):
    pass


class AccessRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("On behalf of"))
    reason = forms.CharField(
        label=_("Why you need it"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Grant access")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    scope = forms.ChoiceField(
        label=_("Open it to"), choices=GrantScope.choices, required=False, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note to the requester"), required=False, max_length=500)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any"))] + ResourceType.choices
    )
    topic = forms.SlugField(label=_("Topic"), required=False, max_length=64)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    language = forms.CharField(label=_("Language"), required=False, max_length=8)
    marking = forms.ChoiceField(
        label=_("Marking"), required=False, choices=[("", _("Any"))] + Marking.choices
    )
    organisation = forms.IntegerField(
        label=_("Organisation"), required=False, min_value=1, max_value=2_147_483_647
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    page = forms.IntegerField(required=False, min_value=1, max_value=500)

    def filters(self):
        from .search import SearchFilters

        d = self.cleaned_data if self.is_valid() else {}
        return SearchFilters(
            resource_type=d.get("type") or "",
            topic=d.get("topic") or "",
            country=(d.get("country") or "").upper(),
            language=d.get("language") or "",
            marking=d.get("marking") or "",
            organisation=d.get("organisation"),
            year=d.get("year"),
        )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by your organisation and the secretariat only."),
    )


class RestoreForm(forms.Form):
    """No fields: the form carries the CSRF token and the confirmation."""
