"""Countries: the list, and a country's page (focal points, organisations by sector, panel)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires

from .. import selectors, services
from ..country_sections import country_sections
from ..forms import FocalPointForm, FocalPointSearchForm


@requires("network.directory.view")
def country_list(request: HttpRequest) -> HttpResponse:
    countries = selectors.country_list(user=request.user)
    return render(request, "network/country_list.html", {"countries": countries})


@requires("network.directory.view")
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
    panel = selectors.panel_for_country(user=request.user, country=country)
    context = {
        "country": country,
        "focal_points": selectors.country_focal_points(country=country),
        "sectors": selectors.country_sector_list(user=request.user, country=country),
        "panel": panel,
        "panel_stub": panel is None and can(request.user, "network.panel.manage", _Stub(country)),
        "sections": country_sections(request.user, country),
        "can_manage_focal": can(request.user, "network.focal_point.manage"),
        "search_form": FocalPointSearchForm(),
    }
    return render(request, "network/country_detail.html", context)


class _Stub:
    """What the panel rule judges before a panel exists: the country it would belong to."""

    def __init__(self, country):
        self.country_id = country.pk


@require_http_methods(["GET", "POST"])
@requires("network.focal_point.manage")
def focal_point_add(request: HttpRequest, code: str) -> HttpResponse:
    """GET: search the country's people (htmx gets the results alone); POST: appoint one."""
    country = selectors.country_get(user=request.user, code=code)
    if request.method == "POST":
        return _focal_point_appoint(request, country)
    form = FocalPointSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    candidates, more = selectors.focal_point_candidate_list(user=request.user, country=country, q=q)
    context = {
        "country": country,
        "search_form": form,
        "q": q,
        "candidates": candidates,
        "more": more,
    }
    if request.headers.get("HX-Request"):
        return render(request, "network/_focal_candidates.html", context)
    return render(request, "network/focal_point_search.html", context)


def _focal_point_appoint(request: HttpRequest, country) -> HttpResponse:
    people = selectors.country_people(user=request.user, country=country)
    form = FocalPointForm(request.POST, people=people)
    if form.is_valid():
        try:
            services.focal_point_add(
                actor=request.user,
                country=country,
                person=form.cleaned_data["person"],
                request=request,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The focal point is added."))
    else:
        messages.error(request, _("Choose a person of this country."))
    return redirect("network:country_detail", code=str(country.code))


@require_POST
@requires("network.focal_point.manage")
def focal_point_remove(request: HttpRequest, code: str, focal_id: int) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
    focal = selectors.focal_point_get(user=request.user, country=country, pk=focal_id)
    services.focal_point_remove(actor=request.user, focal=focal, request=request)
    messages.success(request, _("The focal point is removed."))
    return redirect("network:country_detail", code=str(country.code))
