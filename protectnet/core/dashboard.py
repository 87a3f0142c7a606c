"""The dashboard: each app contributes cards; a card appears only when the policy allows it.

An app opts in with a `dashboard.py` module exposing `cards(user) -> list[Card]` (found by
`core.providers`); each card function must cost a constant number of queries (they all run on
every home-page view).
"""

from dataclasses import dataclass

from .providers import providers


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    url: str = ""
    order: int = 100


def _own_cards(user) -> list[Card]:
    """Core's card: admins learn here that emails are stuck, not from the people waiting."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from protectnet.access.policy import can

    from .selectors import undelivered_count

    if not can(user, "email.manage"):
        return []
    count = undelivered_count(user=user)
    if not count:
        return []
    detail = _("Emails that did not go out yet")
    return [Card(_("Undelivered emails"), str(count), detail, reverse("core:email_list"), 5)]


def dashboard_cards(user) -> list[Card]:
    """Ask every app with a `dashboard` module for its cards (each filters through the policy)."""
    cards: list[Card] = _own_cards(user)
    for module in providers("dashboard"):
        if module.__name__ == __name__:
            continue  # this module is the loader, not a provider
        cards.extend(module.cards(user))
    return sorted(cards, key=lambda c: (c.order, c.title))
