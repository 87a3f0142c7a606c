"""Dashboard card: the state of one's own account (second factor)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from protectnet.access.principal import principal_for
from protectnet.core.dashboard import Card


def cards(user) -> list[Card]:
    principal = principal_for(user)
    if not principal.is_authenticated:
        return []
    if principal.has_second_factor:
        return []  # nothing to do: no card
    return [
        Card(
            title=_("Second factor"),
            value=_("Off"),
            detail=_("Protect your account with an authenticator app."),
            url=reverse("accounts:second_factor_setup"),
            order=900,
        )
    ]
