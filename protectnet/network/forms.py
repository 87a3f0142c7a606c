"""Forms of the directory: they parse and validate input; services decide and write."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from protectnet.access.markings import Marking
from protectnet.core.picker import Picker, PickerMultiple
from protectnet.terminology.forms import TerminologyCheckMixin

from .models import (
    Discipline,
    ImportKind,
    Organisation,
    PanelMeeting,
    Person,
    Sector,
    VettingLevel,
)
from .search import query_error
from .text import split_languages, split_tags


def clean_query(form: forms.Form) -> str:
    """A search the directory can run, or the field's error saying why not."""
    q = form.cleaned_data.get("q", "")
    error = query_error(q, max_length=form.fields["q"].max_length)
    if error:
        raise forms.ValidationError(error)
    return q


NOT_A_CHOICE = _(
    "Choose from the list: this one is not among those you may choose here. "
    "Type part of the name and pick a match."
)


class PersonChoiceField(forms.ModelChoiceField):
    """A person picked by full name and organisation ("Sok Bopha (CPAC)"): two entries with the
    same name are told apart. The queryset prefetches current memberships (Person.label) and is
    what the reader may choose: any other id, forged or stale, is refused."""

    widget = Picker("person")
    default_error_messages = {"invalid_choice": NOT_A_CHOICE}

    def label_from_instance(self, obj):
        return obj.label


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    widget = PickerMultiple("person")
    default_error_messages = {"invalid_choice": NOT_A_CHOICE}

    def label_from_instance(self, obj):
        return obj.label


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation picked by name or acronym among those the queryset allows."""

    widget = Picker("organisation")
    default_error_messages = {"invalid_choice": NOT_A_CHOICE}


class OrganisationsChoiceField(forms.ModelMultipleChoiceField):
    widget = PickerMultiple("organisation")
    default_error_messages = {"invalid_choice": NOT_A_CHOICE}


def narrow_picker(field, **params) -> None:
    """Narrow a picker's search as the field's choices are narrowed (a country, say)."""
    field.widget.params.update({k: str(v) for k, v in params.items() if v})


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Name, title or organisation"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("Any sector")), *Sector.choices]
    )
    organisation = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=60)
    language = forms.CharField(
        label=_("Language code"), required=False, max_length=12, help_text=_("e.g. km, th, en")
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    clean_q = clean_query

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country"))] + [
            (str(c.code), c.name) for c in countries
        ]


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "acronym", "sector", "country", "parent", "website", "verified"]
        field_classes = {"parent": OrganisationChoiceField}

    def __init__(self, *args, countries=None, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if countries is not None:
            self.fields["country"].queryset = countries
        if parents is not None:
            self.fields["parent"].queryset = parents


class PersonForm(forms.ModelForm):
    """Languages and expertise are typed as comma-separated text."""

    languages = forms.CharField(
        label=_("Languages"), required=False, help_text=_("Language codes, e.g. km, en")
    )
    expertise = forms.CharField(
        label=_("Expertise"),
        required=False,
        help_text=_("Comma-separated, e.g. online investigations"),
    )

    class Meta:
        model = Person
        fields = [
            "full_name",
            "preferred_name",
            "email",
            "phone",
            "job_title",
            "languages",
            "expertise",
            "gender",
            "consent_directory",
            "consent_participant_list",
            "language",
        ]
        labels = {
            "consent_directory": _("Agrees to show email and phone to network members"),
            "consent_participant_list": _("Agrees to appear on participant lists"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = ", ".join(self.instance.languages)
            self.initial["expertise"] = ", ".join(self.instance.expertise)
        self.fields["phone"].help_text = _("With the country code, e.g. +855 12 345 678")
        # Each language in its own script, as in the switcher; only for people without an
        # account of their own, whose choice there wins.
        self.fields["language"] = forms.ChoiceField(
            label=_("Language for emails"),
            choices=[("", _("The site's language")), *settings.LANGUAGES],
            required=False,
            help_text=_(
                "Emails to this person are written in it, unless their account says otherwise."
            ),
        )

    def clean_languages(self):
        try:
            return split_languages(self.cleaned_data["languages"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_expertise(self):
        return split_tags(self.cleaned_data["expertise"])

    def _post_clean(self):
        """Uniqueness and phone checks belong to the service (it knows the country)."""

    def person_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PersonCreateForm(PersonForm):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects)
    title = forms.CharField(label=_("Title in the organisation"), required=False, max_length=255)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        narrow_picker(self.fields["organisation"], managed=1)
        self.order_fields(["full_name", "preferred_name", "organisation", "title"])


class MembershipForm(forms.Form):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects)
    title = forms.CharField(label=_("Title"), required=False, max_length=255)
    start_date = forms.DateField(
        label=_("Since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        narrow_picker(self.fields["organisation"], managed=1)


class VettingForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("notes",)
    level = forms.ChoiceField(label=_("Level"), choices=VettingLevel.choices)
    verified_on = forms.DateField(
        label=_("Checked on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Expires on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address for the account"))


class FocalPointSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, job title or organisation"),
        max_length=100,
        min_length=2,
        help_text=_("At least two letters; people of this country only."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    clean_q = clean_query


class FocalPointForm(forms.Form):
    """The person chosen among the search results; any id outside `people` is refused."""

    person = PersonChoiceField(label=_("Person"), queryset=Person.objects)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class PanelForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("remit",)
    name = forms.CharField(label=_("Name"), max_length=255)
    remit = forms.CharField(
        label=_("Remit"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PanelMemberForm(forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects)
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    is_chair = forms.BooleanField(label=_("Chair of the panel"), required=False)

    def __init__(self, *args, people=None, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        narrow_picker(self.fields["person"], country=getattr(country, "code", ""))


class MeetingForm(TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("minutes",)

    class Meta:
        model = PanelMeeting
        fields = [
            "held_on",
            "title",
            "minutes",
            "marking",
            "owner_organisation",
            "shared_with",
            "named_people",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }
        field_classes = {
            "owner_organisation": OrganisationChoiceField,
            "shared_with": OrganisationsChoiceField,
            "named_people": PeopleChoiceField,
        }
        help_texts = {
            "marking": _("Who may read the minutes (Traffic Light Protocol)."),
            "shared_with": _("TLP:AMBER: also these organisations."),
            "named_people": _("TLP:RED: only these people (panel members)."),
        }

    def __init__(self, *args, owners=None, organisations=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["marking"].choices = Marking.choices
        self.fields["owner_organisation"].queryset = owners
        self.fields["owner_organisation"].required = False
        self.fields["shared_with"].queryset = organisations
        self.fields["named_people"].queryset = people

    def meeting_fields(self) -> dict:
        keep = ("held_on", "title", "minutes", "marking", "owner_organisation")
        return {name: self.cleaned_data[name] for name in keep}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("The first row names the columns; download a template below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


def import_row_form(columns: tuple[str, ...], data=None, initial=None) -> forms.Form:
    """A form with one text field per column of the file, to correct one row."""
    fields = {name: forms.CharField(label=name, required=False, max_length=500) for name in columns}
    form_class = type("ImportRowForm", (forms.Form,), fields)
    return form_class(data=data, initial=initial)
