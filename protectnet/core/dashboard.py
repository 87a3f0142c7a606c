"""The dashboard: each app contributes cards; a card appears only when the policy allows it."""

from dataclasses import dataclass
from importlib import import_module

from django.conf import settings


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    url: str = ""
    order: int = 100


def dashboard_cards(user) -> list[Card]:
    """Ask every app with a `dashboard` module for its cards (each filters through the policy)."""
    cards: list[Card] = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("protectnet.") or app == "protectnet.core":
            continue
        try:
            module = import_module(f"{app}.dashboard")
        except ModuleNotFoundError:
            continue
        cards.extend(module.cards(user))
    return sorted(cards, key=lambda c: (c.order, c.title))
