"""How the workshops pages name people: in full (an erased entry keeps its placeholder) and,
wherever one is chosen or listed, the directory's one label (`network.models.person_label`)."""

from protectnet.network.models import person_label


def full_name(person) -> str:
    """The whole name alone, for a heading or a badge; an erased entry keeps its placeholder."""
    return str(person.display_name) if person.erased_at else person.full_name


def organisations(person) -> str:
    """The names of the person's current organisations, for a sentence that names them apart
    (prefetch `memberships__organisation` first)."""
    return ", ".join(m.organisation.name for m in person.current_memberships)


def registration_label(registration) -> str:
    """A participant named like anyone else, with the organisation they registered for."""
    return person_label(full_name(registration.person), [registration.organisation])
