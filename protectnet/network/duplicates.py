"""Selectors of possible duplicates in the directory: two entries with the same folded full name
in a shared current organisation, or an entry whose address is another entry's account address.

Everything is found in the database: one GROUP BY ... HAVING over the current memberships for
names, one indexed lookup per account for addresses, then the people of the groups shown; the
page costs the same number of queries for ten groups or a hundred.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower
from django.http import Http404

from protectnet.access.policy import visible

from .models import Membership, Organisation, Person
from .person_links import holdings
from .selectors import _memberships_prefetch

# Groups of each kind shown at once: the first ones by name; merging them shows the next ones.
GROUPS_SHOWN = 50


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # "name": same name in `organisation`; "email": one's address is the other's login
    people: list[Person]
    organisation: Organisation | None = None


def _people(user) -> QuerySet:
    return visible(user, Person.objects.filter(erased_at__isnull=True))


def _name_pairs(user, limit: int) -> list[tuple[str, int]]:
    """(folded name, organisation id) held by two entries or more, currently, in the database.

    Rows bulk-loaded without their folded name are not compared until the copies are rebuilt
    (`rebuild_search_copies`): comparing raw names would mix two rules in one list."""
    rows = (
        _people(user)
        .exclude(name_key="")
        .filter(Membership.current_q("memberships__"))
        .order_by()
        .values_list("name_key", "memberships__organisation_id")
        .annotate(n=Count("pk", distinct=True))
        .filter(n__gt=1)
        .order_by("name_key", "memberships__organisation_id")[:limit]
    )
    return [(key, organisation) for key, organisation, _n in rows]


def _email_pairs(user, limit: int) -> list[tuple[int, int]]:
    """(entry with an account, other entry whose address is that account's address).

    Addresses are unique among entries (network_person_email_ci_unique), so the same address
    twice can only be an entry's own address and another entry's login: each account looks its
    address up in that unique index once, never a comparison of every entry with every other."""
    same_address = (
        _people(user)
        .exclude(email="")
        .annotate(address=Lower("email"))
        .filter(address=OuterRef("login"))
        .exclude(pk=OuterRef("pk"))
        .values("pk")[:1]
    )
    return list(
        _people(user)
        .filter(user__isnull=False)
        .annotate(login=Lower("user__email"))
        .annotate(other=Subquery(same_address))
        .filter(other__isnull=False)
        .order_by("full_name", "pk")
        .values_list("pk", "other")[:limit]
    )


def duplicate_groups(*, user, limit: int = GROUPS_SHOWN) -> list[DuplicateGroup]:
    """Possible duplicates among the people the user may see, each person with `holdings`."""
    names, emails = _name_pairs(user, limit), _email_pairs(user, limit)
    email_ids = {pk for pair in emails for pk in pair}
    organisation_ids = {org for _key, org in names}
    in_groups = Q(pk__in=email_ids) | Q(
        name_key__in={key for key, _org in names},
        pk__in=Membership.objects.filter(
            Membership.current_q(), organisation_id__in=organisation_ids
        ).values("person_id"),
    )
    people = list(_people(user).filter(in_groups).prefetch_related(_memberships_prefetch()))
    held = holdings([p.pk for p in people])
    for person in people:
        person.holdings = held[person.pk]
    by_id = {p.pk: p for p in people}
    groups = [_name_group(key, org, people) for key, org in names]
    groups += [
        DuplicateGroup("email", [by_id[a], by_id[b]])
        for a, b in emails
        if a in by_id and b in by_id
    ]
    return [g for g in groups if len(g.people) > 1]


def _name_group(key: str, organisation_id: int, people: list[Person]) -> DuplicateGroup:
    """The entries of one group, among the few people fetched for the page."""
    members, organisation = [], None
    for person in people:
        current = [m.organisation for m in person.current_memberships]
        if person.name_key == key and organisation_id in {o.pk for o in current}:
            members.append(person)
            organisation = next(o for o in current if o.pk == organisation_id)
    members.sort(key=lambda p: (p.created_at, p.pk))
    return DuplicateGroup("name", members, organisation)


def possible_duplicates_of(*, user, person: Person) -> list[Person]:
    """Other entries that may be the same person (the flag on a person's page): one query
    and one for their memberships. Each half is read from its own index (the folded name, the
    unique addresses), then joined: an OR inside one WHERE would read every entry."""
    if person.erased_at:
        return []
    halves = []
    if person.name_key:
        organisations = [m.organisation_id for m in person.current_memberships]
        members = Membership.objects.filter(
            Membership.current_q(), organisation_id__in=organisations
        )
        halves.append(
            Person.objects.filter(name_key=person.name_key, pk__in=members.values("person_id"))
        )
    if person.email:
        halves.append(_with_login(person.email))
    if person.user_id and person.user.email:
        halves.append(_with_address(person.user.email))
    if not halves:
        return []
    ids = halves[0].order_by().values("pk").union(*(h.order_by().values("pk") for h in halves[1:]))
    return list(
        _people(user)
        .filter(pk__in=ids)
        .exclude(pk=person.pk)
        .prefetch_related(_memberships_prefetch())
        .order_by("full_name", "pk")
    )


def _with_login(address: str) -> QuerySet:
    """Entries whose account signs in with `address` (the accounts' index on lower(email))."""
    return Person.objects.annotate(login=Lower("user__email")).filter(login=address.lower())


def _with_address(address: str) -> QuerySet:
    """Entries whose own address is `address` (network_person_email_ci_unique)."""
    entries = Person.objects.exclude(email="").annotate(address=Lower("email"))
    return entries.filter(address=address.lower())


def merge_pair(*, user, keep_pk, duplicate_pk) -> tuple[Person, Person]:
    """The entry kept and the one merged into it, both visible and not erased (else 404)."""
    people = {
        p.pk: p
        for p in _people(user)
        .filter(pk__in=[keep_pk, duplicate_pk])
        .select_related("user")
        .prefetch_related(_memberships_prefetch())
    }
    if keep_pk == duplicate_pk or len(people) != 2:
        raise Http404
    held = holdings(list(people))
    for person in people.values():
        person.holdings = held[person.pk]
    return people[keep_pk], people[duplicate_pk]
