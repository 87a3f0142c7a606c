"""What an app's rules.py is written with: the Rule and the usual role sets.

Kept apart from policy.py so that rule tables import this small module and the policy imports
the tables (through the registry) without either importing the other.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .principal import Principal
from .roles import Role

EVERYONE = frozenset(Role)
SIGNED_IN = frozenset(Role) - {Role.ANONYMOUS}
MEMBERS = frozenset({Role.MEMBER, Role.NETWORK_ADMIN})
ADMINS = frozenset({Role.NETWORK_ADMIN})


@dataclass(frozen=True)
class Rule:
    """Who may perform an action: a role gate, then an optional object check.

    hide: refuse with 404 instead of 403, so that outsiders do not learn the thing exists.
    """

    roles: frozenset
    check: Callable[[Principal, object], bool] | None = None
    hide: bool = False
    description: str = ""


def admin_or_focal_of(p: Principal, obj) -> bool:
    """Admins everywhere; a focal point only for objects of their own country."""
    return p.is_admin or getattr(obj, "country_id", None) in p.focal_country_ids


def admins_only(p: Principal, qs):
    return qs if p.is_admin else qs.none()


def members_only(p: Principal, qs):
    return qs if p.is_member else qs.none()
