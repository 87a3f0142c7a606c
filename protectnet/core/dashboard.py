"""The dashboard: each app contributes cards; a card appears only when the policy allows it.

An app opts in with a `dashboard.py` module exposing `cards(user) -> list[Card]`; each card
function must cost a constant number of queries (they all run on every home-page view).
"""

from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.conf import settings


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    url: str = ""
    order: int = 100


@cache
def _providers() -> tuple:
    modules = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("protectnet.") or app == "protectnet.core":
            continue
        name = f"{app}.dashboard"
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise  # a dashboard module that fails to import is a bug, not an opt-out
    return tuple(modules)


def dashboard_cards(user) -> list[Card]:
    """Ask every app with a `dashboard` module for its cards (each filters through the policy)."""
    cards: list[Card] = []
    for module in _providers():
        cards.extend(module.cards(user))
    return sorted(cards, key=lambda c: (c.order, c.title))
