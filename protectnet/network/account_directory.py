"""What the directory tells accounts about the people it invites (see accounts/directory.py).

Accounts sits below network and names no feature app; it finds this module through
`core.providers("account_directory")`.
"""

from django.db.models import Prefetch, QuerySet

from .models import Membership, Person


def invitable_people(*, principal) -> QuerySet:
    """Directory entries without an account that this principal may invite.

    This is the rule "account.invite" (admin_or_focal_of) as a filter: admins may invite anyone,
    focal points the people with a current membership in their countries, others nobody.
    """
    qs = Person.objects.filter(user__isnull=True, erased_at__isnull=True)
    if principal.is_admin:
        return qs.order_by("full_name")
    if not principal.focal_country_ids:
        return qs.none()
    current = Membership.objects.filter(
        Membership.current_q(), organisation__country_id__in=principal.focal_country_ids
    )
    return qs.filter(pk__in=current.values("person_id")).order_by("full_name")


def person_country_ids(person) -> set[int]:
    """The countries of the person's current memberships."""
    rows = Membership.objects.filter(Membership.current_q(), person_id=person.pk)
    return set(rows.values_list("organisation__country_id", flat=True))


def account_link(*, person_id: int, user) -> None:
    """Link a new account to its directory entry, unless the entry has one or was erased."""
    Person.objects.filter(pk=person_id, user__isnull=True, erased_at__isnull=True).update(user=user)


def account_labels(user_ids) -> dict[int, str]:
    """Each account's directory label ("Sok Bopha (CPAC)") where it has a live entry: two
    queries (people, then their memberships) for any number of accounts."""
    memberships = Membership.objects.select_related("organisation")
    # No ordering (a dict is built): the directory's default one, by name, made SQLite walk
    # the name index over every entry instead of looking the accounts up.
    people = Person.objects.filter(user_id__in=set(user_ids), erased_at__isnull=True).order_by()
    people = people.prefetch_related(Prefetch("memberships", queryset=memberships))
    return {p.user_id: p.label for p in people}
