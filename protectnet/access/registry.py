"""The rule book, collected at start-up from every app's `rules.py`.

Each app declares, next to its own models:
    RULES       action -> Rule                (who may do it)
    SCOPES      model label -> scope(principal, queryset) -> queryset   (which rows)
    ROUTES      URL name -> action, only for views the app cannot decorate (third-party views)
    NAMESPACES  URL namespace -> action, for a whole included URL set (the Django admin)
Pages and API operations declare their action where they are declared (`access.routes`).
An action, scope or route declared by two apps is a start-up error, never a silent override.
"""

from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ImproperlyConfigured

from protectnet.core.providers import app_label, providers

from .rule import Rule


@dataclass(frozen=True)
class RuleBook:
    rules: dict[str, Rule] = field(default_factory=dict)
    scopes: dict = field(default_factory=dict)
    routes: dict[str, str] = field(default_factory=dict)
    namespaces: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)  # action -> app that declared it


def _merge(target: dict, items: dict, what: str, label: str, owners: dict) -> None:
    for key, value in items.items():
        if key in target:
            raise ImproperlyConfigured(
                f"{what} {key!r} declared by both {owners.get((what, key))} and {label}"
            )
        target[key] = value
        owners[(what, key)] = label


@cache
def rule_book() -> RuleBook:
    book, seen = RuleBook(), {}
    for module in providers("rules"):
        label = app_label(module)
        _merge(book.rules, getattr(module, "RULES", {}), "action", label, seen)
        _merge(book.scopes, getattr(module, "SCOPES", {}), "scope", label, seen)
        _merge(book.routes, getattr(module, "ROUTES", {}), "route", label, seen)
        _merge(book.namespaces, getattr(module, "NAMESPACES", {}), "namespace", label, seen)
    book.owners.update({key: app for (what, key), app in seen.items() if what == "action"})
    return book
