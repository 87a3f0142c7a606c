"""How the workshops pages name people: the whole name and the organisation, so that two
people who go by "Bopha" are told apart in pickers, lists, check-in and on badges."""


def full_name(person) -> str:
    """The whole name; an erased entry keeps its placeholder."""
    return str(person.display_name) if person.erased_at else person.full_name


def organisations(person) -> str:
    """The person's current organisations (prefetch `memberships__organisation` first)."""
    return ", ".join(m.organisation.name for m in person.current_memberships)


def person_label(person) -> str:
    """ "Full Name · Organisation", as a picker shows a person."""
    orgs = organisations(person)
    return f"{full_name(person)} · {orgs}" if orgs else full_name(person)


def registration_label(registration) -> str:
    """The same for a participant, with the organisation they registered for."""
    name = full_name(registration.person)
    organisation = registration.organisation
    return f"{name} ({organisation.name})" if organisation else name
