"""Subject details: what each alert type needs, and no more (data minimisation).

One table drives the page form, the API and validation, so a field a type does not need cannot
be stored through any door.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import AlertType


class Basis:
    CHOICES = [
        ("conviction", _("Conviction")),
        ("registration", _("Registration (notification requirements)")),
        ("court_order", _("Court order (e.g. travel restriction)")),
        ("charge", _("Charged, awaiting trial")),
        ("intelligence", _("Intelligence")),
    ]


@dataclass(frozen=True)
class SubjectField:
    name: str
    label: str
    kind: str = "text"  # text | long_text | date | country | basis
    max_length: int = 200


FIELDS = {
    f.name: f
    for f in (
        SubjectField("full_name", _("Full name (as in the travel document)")),
        SubjectField("other_names", _("Other names used"), max_length=300),
        SubjectField("date_of_birth", _("Date of birth"), kind="date"),
        SubjectField("nationality", _("Nationality"), kind="country"),
        SubjectField("travel_document", _("Travel document (type and number)"), max_length=100),
        SubjectField("departure_date", _("Departure date"), kind="date"),
        SubjectField("return_date", _("Return date"), kind="date"),
        SubjectField("route", _("Travel route (flights, transit points)"), max_length=500),
        SubjectField("basis", _("Grounds for the alert"), kind="basis"),
        SubjectField("risk_summary", _("Risk summary"), kind="long_text", max_length=4000),
    )
}

# (required, optional) per type. "Information" carries no subject at all.
TYPE_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    AlertType.TRAVEL_NOTIFICATION: (
        (
            "full_name",
            "date_of_birth",
            "nationality",
            "travel_document",
            "departure_date",
            "route",
            "basis",
            "risk_summary",
        ),
        ("other_names", "return_date"),
    ),
    AlertType.INTELLIGENCE_REFERRAL: (
        ("full_name", "basis", "risk_summary"),
        ("other_names", "date_of_birth", "nationality"),
    ),
    AlertType.REQUEST_FOR_ASSISTANCE: (
        (),
        ("full_name", "other_names", "date_of_birth", "nationality"),
    ),
    AlertType.INFORMATION: ((), ()),
}


def fields_for(alert_type: str) -> list[SubjectField]:
    """The type's fields in their natural order (name, other names, date of birth, ...)."""
    required, optional = TYPE_FIELDS[alert_type]
    wanted = {*required, *optional}
    return [field for name, field in FIELDS.items() if name in wanted]


def is_required(alert_type: str, name: str) -> bool:
    return name in TYPE_FIELDS[alert_type][0]


def _parse_date(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from exc


def _clean_value(field: SubjectField, value) -> str:
    if field.kind == "date":
        return _parse_date(value)
    text = str(value).strip()
    if field.kind == "country" and text.upper() not in dict(countries):
        raise ValidationError(_("Choose a country from the list."))
    if field.kind == "country":
        return text.upper()
    if field.kind == "basis" and text not in dict(Basis.CHOICES):
        raise ValidationError(_("Choose the grounds for the alert from the list."))
    if len(text) > field.max_length:
        raise ValidationError(
            _("At most %(n)d characters.") % {"n": field.max_length}, code="max_length"
        )
    return text


def clean_subject(alert_type: str, data: dict) -> dict:
    """The subject details to store: every required field, allowed ones only, normalised."""
    if alert_type not in TYPE_FIELDS:
        raise ValidationError({"alert_type": _("Choose an alert type.")})
    required, optional = TYPE_FIELDS[alert_type]
    allowed = set(required) | set(optional)
    errors: dict[str, list] = {}
    cleaned: dict[str, str] = {}
    for name, value in data.items():
        if value in (None, ""):
            continue
        if name not in allowed:
            errors[name] = [_("This alert type does not use this detail; leave it out.")]
            continue
        try:
            cleaned[name] = _clean_value(FIELDS[name], value)
        except ValidationError as exc:
            errors[name] = exc.messages
    for name in required:
        if name not in cleaned and name not in errors:
            errors[name] = [_("This detail is required for this alert type.")]
    dep, ret = cleaned.get("departure_date"), cleaned.get("return_date")
    if dep and ret and ret < dep:
        errors["return_date"] = [_("The return date cannot be before the departure date.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def display_rows(alert_type: str, subject: dict) -> list[tuple[str, str]]:
    """(label, value) pairs in the type's order, for the detail page and the API."""
    basis = dict(Basis.CHOICES)
    rows = []
    for field in fields_for(alert_type) if alert_type in TYPE_FIELDS else []:
        value = subject.get(field.name)
        if not value:
            continue
        if field.kind == "country":
            value = countries.name(value) or value
        elif field.kind == "basis":
            value = basis.get(value, value)
        rows.append((field.label, value))
    return rows
