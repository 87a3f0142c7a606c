"""Dashboard card: only vetted law-enforcement members see that alerts exist at all."""

from django.urls import reverse
from django.utils.translation import gettext as _

from protectnet.access.policy import can
from protectnet.core.dashboard import Card

from .selectors import awaiting_count


def cards(user) -> list[Card]:
    if not can(user, "alerts.view"):
        return []
    count = awaiting_count(user=user)
    return [
        Card(
            title=_("Partner alerts to acknowledge"),
            value=str(count),
            detail=_("Alerts to your agency awaiting acknowledgement."),
            url=reverse("alerts:alert_list") + "?box=inbox",
            order=20,
        )
    ]
