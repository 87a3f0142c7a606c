"""Possible duplicates in the directory and the merge of two entries (network admins)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from protectnet.access.routes import requires

from .. import duplicates, services
from ..duplicates import GROUPS_SHOWN


@requires("network.person.duplicates")
def duplicate_list(request: HttpRequest) -> HttpResponse:
    groups = duplicates.duplicate_groups(user=request.user)
    context = {"groups": groups, "shown": GROUPS_SHOWN}
    return render(request, "network/duplicate_list.html", context)


def _id(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@requires("network.person.merge")
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """`pk` is merged into `?into=` (the entry kept): GET confirms what moves, POST merges."""
    into = _id(request.POST.get("into") if request.method == "POST" else request.GET.get("into"))
    keep, duplicate = duplicates.merge_pair(user=request.user, keep_pk=into, duplicate_pk=pk)
    conflicts = services.merge_conflicts(keep=keep, duplicate=duplicate)
    if request.method == "POST" and not conflicts:
        try:
            services.person_merge(
                actor=request.user, keep=keep, duplicate=duplicate, request=request
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The two entries are merged into this one."))
            return redirect("network:person_detail", pk=keep.pk)
    context = {
        "keep": keep,
        "duplicate": duplicate,
        "pair": [(keep, "keep"), (duplicate, "duplicate")],
        "conflicts": conflicts,
        "filled": services.merge_filled_fields(keep=keep, duplicate=duplicate),
    }
    return render(request, "network/person_merge.html", context)
