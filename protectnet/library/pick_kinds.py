"""The library's picker kind (core/picker.py): the people a TLP:RED resource names. Only members,
who may write resources, search it, and it offers exactly the form's choices: the people the
directory shows the writer."""

from protectnet.access.policy import can
from protectnet.core.picker import Option
from protectnet.network.selectors import labelled, people_matching

from .selectors import directory_people


def named_person(*, user, q: str, params, limit: int) -> list[Option]:
    if not can(user, "library.resource.create"):
        return []
    found = people_matching(labelled(directory_people(user=user)), q)[: limit + 1]
    return [Option(value=str(p.pk), label=p.label, hint=p.job_title) for p in found]


KINDS = {"library_person": named_person}
