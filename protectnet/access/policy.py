"""The one access policy. Views, API, exports, search and downloads all ask it.

    can(user, action, obj=None) -> bool      may this user do this (to this object)?
    visible(user, queryset)  -> queryset     only the rows this user may see
    get_visible_or_404(user, queryset, **lookup)

Deny by default: an unknown action, a model without a scope or a route without a rule is refused.
The rules themselves live with the app that owns the data (`<app>/rules.py`), collected by
registry.py; this module only applies them.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from .markings import Marking
from .principal import Principal, principal_for
from .registry import rule_book
from .rule import ADMINS, EVERYONE, MEMBERS, SIGNED_IN, Rule

__all__ = ["ADMINS", "EVERYONE", "MEMBERS", "SIGNED_IN", "Rule", "can", "visible", "require"]


def rule_for(action: str) -> Rule | None:
    return rule_book().rules.get(action)


def can(user, action: str, obj=None) -> bool:
    rule = rule_for(action)
    if rule is None:
        return False
    principal = principal_for(user)
    if not principal.roles.intersection(rule.roles):
        return False
    if obj is not None and rule.check is not None:
        return bool(rule.check(principal, obj))
    return True


def visible(user, queryset: QuerySet) -> QuerySet:
    scope = rule_book().scopes.get(queryset.model._meta.label_lower)
    if scope is None:
        return queryset.none()
    return scope(principal_for(user), queryset)


def get_visible_or_404(user, queryset: QuerySet, **lookup):
    """Fetch one row through the user's scope: an id the user may not see is simply not found."""
    try:
        return visible(user, queryset).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def marking_q(
    principal: Principal,
    *,
    prefix: str = "",
    owner: str | None = "owner_organisation",
    shared: str | None = "shared_with",
    named: str | None = "named_people",
) -> Q:
    """The Traffic Light Protocol as a filter: which marked rows this principal may read."""
    p = prefix
    q = Q(**{f"{p}marking": Marking.CLEAR})
    if principal.is_member:
        q |= Q(**{f"{p}marking": Marking.GREEN})
    orgs = principal.organisation_ids
    if orgs and owner:
        owned = Q(**{f"{p}{owner}__in": orgs})
        q |= Q(**{f"{p}marking__in": [Marking.AMBER, Marking.AMBER_STRICT]}) & owned
        if shared:
            q |= Q(**{f"{p}marking": Marking.AMBER, f"{p}{shared}__in": orgs})
    if principal.person_id and named:
        q |= Q(**{f"{p}marking": Marking.RED, f"{p}{named}": principal.person_id})
    return q


def marking_allows(principal: Principal, obj, *, shared_ids=None, named_ids=None) -> bool:
    """The same decision for one object already in memory."""
    marking = obj.marking
    if marking == Marking.CLEAR:
        return True
    if marking == Marking.GREEN:
        return principal.is_member
    owner_id = getattr(obj, "owner_organisation_id", None)
    if marking == Marking.AMBER_STRICT:
        return owner_id in principal.organisation_ids
    if marking == Marking.AMBER:
        shared = set(shared_ids if shared_ids is not None else [])
        return owner_id in principal.organisation_ids or bool(shared & principal.organisation_ids)
    if marking == Marking.RED:
        return principal.person_id is not None and principal.person_id in set(named_ids or [])
    return False


def require(user, action: str, obj=None) -> None:
    """For services: refuse (403, or 404 where the rule hides the area) unless `can` says yes."""
    if can(user, action, obj):
        return
    from django.core.exceptions import PermissionDenied

    rule = rule_for(action)
    if rule is None or rule.hide:
        raise Http404
    raise PermissionDenied
