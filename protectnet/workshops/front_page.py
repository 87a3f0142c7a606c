"""The workshops' section of the public front page: upcoming editions with a public page."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from protectnet.access.policy import visible
from protectnet.core.front_page import Item, Section

from .models import Workshop, WorkshopStatus

UPCOMING = 5


def section() -> Section:
    # Read as the anonymous visitor it is shown to; the public page and a published status
    # stated again so that a change to the scope can never put a members' workshop here. Only
    # what the public page itself shows: title, place and dates, nobody's name.
    public = Q(public_page=True) & ~Q(status=WorkshopStatus.DRAFT)
    rows = (
        visible(AnonymousUser(), Workshop.objects.filter(public))
        .filter(end_date__gte=timezone.localdate())
        .select_related("host_country")
        .only("pk", "title", "city", "start_date", "end_date", "host_country__code")
        .order_by("start_date", "pk")[:UPCOMING]
    )
    items = [
        Item(w.title, reverse("workshops:workshop_detail", args=[w.pk]), _where(w)) for w in rows
    ]
    return Section(
        title=_("Upcoming regional workshops"),
        items=items,
        empty=_(
            "No public workshop is coming up. Members hear of each workshop from their "
            "country's focal point."
        ),
        order=20,
    )


def _where(workshop: Workshop) -> str:
    return _("%(city)s, %(country)s · %(start)s – %(end)s") % {
        "city": workshop.city,
        "country": workshop.host_country.name,
        "start": date_format(workshop.start_date),
        "end": date_format(workshop.end_date),
    }
