"""Who is asking: the facts the policy needs about a user, loaded once per request.

The directory (network app) holds memberships, vetting and focal points. The access app reads
them through the app registry rather than importing network, so imports still point one way
(network -> access) while the policy can see the directory's facts.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone

from .roles import Role

ATTR = "_protectnet_principal"
SECOND_FACTOR_ROLES = frozenset({Role.NETWORK_ADMIN, Role.LE_VETTED})
LE_VETTING_LEVELS = ("law_enforcement", "enhanced")


@dataclass(frozen=True)
class Principal:
    user: object | None = None
    person_id: int | None = None
    roles: frozenset = frozenset({Role.ANONYMOUS})
    organisation_ids: frozenset = field(default_factory=frozenset)
    le_organisation_ids: frozenset = field(default_factory=frozenset)
    country_ids: frozenset = field(default_factory=frozenset)
    focal_country_ids: frozenset = field(default_factory=frozenset)
    has_second_factor: bool = False
    # Vetted law enforcement whose account still lacks a second factor: must set one up.
    le_vetting_current: bool = False

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "pk", None)

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def is_admin(self) -> bool:
        return Role.NETWORK_ADMIN in self.roles

    @property
    def is_member(self) -> bool:
        return Role.MEMBER in self.roles

    @property
    def is_le_vetted(self) -> bool:
        return Role.LE_VETTED in self.roles

    @property
    def must_use_second_factor(self) -> bool:
        return self.is_admin or self.le_vetting_current

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


ANONYMOUS = Principal()


def _load(user) -> Principal:
    Person = apps.get_model("network", "Person")
    Membership = apps.get_model("network", "Membership")
    Vetting = apps.get_model("network", "Vetting")
    FocalPoint = apps.get_model("network", "FocalPoint")
    RoleGrant = apps.get_model("access", "RoleGrant")
    TOTPDevice = apps.get_model("accounts", "TOTPDevice")

    roles = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    person_id = (
        Person.objects.filter(user=user, erased_at__isnull=True)
        .values_list("id", flat=True)
        .first()
    )
    org_ids, le_org_ids, country_ids, focal = set(), set(), set(), set()
    vetted = False
    if person_id is not None:
        rows = Membership.objects.filter(Membership.current_q(), person_id=person_id).values_list(
            "organisation_id", "organisation__sector", "organisation__country_id"
        )
        for org_id, sector, country_id in rows:
            org_ids.add(org_id)
            country_ids.add(country_id)
            if sector == "law_enforcement":
                le_org_ids.add(org_id)
        focal = set(
            FocalPoint.objects.filter(person_id=person_id).values_list("country_id", flat=True)
        )
        if le_org_ids:
            today = timezone.localdate()
            vetted = Vetting.objects.filter(
                person_id=person_id,
                level__in=LE_VETTING_LEVELS,
                verified_on__lte=today,
                expires_on__gt=today,
            ).exists()
    second_factor = TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    if org_ids or Role.NETWORK_ADMIN in roles:
        roles.add(Role.MEMBER)
    if focal:
        roles.add(Role.FOCAL_POINT)
    # Vetting without a second factor does not open law-enforcement material.
    if vetted and second_factor:
        roles.add(Role.LE_VETTED)
    if not roles:
        roles.add(Role.GUEST)
    return Principal(
        user=user,
        person_id=person_id,
        roles=frozenset(roles),
        organisation_ids=frozenset(org_ids),
        le_organisation_ids=frozenset(le_org_ids),
        country_ids=frozenset(country_ids),
        focal_country_ids=frozenset(focal),
        has_second_factor=second_factor,
        le_vetting_current=vetted,
    )


def principal_for(user) -> Principal:
    """The principal for a user, computed once per user object (that is, once per request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    if isinstance(user, Principal):
        return user
    cached = getattr(user, ATTR, None)
    if cached is None:
        cached = _load(user)
        setattr(user, ATTR, cached)
    return cached


def forget(user) -> None:
    """Drop the cached principal (after a role, membership or device change in this request)."""
    if user is not None and hasattr(user, ATTR):
        delattr(user, ATTR)
