"""What the network services share: the audit entry for a person never carries the name."""

from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.principal import forget
from protectnet.core.languages import supported

from ..models import Person
from ..text import normalise_phone, split_languages, split_tags


@dataclass(frozen=True)
class PersonInput:
    """A directory entry's own fields: the page's forms and the API both produce one. Phone
    numbers, addresses and language codes are normalised (and refused) by the service."""

    full_name: str
    preferred_name: str = ""
    email: str = ""
    phone: str = ""
    job_title: str = ""
    languages: list[str] = field(default_factory=list)
    expertise: list[str] = field(default_factory=list)
    gender: str = ""
    consent_directory: bool = False
    consent_participant_list: bool = False
    language: str = ""  # for emails to them; empty: the site's (an account's choice wins)

    @classmethod
    def of(cls, person: Person) -> "PersonInput":
        """The entry as it is now (the base a partial change starts from)."""
        return cls(**{name: getattr(person, name) for name in PERSON_FIELDS})


PERSON_FIELDS = tuple(f.name for f in fields(PersonInput))


def record_person(action: str, *, actor, person: Person, request=None, data=None) -> None:
    """Audit a change to a person by id only, so erasure leaves no name behind in the log."""
    audit.record(
        action,
        actor=actor,
        obj=person,
        request=request,
        data=data or {},
        object_repr=f"person #{person.pk}",
    )


def apply_person_fields(person: Person, data: PersonInput, *, country_code: str = "") -> list[str]:
    """Copy allowed fields onto a person, normalised; returns the names that changed.

    Raises ValidationError keyed by field for a bad phone number or language code.
    """
    changed: list[str] = []
    errors: dict[str, list[str]] = {}
    for name in PERSON_FIELDS:
        value = getattr(data, name)
        if value == getattr(person, name):
            continue  # untouched: a value stored before today's rules is not re-judged
        try:
            value = _normalise(name, value, country_code)
        except ValueError as exc:
            errors[name] = [str(exc)]
            continue
        if getattr(person, name) != value:
            setattr(person, name, value)
            changed.append(name)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    for flag in ("consent_directory", "consent_participant_list"):
        if flag in changed:
            setattr(person, f"{flag}_at", now if getattr(person, flag) else None)
            changed.append(f"{flag}_at")
    person.refresh_search_text()
    changed.extend(Person.SEARCH_FIELDS)
    return changed


def _normalise(name: str, value, country_code: str):
    if name == "email":
        return (value or "").strip().lower()
    if name == "phone":
        return normalise_phone(value, country_code)
    if name == "languages":
        return split_languages(value)
    if name == "expertise":
        return split_tags(value)
    if name in ("consent_directory", "consent_participant_list"):
        return bool(value)
    if name == "language":
        if value and not supported(value):
            raise ValueError(_("Choose one of the languages offered."))
        return value or ""
    return " ".join(str(value or "").split())


def forget_principal(user) -> None:
    """A role change takes effect at once: drop the cached facts about this user."""
    if user is not None:
        forget(user)
