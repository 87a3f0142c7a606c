"""Organisations: list, detail (with their people), add and edit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors
from protectnet.core.pagination import paginate

from .. import selectors, services
from ..forms import OrganisationForm
from ..models import Organisation, Sector
from ..search import MAX_QUERY, query_error
from .common import querystring_without


@requires("network.directory.view")
def organisation_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    country = request.GET.get("country", "")[:2]
    sector = request.GET.get("sector", "")[:32]
    qs = selectors.organisation_list(user=request.user, q=q, country=country, sector=sector)
    page_obj = paginate(request, qs)
    page_obj.object_list = selectors.organisation_people_counts(page_obj.object_list)
    context = {
        "page_obj": page_obj,
        "querystring": querystring_without(request.GET, "page"),
        "q": q[:MAX_QUERY].replace("\x00", ""),
        "search_error": query_error(q),
        "country": country.upper(),
        "sector": sector,
        "countries": selectors.country_choices(user=request.user),
        "sectors": Sector.choices,
        "can_add": can(request.user, "network.organisation.create"),
    }
    return render(request, "network/organisation_list.html", context)


@requires("network.directory.view")
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, pk=pk)
    people = paginate(
        request, selectors.organisation_people(user=request.user, organisation=organisation)
    )
    for person in people.object_list:
        person.show_contact = selectors.contact_visible(request.user, person)
    context = {
        "organisation": organisation,
        "page_obj": people,
        "children": organisation.children.all(),
        "can_change": can(request.user, "network.organisation.change", organisation),
        "can_add_person": can(request.user, "network.person.create", organisation),
    }
    return render(request, "network/organisation_detail.html", context)


def _form(request, instance=None):
    countries = selectors.managed_countries(user=request.user)
    exclude_pk = instance.pk if instance is not None else None
    parents = selectors.organisation_choices(
        user=request.user, countries=countries, exclude_pk=exclude_pk
    )
    return OrganisationForm(
        request.POST or None,
        instance=instance,
        countries=countries,
        parents=parents.order_by("name"),
    )


@requires("network.organisation.create")
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = _form(request, Organisation())
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                actor=request.user, data=_input(form), request=request
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The organisation is added."))
            return redirect("network:organisation_detail", pk=organisation.pk)
    return render(request, "network/organisation_form.html", {"form": form, "creating": True})


@requires("network.organisation.change")
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(user=request.user, pk=pk)
    if not can(request.user, "network.organisation.change", organisation):
        raise Http404
    form = _form(request, organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user,
                organisation=selectors.organisation_get(user=request.user, pk=pk),
                data=_input(form),
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The organisation is saved."))
            return redirect("network:organisation_detail", pk=pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "network/organisation_form.html", context)


def _input(form) -> services.OrganisationInput:
    return services.OrganisationInput(
        **{name: form.cleaned_data[name] for name in form.Meta.fields}
    )
