"""Dashboard cards: the directory at a glance, a focal point's country, vetting that expires."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core.dashboard import Card

from .models import Membership, Organisation, Person, Vetting

EXPIRY_WINDOW_DAYS = 60


def cards(user) -> list[Card]:
    if not can(user, "network.directory.view"):
        return _own_data_card(user)
    people = visible(user, Person.objects.filter(erased_at__isnull=True))
    result = [
        Card(
            title=_("Directory"),
            value=str(people.count()),
            detail=_("people in %(n)s organisations")
            % {"n": visible(user, Organisation.objects.all()).count()},
            url=reverse("network:directory"),
            order=10,
        )
    ]
    principal = principal_for(user)
    if principal.focal_country_ids:
        local = Membership.objects.filter(
            Membership.current_q(),
            organisation__country_id__in=list(principal.focal_country_ids),
            person__erased_at__isnull=True,
        )
        result.append(
            Card(
                title=_("Your country's directory"),
                value=str(local.values("person_id").distinct().count()),
                detail=_("people you maintain as focal point"),
                url=reverse("network:import_start"),
                order=11,
            )
        )
    if principal.is_admin or principal.focal_country_ids:
        result.append(_expiring_card(user))
    return result


def _expiring_card(user) -> Card:
    today = timezone.localdate()
    soon = today + timezone.timedelta(days=EXPIRY_WINDOW_DAYS)
    expiring = visible(user, Vetting.objects.filter(expires_on__gt=today, expires_on__lte=soon))
    return Card(
        title=_("Vetting expiring"),
        value=str(expiring.count()),
        detail=_("in the next %(n)s days") % {"n": EXPIRY_WINDOW_DAYS},
        url=reverse("network:directory"),
        order=12,
    )


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
