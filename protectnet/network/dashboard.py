"""Dashboard cards: the directory at a glance, a focal point's country, vetting that expires."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Card

from .models import Membership, Organisation, Person, Vetting
from .selectors import VERSION

EXPIRY_WINDOW_DAYS = 60


def cards(user) -> list[Card]:
    if not can(user, "network.directory.view"):
        return _own_data_card(user)
    principal = principal_for(user)
    # Counting the directory reads every person: once per version of it and reader's scope.
    today = timezone.localdate()
    counts = versions.cached(
        VERSION, ("dashboard", principal.scope, today), lambda: _counts(user, today)
    )
    result = [
        Card(
            title=_("Directory"),
            value=str(counts["people"]),
            detail=_("people in %(n)s organisations") % {"n": counts["organisations"]},
            url=reverse("network:directory"),
            order=10,
        )
    ]
    if principal.focal_country_ids:
        result.append(
            Card(
                title=_("Your country's directory"),
                value=str(counts["local"]),
                detail=_("people you maintain as focal point"),
                url=reverse("network:import_start"),
                order=11,
            )
        )
    if principal.is_admin or principal.focal_country_ids:
        result.append(
            Card(
                title=_("Vetting expiring"),
                value=str(counts["expiring"]),
                detail=_("in the next %(n)s days") % {"n": EXPIRY_WINDOW_DAYS},
                url=reverse("network:directory"),
                order=12,
            )
        )
    return result


def _counts(user, today) -> dict[str, int]:
    principal = principal_for(user)
    soon = today + timezone.timedelta(days=EXPIRY_WINDOW_DAYS)
    counts = {
        "people": visible(user, Person.objects.filter(erased_at__isnull=True)).count(),
        "organisations": visible(user, Organisation.objects.all()).count(),
        "local": 0,
        "expiring": 0,
    }
    if principal.focal_country_ids:
        local = Membership.objects.filter(
            Membership.current_q(),
            Membership.of_live_people_q(),
            organisation__country_id__in=list(principal.focal_country_ids),
        )
        counts["local"] = local.values("person_id").distinct().count()
    if principal.is_admin or principal.focal_country_ids:
        expiring = Vetting.objects.filter(expires_on__gt=today, expires_on__lte=soon)
        counts["expiring"] = visible(user, expiring).count()
    return counts


def _own_data_card(user) -> list[Card]:
    if not can(user, "network.personal_data.view"):
        return []
    return [
        Card(
            title=_("Your data"),
            value=_("View"),
            detail=_("everything ProtectNet stores about you"),
            url=reverse("network:my_data"),
            order=90,
        )
    ]
