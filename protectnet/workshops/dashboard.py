"""Dashboard cards: the next workshop this user may see, and nominations awaiting a decision."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.core.dashboard import Card

from .models import Nomination, NominationStatus
from .selectors.editions import workshop_list


def cards(user) -> list[Card]:
    if not can(user, "workshops.workshop.list"):
        return []
    today = timezone.localdate()
    upcoming = workshop_list(user=user).filter(end_date__gte=today).order_by("start_date")
    nxt = upcoming.first()
    result = [
        Card(
            title=_("Workshops"),
            value=str(upcoming.count()),
            detail=(
                _("Next: %(t)s, %(d)s") % {"t": nxt.title, "d": nxt.start_date.isoformat()}
                if nxt
                else _("No upcoming workshop")
            ),
            url=reverse("workshops:workshop_list"),
            order=20,
        )
    ]
    if can(user, "workshops.nomination.decide"):
        pending = visible(
            user, Nomination.objects.filter(status=NominationStatus.NOMINATED)
        ).count()
        if pending:
            result.append(
                Card(
                    title=_("Nominations to decide"),
                    value=str(pending),
                    detail=_("awaiting the organisers' approval"),
                    url=reverse("workshops:workshop_list"),
                    order=21,
                )
            )
    return result
