"""Every URL route and every API operation must be declared in the access rule table."""

from django.urls import URLPattern, URLResolver, get_resolver

from protectnet.access.guard import route_action
from protectnet.access.policy import rule_for
from protectnet.access.rules import ROUTES, RULES
from protectnet.api.api import api


def _names(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _names(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}" if p.name else f"{namespace}<unnamed {p.pattern}>"


def all_route_names() -> set[str]:
    return set(_names(get_resolver().url_patterns))


def api_operation_ids() -> set[str]:
    schema = api.get_openapi_schema()
    return {op["operationId"] for ops in schema["paths"].values() for op in ops.values()}


def test_every_url_route_has_a_rule():
    missing = sorted(n for n in all_route_names() if route_action(n) is None)
    assert missing == [], f"routes without an access rule: {missing}"


def test_every_api_operation_has_a_rule():
    missing = sorted(op for op in api_operation_ids() if route_action(f"api:{op}") is None)
    assert missing == [], f"API operations without an access rule: {missing}"


def test_every_route_points_at_a_known_action():
    unknown = sorted(
        f"{route} -> {action}" for route, action in ROUTES.items() if action not in RULES
    )
    assert unknown == []


def test_no_stale_routes_in_the_table():
    names = all_route_names() | {f"api:{op}" for op in api_operation_ids()}
    stale = sorted(r for r in ROUTES if not r.endswith(":*") and r not in names)
    assert stale == [], f"rules for routes that no longer exist: {stale}"


def test_unknown_action_is_denied():
    assert rule_for("no.such.action") is None
