"""The library's section of the public front page: the newest TLP:CLEAR resources."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from protectnet.access.markings import Marking
from protectnet.access.policy import visible
from protectnet.core.front_page import Item, Section

from .models import Resource

NEWEST = 5


def section() -> Section:
    # Read as the anonymous visitor it is shown to; CLEAR stated again so that a change to the
    # scope can never put a restricted title on the public page.
    rows = visible(AnonymousUser(), Resource.objects.filter(marking=Marking.CLEAR)).only(
        "pk", "title", "published_on"
    )[:NEWEST]
    items = [
        Item(r.title, reverse("library:resource_detail", args=[r.pk]), date_format(r.published_on))
        for r in rows
    ]
    return Section(
        title=_("New in the public library"),
        items=items,
        more_url=reverse("library:resource_list"),
        more_text=_("Browse the public library"),
        order=10,
    )
