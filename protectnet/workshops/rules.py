"""Who may do what in the workshops app, and which workshop rows each person sees.

Reading a workshop: the workshop scope decides (published for members, their own for guests,
public pages for anyone); organisers (network admins) manage everything. The invitee acts on
their own registration, signed in or through the personal link. Pages and API operations
declare their action where they are declared (`access.routes.requires` / `route`).
"""

from django.db.models import Q

from protectnet.access.principal import Principal
from protectnet.access.roles import Role
from protectnet.access.rule import (
    ADMINS,
    EVERYONE,
    MEMBERS,
    SIGNED_IN,
    Rule,
    admin_or_focal_of,
    admins_only,
    members_only,
)

from .models import Invitation, Workshop, WorkshopStatus

R = Role


def is_own(p: Principal, obj) -> bool:
    """The invited or registered person (a signed-in user, or the holder of the personal link)."""
    return p.person_id is not None and getattr(obj, "person_id", None) == p.person_id


def can_nominate(p: Principal, delegation) -> bool:
    return admin_or_focal_of(p, delegation) and delegation.workshop.status in (
        WorkshopStatus.PLANNED,
        WorkshopStatus.REGISTRATION_OPEN,
    )


def registration_viewable(p: Principal, r) -> bool:
    if p.is_admin or is_own(p, r):
        return True
    return r.delegation_id is not None and r.delegation.country_id in p.focal_country_ids


RULES: dict[str, Rule] = {
    "workshops.workshop.view": Rule(EVERYONE),
    "workshops.workshop.list": Rule(SIGNED_IN),
    "workshops.workshop.manage": Rule(ADMINS),
    # Whoever starts workshops starts the series they belong to: a fresh network has none.
    "workshops.series.create": Rule(ADMINS),
    "workshops.delegation.view": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "workshops.nomination.create": Rule(ADMINS | {R.FOCAL_POINT}, check=can_nominate),
    "workshops.nomination.withdraw": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, n: admin_or_focal_of(p, n.delegation)
    ),
    "workshops.nomination.decide": Rule(ADMINS),
    # The personal link's token is the credential: the holder acts as the invited person.
    "workshops.registration.by_token": Rule(EVERYONE),
    "workshops.registration.submit": Rule(SIGNED_IN | {R.ANONYMOUS}, check=is_own),
    "workshops.registration.view": Rule(SIGNED_IN, check=registration_viewable),
    "workshops.registration.sensitive.view": Rule(
        SIGNED_IN, check=lambda p, r: p.is_admin or is_own(p, r)
    ),
    "workshops.registration.list": Rule(ADMINS),
    "workshops.checkin": Rule(ADMINS),
    "workshops.feedback.submit": Rule(SIGNED_IN, check=is_own),
    "workshops.outcome.view": Rule(MEMBERS),
    "workshops.outcome.manage": Rule(ADMINS),
    "workshops.report.view": Rule(ADMINS),
}


def _guest_workshop_ids(p: Principal):
    invitations = Invitation.objects.filter(person_id=p.person_id, revoked_at__isnull=True)
    return invitations.values("workshop_id")


def workshop_scope(p: Principal, qs):
    """Admins: all; members: published; guests: the workshops they are invited to; anyone: the
    public pages the organisers enabled."""
    if p.is_admin:
        return qs
    q = Q(public_page=True) & ~Q(status=WorkshopStatus.DRAFT)
    if p.is_member:
        q |= ~Q(status=WorkshopStatus.DRAFT)
    elif p.person_id:
        q |= ~Q(status=WorkshopStatus.DRAFT) & Q(pk__in=_guest_workshop_ids(p))
    return qs.filter(q)


def via_workshop(p: Principal, qs):
    return qs.filter(workshop__in=workshop_scope(p, Workshop.objects.all()).values("pk"))


def delegation_scope(p: Principal, qs, prefix: str = ""):
    if p.is_admin:
        return qs
    if not p.focal_country_ids:
        return qs.none()
    return qs.filter(**{f"{prefix}country_id__in": list(p.focal_country_ids)})


def own_scope(p: Principal, qs):
    if p.is_admin:
        return qs
    return qs.filter(person_id=p.person_id) if p.person_id else qs.none()


def registration_scope(p: Principal, qs):
    """Admins: all; the person: their own; focal points: their country's delegation."""
    if p.is_admin:
        return qs
    q = Q(person_id=p.person_id) if p.person_id else Q(pk__in=[])
    if p.focal_country_ids:
        q |= Q(delegation__country_id__in=list(p.focal_country_ids))
    return qs.filter(q)


SCOPES = {
    "workshops.series": members_only,
    "workshops.workshop": workshop_scope,
    "workshops.session": via_workshop,
    "workshops.speaker": members_only,
    "workshops.delegation": delegation_scope,
    "workshops.nomination": lambda p, qs: delegation_scope(p, qs, "delegation__"),
    "workshops.invitation": own_scope,
    "workshops.registration": registration_scope,
    "workshops.dayattendance": admins_only,
    "workshops.sessionattendance": admins_only,
    "workshops.feedbackresponse": admins_only,
    "workshops.outcome": lambda p, qs: via_workshop(p, qs) if p.is_member else qs.none(),
}
