"""Everything stored about one person, collected from every app (data access and erasure).

Each app that stores anything about a person has `protectnet/<app>/personal_data.py` (LABEL,
MODELS, EXEMPT, export, erase; see docs/development.md). This module asks all of them through
`core.providers`; the network app imports none of them directly.
"""

from django.utils import timezone

from protectnet.core.providers import providers

from .models import Person


def personal_data_modules() -> tuple:
    return providers("personal_data")


def personal_data_export(*, person: Person | None, user) -> dict:
    """Every app's part, keyed by its LABEL. Each part costs a constant number of queries."""
    data: dict = {"generated_at": timezone.now().isoformat()}
    for module in personal_data_modules():
        data[module.LABEL] = module.export(person=person, user=user)
    return data


def personal_data_get(*, user) -> dict:
    """The signed-in user's own data only: there is no argument naming another person."""
    person = Person.objects.filter(user=user, erased_at__isnull=True).first()
    return personal_data_export(person=person, user=user)


def personal_data_erase(*, person: Person, user, actor) -> None:
    """Called by `person_erase` inside its transaction, before the account is disabled."""
    for module in personal_data_modules():
        module.erase(person=person, user=user, actor=actor)


def readable_sections(data: dict) -> list[dict]:
    """The export as sections of facts and tables, for the PDF (people read it, not programs)."""
    sections = []
    for label, part in data.items():
        if not isinstance(part, dict):
            continue
        section: dict = {"title": label.replace("_", " ").capitalize(), "facts": [], "tables": []}
        for key, value in part.items():
            title = key.replace("_", " ").capitalize()
            if isinstance(value, dict):
                section["facts"].extend((f"{title}: {k}", _text(v)) for k, v in value.items())
            elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
                # One small table per record: a registration has too many fields for columns.
                records = [[(k, _text(v)) for k, v in row.items()] for row in value]
                section["tables"].append({"title": title, "records": records})
            else:
                section["facts"].append((title, _text(value)))
        sections.append(section)
    return sections


def _text(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)
