"""Sample data for the design-system page: fictitious and fixed, so the page reads no records
(the pickers search the directory only when the admin types into them)."""

from datetime import UTC, date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from . import badges
from .picker import Picker, PickerMultiple

# Values no record has, so that a person the picker finds never takes a sample's label.
PEOPLE = [
    ("sample-1", "Dara Sok (Harbour Light NGO)"),
    ("sample-2", "Lena Marsh (Northgate Police)"),
]
ORGANISATIONS = [("sample-1", "Harbour Light NGO"), ("sample-2", "Northgate Police")]


class SampleForm(forms.Form):
    name = forms.CharField(label=_("Full name"), help_text=_("As on an identity document."))
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("KH", _("Cambodia")), ("TH", _("Thailand"))]
    )
    # The searchable pickers, as the real forms declare them (network.forms.PersonChoiceField,
    # OrganisationsChoiceField): one person; several organisations, one already chosen.
    person = forms.ChoiceField(label=_("Person"), choices=PEOPLE, widget=Picker("person"))
    partners = forms.MultipleChoiceField(
        label=_("Partners"),
        choices=ORGANISATIONS,
        widget=PickerMultiple("organisation"),
        required=False,
        initial=["sample-1"],
    )
    agree = forms.BooleanField(label=_("I have read the guidance"), required=False)


def _row(name: str, organisation: str, status, tone: str) -> dict:
    return {"name": name, "organisation": organisation, "status": status, "tone": tone}


def design_sample() -> dict:
    return {
        "day": date(2025, 3, 4),
        "moment": datetime(2025, 3, 4, 9, 5, tzinfo=UTC),
        "rows": [
            _row("Dara Sok", "Harbour Light NGO", _("Confirmed"), "success"),
            _row("Lena Marsh", "Northgate Police", _("Waiting"), "warning"),
        ],
        "form": SampleForm(),
        "statuses": badges.samples(),
    }
