"""Forms of the workshops app. Rich text goes through the terminology check."""

from dataclasses import asdict
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from protectnet.core.multilingual import TranslationsFormMixin
from protectnet.core.picker import Picker
from protectnet.network.forms import (
    OrganisationChoiceField,
    OrganisationsChoiceField,
    PersonChoiceField,
    narrow_picker,
)
from protectnet.network.models import Country
from protectnet.terminology.forms import TerminologyCheckMixin

from .models import Outcome, Registration, Series, Session, Speaker, Workshop
from .services.editions import SessionInput, to_utc
from .services.outcomes import OUTCOME_FIELDS, OutcomeInput
from .services.registrations import FORM_FIELDS, RegistrationInput
from .zones import time_zone_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
RATINGS = [(i, str(i)) for i in range(1, 6)]


class WorkshopForm(TranslationsFormMixin, TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("title", "description")
    translated = ("title", "description")

    class Meta:
        model = Workshop
        fields = [
            "series",
            "edition",
            "title",
            "status",
            "host_country",
            "city",
            "venue_name",
            "venue_address",
            "time_zone",
            "start_date",
            "end_date",
            "lead_organisation",
            "funders",
            "partners",
            "description",
            "public_page",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "venue_address": forms.Textarea(attrs={"rows": 2}),
            "time_zone": Picker("time_zone"),
        }
        field_classes = {
            "lead_organisation": OrganisationChoiceField,
            "funders": OrganisationsChoiceField,
            "partners": OrganisationsChoiceField,
        }

    def __init__(self, *args, next_edition=None, refill_url: str = "", **kwargs):
        """A new workshop: edition and time zone may be left empty and are then filled from
        the series (`next_edition(series)`) and the host country; with htmx they are filled
        as soon as the series or the country is chosen (the page answers with the field)."""
        super().__init__(*args, **kwargs)
        self.next_edition = next_edition
        if next_edition is None:
            return
        self.fields["edition"].required = False
        self.fields["edition"].help_text = _("Left empty: the next edition of the series.")
        self.fields["time_zone"].required = False
        self.fields["time_zone"].help_text = _("Left empty: the host country's time zone.")
        for name, fills in (("series", "edition"), ("host_country", "time_zone")):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": refill_url,
                    "hx-trigger": "change",
                    "hx-include": "closest form",
                    "hx-select": f"#id_{fills}",
                    "hx-target": f"#id_{fills}",
                    "hx-swap": "outerHTML",
                }
            )

    def clean(self):
        cd = super().clean()
        if self.next_edition is None:
            return cd
        if not cd.get("edition") and cd.get("series"):
            cd["edition"] = self.next_edition(series=cd["series"])
        if not cd.get("time_zone") and cd.get("host_country"):
            cd["time_zone"] = time_zone_for(cd["host_country"].code)
        for name in ("edition", "time_zone"):
            if not cd.get(name) and name not in self.errors:
                self.add_error(name, _("This field is required."))
        return cd


class SeriesForm(TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("description",)

    class Meta:
        model = Series
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"name": _("The name every edition shares, e.g. “Regional Workshop”.")}
        error_messages = {"name": {"unique": _("A series of this name already exists.")}}


