"""The directory's picker kinds: people and organisations, as the policy shows them to the
reader (core/picker.py). Parameters narrow a search the way the form's own choices are narrowed
(`country`: people or organisations of one country; `managed`: organisations the reader adds
people to), so what the picker offers is what the form accepts."""

from protectnet.core.picker import Option

from . import selectors
from .search import query_error


def person(*, user, q: str, params, limit: int) -> list[Option]:
    if query_error(q):
        return []
    filters = selectors.DirectoryFilters(q=q, country=params.get("country", ""))
    people = selectors.person_list(user=user, filters=filters)[: limit + 1]
    return [Option(value=str(p.pk), label=p.label, hint=p.job_title) for p in people]


def organisation(*, user, q: str, params, limit: int) -> list[Option]:
    if query_error(q):
        return []
    found = selectors.organisation_list(
        user=user,
        q=q,
        country=params.get("country", ""),
        managed_only=params.get("managed") == "1",
    )[: limit + 1]
    return [Option(value=str(o.pk), label=str(o), hint=o.country.name) for o in found]


KINDS = {"person": person, "organisation": organisation}
