"""Who is asking: the facts the policy needs about a user, loaded once per request.

The directory (network app) holds memberships, vetting and focal points. It tells access about
them through its `principal_facts` provider, so imports still point one way
(network -> access) while the policy can see the directory's facts.
"""

from dataclasses import dataclass, field

from .roles import Role

ATTR = "_protectnet_principal"
SECOND_FACTOR_ROLES = frozenset({Role.NETWORK_ADMIN, Role.LE_VETTED})


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

    @property
    def scope(self) -> tuple:
        """Every input of the policy's decisions about this reader, as a cache key part for
        results that depend on what they may see: a role, membership, focal point or vetting
        granted or withdrawn gives another key at once."""
        sets = (self.roles, self.organisation_ids, self.le_organisation_ids, self.country_ids)
        return (
            self.user_id,
            self.person_id,
            *(tuple(sorted(s)) for s in (*sets, self.focal_country_ids)),
            self.le_vetting_current,
        )


ANONYMOUS = Principal()


def _directory_facts(user) -> dict:
    """Person, memberships, focal points and vetting, from the apps that hold them."""
    from protectnet.core.providers import providers

    found: dict = {}
    for module in providers("principal_facts"):
        found.update(module.facts(user))
    return found


def _load(user) -> Principal:
    from protectnet.accounts.models import TOTPDevice

    from .models import RoleGrant

    roles = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    facts = _directory_facts(user)
    org_ids = facts.get("organisation_ids", frozenset())
    focal = facts.get("focal_country_ids", frozenset())
    vetted = facts.get("le_vetting_current", False)
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
        person_id=facts.get("person_id"),
        roles=frozenset(roles),
        organisation_ids=org_ids,
        le_organisation_ids=facts.get("le_organisation_ids", frozenset()),
        country_ids=facts.get("country_ids", frozenset()),
        focal_country_ids=focal,
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
