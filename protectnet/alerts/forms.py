"""Forms for the alert pages. Validation that matters lives in the services; forms parse input."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from protectnet.access.markings import MARKING_HELP, Marking
from protectnet.core.country_names import country_choices
from protectnet.core.picker import Picker, PickerMultiple
from protectnet.network.forms import (
    OrganisationsChoiceField,
    PeopleChoiceField,
    PersonChoiceField,
    narrow_picker,
)
from protectnet.terminology.forms import TerminologyCheckMixin

from .models import ALERT_MARKINGS, Outcome, Priority, RetractionReason
from .selectors import (
    nameable_people,
    recipient_organisation_choices,
    sender_organisations_for,
    share_candidates,
)
from .services import AlertInput
from .subject import Basis, fields_for, is_required


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


def agency_label(organisation) -> str:
    """A recipient agency with its country: partner agencies often share a name."""
    return f"{organisation.name} ({organisation.country.name})"


class AgenciesChoiceField(OrganisationsChoiceField):
    """Recipient agencies, searched by name (core/picker.py, kind `alert_agency`); without
    JavaScript the plain list of the partner agencies."""

    widget = PickerMultiple("alert_agency")

    def label_from_instance(self, obj):
        return agency_label(obj)


class NamedPeopleChoiceField(PeopleChoiceField):
    """Named recipients of a RED alert, searched by name (kind `alert_person`)."""

    widget = PickerMultiple("alert_person")


def _subject_field(spec, alert_type: str) -> forms.Field:
    required = is_required(alert_type, spec.name)
    if spec.kind == "date":
        return forms.DateField(
            label=spec.label, required=required, widget=forms.DateInput(attrs={"type": "date"})
        )
    if spec.kind == "country":
        return forms.ChoiceField(
            label=spec.label, required=required, choices=[("", "—"), *country_choices()]
        )
    if spec.kind == "basis":
        return forms.ChoiceField(
            label=spec.label, required=required, choices=[("", "—"), *Basis.CHOICES]
        )
    widget = forms.Textarea(attrs={"rows": 4}) if spec.kind == "long_text" else None
    return forms.CharField(
        label=spec.label, required=required, max_length=spec.max_length, widget=widget
    )


class AlertForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("summary",)

    sender_organisation = forms.TypedChoiceField(label=_("Sending agency"), coerce=int)
    recipients = AgenciesChoiceField(
        label=_("Recipient agencies"),
        queryset=None,
        help_text=_("Law-enforcement agencies of partner countries."),
    )
    marking = forms.ChoiceField(
        label=_("Marking"),
        choices=ALERT_MARKINGS,
        initial=Marking.AMBER,
        widget=forms.RadioSelect,
        help_text=_(
            "AMBER: the recipient agencies' vetted members, who may pass it on within their "
            "agency and to the partners it needs to act (need-to-know), and share it with vetted "
            "colleagues of other law-enforcement agencies of their country (you see with whom). "
            "AMBER+STRICT: the recipient agencies only, not to be passed on outside them. RED: "
            "only the people you name below (needs a second approver)."
        ),
    )
    named_people = NamedPeopleChoiceField(
        label=_("Named recipients (TLP:RED only)"),
        queryset=None,
        required=False,
        help_text=_("Name at least one vetted person in every recipient agency."),
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    ack_deadline = forms.DateTimeField(
        label=_("Acknowledge by (UTC)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    summary = forms.CharField(
        label=_("Summary and what you ask of the recipients"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word, Excel or plain text; no images; up to 5 files of 10 MB."),
    )

    def __init__(self, *args, user, alert_type: str, **kwargs):
        # Free text to check for discouraged terms: the summary, and the risk summary if the
        # type has one (set before the mixin's __init__ reads it).
        typed = {spec.name for spec in fields_for(alert_type)}
        self.terminology_fields = (
            ("summary", "risk_summary") if "risk_summary" in typed else ("summary",)
        )
        super().__init__(*args, **kwargs)
        self.alert_type = alert_type
        senders = list(sender_organisations_for(user=user))
        self.fields["sender_organisation"].choices = [(o.pk, o.name) for o in senders]
        if len(senders) == 1:
            self.fields["sender_organisation"].widget = forms.HiddenInput()
            self.fields["sender_organisation"].initial = senders[0].pk
        # The same choices as the pickers' searches (pick_kinds.py): any other id is refused.
        self.fields["recipients"].queryset = recipient_organisation_choices(user=user)
        self.fields["named_people"].queryset = nameable_people(user=user)
        self.subject_names = []
        for spec in fields_for(alert_type):
            self.fields[spec.name] = _subject_field(spec, alert_type)
            self.subject_names.append(spec.name)
        # Keep the long free text last, after the subject details.
        for name in ("summary", "attachments"):
            self.fields[name] = self.fields.pop(name)

    @property
    def marking_help(self):
        return MARKING_HELP

    def subject_fields(self):
        return [self[name] for name in self.subject_names]

    def to_input(self) -> AlertInput:
        data = self.cleaned_data
        return AlertInput(
            alert_type=self.alert_type,
            sender_organisation_id=data["sender_organisation"],
            recipient_organisation_ids=[o.pk for o in data["recipients"]],
            marking=data["marking"],
            named_person_ids=[p.pk for p in data["named_people"]],
            priority=data["priority"],
            ack_deadline=data["ack_deadline"],
            summary=data["summary"],
            subject={name: data.get(name) for name in self.subject_names},
            files=data.get("attachments") or [],
        )


class AttachmentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({filesizeformat(obj.size)})"


class DraftForm(AlertForm):
    """Editing a draft: the creation form, filled in, plus removal of attachments."""

    remove_attachments = AttachmentChoiceField(
        label=_("Remove attachments"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, alert, **kwargs):
        kwargs.setdefault("initial", draft_initial(alert))
        super().__init__(*args, alert_type=alert.alert_type, **kwargs)
        self.fields["remove_attachments"].queryset = alert.attachments.defer("content_ciphertext")
        self.fields["attachments"].label = _("Add attachments")
        if not alert.attachments.all():
            del self.fields["remove_attachments"]

    def removed_ids(self) -> list[int]:
        return [a.pk for a in self.cleaned_data.get("remove_attachments") or []]


def draft_initial(alert) -> dict:
    return {
        "sender_organisation": alert.sender_organisation_id,
        "recipients": [r.organisation_id for r in alert.recipients.all()],
        "marking": alert.marking,
        "named_people": [p.pk for p in alert.named_people.all()],
        "priority": alert.priority,
        "ack_deadline": alert.ack_deadline,
        "summary": alert.summary,
        **alert.subject,
    }


class ShareForm(forms.Form):
    # Searched among this alert's candidates (kind `alert_share`); without JavaScript the plain
    # list of them.
    person = PersonChoiceField(
        label=_("Colleague"),
        queryset=None,
        widget=Picker("alert_share"),
        help_text=_(
            "Vetted members of the other law-enforcement agencies of your country. They can "
            "read the alert, not act on it or pass it on; the sender sees with whom it was shared."
        ),
    )

    def __init__(self, *args, user, alert, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = share_candidates(user=user, alert=alert)
        narrow_picker(self.fields["person"], alert=alert.pk)


class ReplyForm(TerminologyCheckMixin, forms.Form):
    terminology_fields = ("body",)
    body = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)


class RetractForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=RetractionReason.choices, widget=forms.RadioSelect
    )


class ListFilterForm(forms.Form):
    """The list's filters, from the address (links, no JavaScript); a bad value shows all."""

    box = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("all", _("All alerts")),
            ("inbox", _("Received")),
            ("sent", pgettext_lazy("alerts sent by your agency", "Sent")),
        ],
    )
    needs = forms.ChoiceField(
        label=_("Acknowledgement"),
        required=False,
        choices=[
            ("", _("All alerts")),
            ("ack", _("Waiting for my agency's acknowledgement")),
        ],
    )
    overdue = forms.ChoiceField(label=_("Overdue"), required=False, choices=[("", "-"), ("1", "1")])

    def filters(self) -> dict:
        if not self.is_valid():
            return {"box": "all", "needs": "", "overdue": False}
        data = self.cleaned_data
        overdue = data["overdue"] == "1"
        return {"box": data["box"] or "all", "needs": data["needs"], "overdue": overdue}