class SessionForm(TranslationsFormMixin, TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("title", "description")
    translated = ("title",)
    day = forms.TypedChoiceField(label=_("Day"), coerce=str)
    start_time = forms.TimeField(label=_("Starts (venue time)"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends (venue time)"), widget=TIME)

    class Meta:
        model = Session
        fields = [
            "title",
            "kind",
            "description",
            "room",
            "capacity",
            "chairs",
            "speakers",
            "resources",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, workshop: Workshop, speakers, resources, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.fields["resources"].queryset = resources
        self.fields["day"].choices = [(d.isoformat(), date_format(d)) for d in workshop.days]
        self.fields["chairs"].queryset = speakers
        self.fields["speakers"].queryset = speakers
        if self.instance.pk:
            self.initial.update(
                day=self.instance.local_start.date().isoformat(),
                start_time=self.instance.local_start.time(),
                end_time=self.instance.local_end.time(),
            )

    def to_input(self) -> SessionInput:
        """The session to save, its venue wall-clock times as UTC (the service checks them)."""
        cd = self.cleaned_data
        day = date.fromisoformat(cd["day"])
        return SessionInput(
            title=cd["title"],
            kind=cd["kind"],
            starts_at=to_utc(self.workshop, day, cd["start_time"]),
            ends_at=to_utc(self.workshop, day, cd["end_time"]),
            description=cd["description"],
            room=cd["room"],
            capacity=cd["capacity"],
            chairs=tuple(cd["chairs"]),
            speakers=tuple(cd["speakers"]),
            resources=tuple(cd["resources"]),
        )


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "affiliation"]


class InvitationForm(forms.Form):
    """Organisers invite someone directly (a speaker, an observer, a guest)."""

    person = PersonChoiceField(queryset=None, label=_("Person"))
    delegation = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Delegation (optional)"),
        help_text=_("Counts against that country's quota when the person registers."),
    )

    def __init__(self, *args, people, delegations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["delegation"].queryset = delegations


class QuotaForm(forms.Form):
    country = forms.ModelChoiceField(queryset=Country.objects.all(), label=_("Country"))
    quota = forms.IntegerField(min_value=0, max_value=500, label=_("Seats"))


class NominationForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("note",)
    person = PersonChoiceField(queryset=None, label=_("Person"))
    note = forms.CharField(
        label=_("Why this person (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, people, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        # The picker searches the delegation's country, as the choices are.
        narrow_picker(self.fields["person"], country=getattr(country, "code", ""))


REGISTRATION_WIDGETS = {
    "arrival_on": DATE,
    "departure_on": DATE,
    "passport_expiry": DATE,
    "date_of_birth": DATE,
    "dietary_needs": forms.Textarea(attrs={"rows": 2}),
    "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
}
# Every field's label, in the reader's language: without one, a form field takes the model
# field's name ("Arrival on"), which no catalogue translates. Where the organiser's registration
# page or the alert form already names the same thing, the same text.
REGISTRATION_LABELS = {
    "gender": _("Gender"),
    "consent_participant_list": _(
        "I agree to appear (name, organisation, country) on the participant list"
    ),
    "needs_visa_letter": _("I need a visa invitation letter"),
    "arrival_on": _("Arrival"),
    "departure_on": _("Departure"),
    "dietary_needs": _("Dietary needs"),
    "accessibility_needs": _("Accessibility needs"),
    "passport_full_name": _("Full name (as in the travel document)"),
    "passport_number": _("Passport number"),
    "passport_nationality": _("Nationality"),
    "passport_expiry": _("Passport valid until"),
    "date_of_birth": _("Date of birth"),
    "emergency_contact_name": _("Emergency contact"),
    "emergency_contact_phone": _("Emergency contact's phone"),
    "arrival_details": _("Arrival (flight, time)"),
    "departure_details": _("Departure (flight, time)"),
}
REGISTRATION_HELP = {"gender": _("Optional, in your own words; used only in anonymous totals.")}


class RegistrationForm(forms.Form):
    """Parses the page into a RegistrationInput; the service checks the rules (travel dates,
    passport) and its refusals are shown on their fields."""

    def __init__(self, *args, registration: Registration | None = None, **kwargs):
        if registration is not None:
            kwargs.setdefault("initial", asdict(RegistrationInput.of(registration)))
        super().__init__(*args, **kwargs)
        self.fields.update(
            forms.fields_for_model(
                Registration,
                fields=FORM_FIELDS,
                widgets=REGISTRATION_WIDGETS,
                labels=REGISTRATION_LABELS,
                help_texts=REGISTRATION_HELP,
            )
        )

    def to_input(self) -> RegistrationInput:
        return RegistrationInput(**{name: self.cleaned_data[name] for name in FORM_FIELDS})


class CheckInForm(forms.Form):
    day = forms.DateField(widget=DATE)
    code = forms.CharField(required=False, max_length=300)
    registration = forms.IntegerField(required=False, min_value=1)
    session = forms.IntegerField(required=False, min_value=1)


class FeedbackForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("comments",)
    overall_rating = forms.TypedChoiceField(
        label=_("Overall, how useful was the workshop? (1 = not at all, 5 = very)"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    knowledge_before = forms.TypedChoiceField(
        label=_("Your knowledge of the topics before the workshop (optional)"),
        choices=[("", "—"), *RATINGS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    knowledge_after = forms.TypedChoiceField(
        label=_("Your knowledge of the topics after the workshop (optional)"),
        choices=[("", "—"), *RATINGS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    comments = forms.CharField(
        label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    anonymous = forms.BooleanField(
        label=_("Answer anonymously (your name is not kept with your answers)"), required=False
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = list(sessions)
        for session in self.sessions:
            self.fields[f"session_{session.pk}"] = forms.TypedChoiceField(
                label=session.title,
                choices=[("", "—"), *RATINGS],
                coerce=int,
                empty_value=None,
                required=False,
            )

    def session_ratings(self) -> dict:
        return {
            s.pk: self.cleaned_data.get(f"session_{s.pk}")
            for s in self.sessions
            if self.cleaned_data.get(f"session_{s.pk}")
        }

    def service_fields(self) -> dict:
        """The keyword arguments of feedback_submit, shared by the page and the API."""
        cd = self.cleaned_data
        fields = ("overall_rating", "comments", "anonymous", "knowledge_before", "knowledge_after")
        return {**{name: cd[name] for name in fields}, "session_ratings": self.session_ratings()}


class OutcomeForm(TerminologyCheckMixin, forms.ModelForm):
    terminology_fields = ("title", "description", "progress_note")

    class Meta:
        model = Outcome
        fields = [
            "kind",
            "title",
            "description",
            "owner_organisation",
            "countries",
            "contact",
            "due_on",
            "status",
            "progress_note",
        ]
        widgets = {
            "due_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "progress_note": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {
            "owner_organisation": OrganisationChoiceField,
            "contact": PersonChoiceField,
        }

    def __init__(self, *args, organisations, people, **kwargs):
        """`organisations` and `people`: what the reader may see (outcome_choices)."""
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = organisations
        self.fields["contact"].queryset = people

    def to_input(self) -> OutcomeInput:
        cd = self.cleaned_data
        values = {name: cd[name] for name in OUTCOME_FIELDS}
        return OutcomeInput(**values, countries=tuple(cd["countries"]))
