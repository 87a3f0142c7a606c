"""Declaring the action a page or an API operation performs, where it is declared.

    @requires("workshops.workshop.view")          on a view function or an API operation
    route("x/", SomeView.as_view(), name="x", action="public.view")   in urls.py

The route guard reads the declaration before the view runs; a route without one is refused
(and tests/access/test_routes_declared.py fails), so a new page cannot ship unguarded. The
service behind the route checks the same action name with `policy.require`.
"""

import functools
from functools import cache

from django.urls import URLPattern, URLResolver, get_resolver, path

from .registry import rule_book

ATTR = "access_action"
_declared: dict[str, str] = {}


def requires(action: str):
    """Mark a view or API operation with the action it performs (the function is unchanged)."""

    def mark(func):
        setattr(func, ATTR, action)
        return func

    return mark


def route(pattern: str, view, *, name: str, action: str, kwargs=None) -> URLPattern:
    """`path()` for a view that is not ours to decorate (a class-based or third-party view)."""

    @functools.wraps(view)
    def guarded(*args, **kw):
        return view(*args, **kw)

    setattr(guarded, ATTR, action)
    return path(pattern, guarded, kwargs, name=name)


def declare(name: str, action: str) -> None:
    """Register a route by name (the API declares its operations as "api:<operation id>")."""
    _declared[name] = action
    route_table.cache_clear()


def action_of(view_func) -> str | None:
    return getattr(view_func, ATTR, None)


def _walk(patterns, namespace: str = ""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", action_of(p.callback)


@cache
def route_table() -> dict[str, str | None]:
    """Every named URL route (and every declared API operation) -> its action, or None."""
    book = rule_book()
    table = {}
    for name, action in _walk(get_resolver().url_patterns):
        namespace = name.split(":", 1)[0] if ":" in name else None
        table[name] = action or book.routes.get(name) or book.namespaces.get(namespace)
    # Names the resolver does not know (API operations, legacy table rows) keep their entry.
    merged = {**book.routes, **_declared}
    merged.update({k: v for k, v in table.items() if v is not None or k not in merged})
    return merged


def route_action(view_name: str) -> str | None:
    """The action a route performs, by URL name ("workshops:workshop_detail")."""
    action = route_table().get(view_name)
    if action is None and ":" in view_name:
        action = rule_book().namespaces.get(view_name.split(":", 1)[0])
    return action
