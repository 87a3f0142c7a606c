"""Library resources other apps may link to (a workshop session's reading list).

Found by `core.providers("linkable")`, so the apps that link to resources do not import the
library: they get the resources the user may see, in title order."""

from django.db.models import QuerySet

from protectnet.access.policy import visible

from .models import Resource


def resource_choices(*, user) -> QuerySet:
    return visible(user, Resource.objects.order_by("title"))
