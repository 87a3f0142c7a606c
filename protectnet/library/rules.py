"""Who may do what in the library: reading by TLP marking, changes by the owning organisation.

Reading is decided per row by the resource scope; versions and files follow their resource.
Access requests are seen by the requester and by the owning organisation's members.
"""

from django.db.models import Q

from protectnet.access.markings import Marking
from protectnet.access.principal import Principal
from protectnet.access.rule import ADMINS, EVERYONE, MEMBERS, Rule

from .models import AccessRequestStatus, Resource


def _resources(qs, path: str = "resource"):
    model = qs.model
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    return model.objects.all()


def resource_scope(p: Principal, qs):
    """TLP for resources, with subqueries instead of joins (no duplicates, no distinct()).

    AMBER opens to the owner's and the shared organisations' members, and to people granted
    access one by one; RED to the named people only. Admin rights open nothing more. A withdrawn
    resource stays readable only to the owning organisation and admins (who may restore it).
    """
    q = Q(marking=Marking.CLEAR)
    if p.is_member:
        q |= Q(marking=Marking.GREEN)
    if p.organisation_ids:
        orgs = list(p.organisation_ids)
        shared = Resource.shared_with.through.objects.filter(organisation_id__in=orgs)
        q |= Q(marking__in=[Marking.AMBER, Marking.AMBER_STRICT], owner_organisation_id__in=orgs)
        q |= Q(marking=Marking.AMBER, pk__in=shared.values("resource_id"))
    if p.person_id:
        named = Resource.named_people.through.objects.filter(person_id=p.person_id)
        q |= Q(marking__in=[Marking.AMBER, Marking.RED], pk__in=named.values("resource_id"))
    if not p.is_admin:
        owners = list(p.organisation_ids)
        q &= Q(withdrawn_at__isnull=True) | Q(owner_organisation_id__in=owners)
    return qs.filter(q)


def can_change(p: Principal, r) -> bool:
    """The owning organisation's members; admins too for CLEAR and GREEN resources."""
    return r.owner_organisation_id in p.organisation_ids or (
        p.is_admin and r.marking in (Marking.CLEAR, Marking.GREEN)
    )


def can_withdraw(p: Principal, r) -> bool:
    return p.is_admin or r.owner_organisation_id in p.organisation_ids


def can_request(p: Principal, r) -> bool:
    return p.is_member and r.marking == Marking.AMBER and r.listed_when_restricted


def can_decide(p: Principal, a) -> bool:
    return (
        a.status == AccessRequestStatus.PENDING
        and a.resource.owner_organisation_id in p.organisation_ids
    )


def access_request_scope(p: Principal, qs):
    """Requesters see their own; the owning organisation's members see those addressed to it."""
    if not p.user_id:
        return qs.none()
    q = Q(requester_id=p.user_id)
    if p.organisation_ids:
        q |= Q(resource__owner_organisation_id__in=list(p.organisation_ids))
    return qs.filter(q)


RULES: dict[str, Rule] = {
    # Reading is decided per row by the library scope (markings); the role gate lets everyone in
    # so TLP:CLEAR resources reach anonymous visitors.
    "library.resource.view": Rule(EVERYONE),
    "library.resource.create": Rule(MEMBERS),
    "library.resource.change": Rule(MEMBERS, check=can_change),
    # The owning organisation and admins: a withdrawn item is hidden from everyone else.
    "library.resource.withdraw": Rule(MEMBERS, check=can_withdraw),
    "library.resource.restore": Rule(MEMBERS, check=can_withdraw),
    "library.access.request": Rule(MEMBERS, check=can_request),
    "library.access.inbox": Rule(MEMBERS),
    "library.access.decide": Rule(MEMBERS, check=can_decide),
    "library.findings.view": Rule(ADMINS),
}

SCOPES = {
    "library.resource": resource_scope,
    "library.resourceversion": lambda p, qs: qs.filter(
        resource__in=resource_scope(p, _resources(qs)).values("pk")
    ),
    "library.versionfile": lambda p, qs: qs.filter(
        version__resource__in=resource_scope(p, _resources(qs, "version__resource")).values("pk")
    ),
    "library.accessrequest": access_request_scope,
}
