"""Countries: the list, and a country's page (focal points, organisations by sector, panel)."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from protectnet.access.policy import can, get_visible_or_404

from .. import selectors, services
from ..country_sections import country_sections
from ..forms import FocalPointForm
from ..models import FocalPoint, Sector


def country_list(request: HttpRequest) -> HttpResponse:
    countries = selectors.country_list(user=request.user)
    return render(request, "network/country_list.html", {"countries": countries})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
    sectors = dict(Sector.choices)
    organisations = selectors.country_organisations(user=request.user, country=country)
    by_sector = [
        (sectors.get(sector, sector), list(rows))
        for sector, rows in groupby(organisations, key=lambda o: o.sector)
    ]
    panel = selectors.panel_for_country(user=request.user, country=country)
    context = {
        "country": country,
        "focal_points": selectors.country_focal_points(country=country),
        "by_sector": by_sector,
        "panel": panel,
        "panel_stub": panel is None and can(request.user, "network.panel.manage", _Stub(country)),
        "sections": country_sections(request.user, country),
        "can_manage_focal": can(request.user, "network.focal_point.manage"),
        "focal_form": FocalPointForm(
            people=selectors.country_people(user=request.user, country=country)
        ),
    }
    return render(request, "network/country_detail.html", context)


class _Stub:
    """What the panel rule judges before a panel exists: the country it would belong to."""

    def __init__(self, country):
        self.country_id = country.pk


@require_POST
def focal_point_add(request: HttpRequest, code: str) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
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
def focal_point_remove(request: HttpRequest, code: str, focal_id: int) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
    focal = get_visible_or_404(
        request.user,
        FocalPoint.objects.select_related("person", "country"),
        pk=focal_id,
        country=country,
    )
    services.focal_point_remove(actor=request.user, focal=focal, request=request)
    messages.success(request, _("The focal point is removed."))
    return redirect("network:country_detail", code=str(country.code))
