"""Status badges: an app says once, in its `statuses.py`, which tone each state of a status takes,
and every page shows a state through `{% status_badge obj %}` (the `ui` library), never a tone
chosen in a template.

    STATUSES = {"workshops.registration": Status(_("Registrations"), RegistrationStatus, {...})}

The key is the model's label (`obj._meta.label_lower`, the object's `status` field), or a name of
one's own for a state no model stores (`{% status_badge "workshops.presence" "checked_in" %}`).
A state without a tone is neutral. The words carry the meaning (components/badge.html); the
tone's shape and colour only repeat it.
"""

from dataclasses import dataclass
from functools import cache

from django.db import models

from .providers import providers

TONES = ("danger", "warning", "success", "info", "neutral")


@dataclass(frozen=True)
class Status:
    title: str  # what the states are of, for the design page ("Registrations")
    choices: type[models.Choices]
    tones: dict[str, str]


@cache
def registry() -> dict[str, Status]:
    found: dict[str, Status] = {}
    for module in providers("statuses"):
        for key, status in module.STATUSES.items():
            if key in found:
                raise ValueError(f"status {key!r} declared twice")
            states = set(status.choices.values)
            wrong = {s: t for s, t in status.tones.items() if t not in TONES or s not in states}
            if wrong:
                raise ValueError(f"status {key!r}: unknown states or tones {wrong!r}")
            found[key] = status
    return found


def tone(key: str, state: str) -> str:
    status = registry().get(key)
    return status.tones.get(state, "neutral") if status else "neutral"


def badge(subject, state: str | None = None) -> dict:
    """The words and tone of one state: of an object's `status`, or of a named status's state."""
    if isinstance(subject, str):
        status = registry()[subject]
        return {"label": status.choices(state).label, "tone": tone(subject, state)}
    key = subject._meta.label_lower
    return {"label": subject.get_status_display(), "tone": tone(key, subject.status)}


def samples() -> list[dict]:
    """Every declared state with its tone, for the design page."""
    return [
        {
            "title": status.title,
            "badges": [{"label": c.label, "tone": tone(key, c.value)} for c in status.choices],
        }
        for key, status in registry().items()
    ]
