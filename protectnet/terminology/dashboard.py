"""Dashboard card: a way into "Check my text" for everyone who writes (no query)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from protectnet.access.policy import can
from protectnet.core.dashboard import Card


def cards(user) -> list[Card]:
    if not can(user, "terminology.check"):
        return []
    return [
        Card(
            title=_("Language check"),
            value=_("Check my text"),
            detail=_("Find words that hide or soften the abuse of children, and what to write."),
            url=reverse("terminology:check"),
            order=800,
        )
    ]
