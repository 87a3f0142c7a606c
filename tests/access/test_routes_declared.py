"""Every URL route and every API operation declares the action it performs, and that action
is in the rule book collected from the apps' rules.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver

from protectnet.access import registry
from protectnet.access.policy import rule_for
from protectnet.access.registry import rule_book
from protectnet.access.routes import route_action, route_table
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
    api_operation_ids()  # the API declares its operations when it is built
    unknown = sorted(
        f"{route} -> {action}"
        for route, action in route_table().items()
        if action is not None and action not in rule_book().rules
    )
    assert unknown == []


def test_no_stale_routes_in_the_table():
    names = all_route_names() | {f"api:{op}" for op in api_operation_ids()}
    stale = sorted(r for r in rule_book().routes if r not in names)
    assert stale == [], f"rules for routes that no longer exist: {stale}"


def test_unknown_action_is_denied():
    assert rule_for("no.such.action") is None


def test_an_action_declared_by_two_apps_stops_start_up(monkeypatch):
    from types import ModuleType

    from protectnet.access.rule import ADMINS, Rule

    first, second = ModuleType("protectnet.one.rules"), ModuleType("protectnet.two.rules")
    first.RULES = {"thing.view": Rule(ADMINS)}
    second.RULES = {"thing.view": Rule(ADMINS)}
    monkeypatch.setattr(registry, "providers", lambda concern: (first, second))
    registry.rule_book.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="thing.view"):
            registry.rule_book()
    finally:
        registry.rule_book.cache_clear()
