"""Every row of every app that points to a directory entry, found through Django's model meta.

Network may not import the apps above it (workshops, training, library, alerts); it still has to
know what a person holds to count it and to merge two entries. Reading `Person._meta` at run
time finds every foreign key and many-to-many link to Person, hidden ones (related_name="+")
included, so an app that adds one is counted and merged without being named here.
"""

from dataclasses import dataclass
from functools import cache

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q

from .models import Person


@dataclass(frozen=True)
class PersonLink:
    model: type[models.Model]
    field: str  # the foreign key to Person on `model`
    # A many-to-many's own table: a row both entries hold says nothing more than one of them.
    through: bool
    # The unique sets (other fields, condition) that include the foreign key.
    unique_sets: tuple[tuple[tuple[str, ...], Q | None], ...]

    @property
    def label(self) -> str:
        """In the reader's language (verbose names are translated when read)."""
        return _label(self.model)

    @property
    def key(self) -> str:
        return f"{self.model._meta.label_lower}.{self.field}"

    def rows_of(self, person_id: int):
        return self.model._default_manager.filter(**{self.field: person_id})

    def collisions(self, *, duplicate_id: int, keep_id: int):
        """The duplicate's rows that the kept entry already holds under a unique set."""
        clashing = Q(pk__in=[])
        for others, condition in self.unique_sets:
            kept = self.rows_of(keep_id).filter(**{o: OuterRef(o) for o in others})
            mine = Q(Exists(kept.filter(condition) if condition else kept))
            clashing |= mine & condition if condition else mine
        return self.rows_of(duplicate_id).filter(clashing)


@cache
def person_links() -> tuple[PersonLink, ...]:
    """Each foreign key to Person, the tables of many-to-many links included, sorted by label."""
    links = []
    for relation in Person._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete or relation.many_to_many:
            continue  # a many-to-many is reached through its own table's foreign key
        model, field = relation.related_model, relation.field
        through = bool(model._meta.auto_created)
        links.append(PersonLink(model, field.name, through, _unique_sets(field)))
    return tuple(sorted(links, key=lambda link: link.key))


def _label(model) -> str:
    owner = model._meta.auto_created
    if owner:  # the table of a many-to-many: "Library: resources (named people)"
        m2m = next(f for f in owner._meta.many_to_many if f.remote_field.through is model)
        app, plural = owner._meta.app_config.verbose_name, owner._meta.verbose_name_plural
        return f"{app}: {plural} ({m2m.verbose_name})"
    return f"{model._meta.app_config.verbose_name}: {model._meta.verbose_name_plural}"


def _unique_sets(field) -> tuple:
    meta, name = field.model._meta, field.name
    sets = [((), None)] if field.unique else []
    for together in meta.unique_together:
        if name in together:
            sets.append((tuple(f for f in together if f != name), None))
    for constraint in meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and name in (constraint.fields or ()):
            others = tuple(f for f in constraint.fields if f != name)
            sets.append((others, constraint.condition))
    return tuple(sets)


def holdings(person_ids) -> dict[int, list[tuple[str, int]]]:
    """What each person holds, as (label, count) for the links they have rows in: one query per
    kind of link, whatever the number of people."""
    found: dict[int, list[tuple[str, int]]] = {pk: [] for pk in person_ids}
    for link in person_links():
        counts = (
            link.model._default_manager.filter(**{f"{link.field}__in": list(found)})
            .order_by()
            .values_list(link.field)
            .annotate(n=Count("pk"))
        )
        for person_id, n in counts:
            found[person_id].append((link.label, n))
    return found
