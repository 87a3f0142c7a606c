"""The directory of people: search, filters, pagination, and export of what the user may see."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.exports import csv_response, xlsx_response
from protectnet.core.pagination import paginate

from .. import selectors, services
from ..forms import DirectorySearchForm
from .common import querystring_without


def _search(request: HttpRequest):
    countries = list(selectors.country_choices(user=request.user))
    form = DirectorySearchForm(request.GET or None, countries=countries)
    cleaned = form.cleaned_data if form.is_valid() else {}
    # A search that cannot be run goes on as typed, and the selector lists nobody for it:
    # dropping it like a bad filter would list everyone.
    q = form.data.get("q", "") if "q" in form.errors else cleaned.get("q", "")
    filters = selectors.DirectoryFilters(
        q=q,
        country=cleaned.get("country", ""),
        sector=cleaned.get("sector", ""),
        organisation=cleaned.get("organisation"),
        expertise=cleaned.get("expertise", ""),
        language=cleaned.get("language", ""),
    )
    return form, filters, cleaned


@requires("network.directory.view")
def directory(request: HttpRequest) -> HttpResponse:
    form, filters, cleaned = _search(request)
    page = paginate(
        request, selectors.person_list(user=request.user, filters=filters), bounded=True
    )
    for person in page.object_list:
        person.show_contact = selectors.contact_visible(request.user, person)
    context = {
        "form": form,
        "filters_ignored": any(name != "q" for name in form.errors),
        "page_obj": page,
        "querystring": querystring_without(request.GET, "page"),
        "export_params": [
            (k, v) for k in request.GET for v in request.GET.getlist(k) if k != "page" and v
        ],
        "can_add": can(request.user, "network.person.create"),
        "can_import": can(request.user, "network.import"),
        "can_merge": can(request.user, "network.person.duplicates"),
    }
    return render(request, "network/directory.html", context)


@requires("network.directory.export")
def directory_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The directory as the user sees it: contacts only where the person consented."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, filters, _cleaned = _search(request)
    rows = services.directory_export(actor=request.user, filters=filters, fmt=fmt, request=request)
    header = [
        _("Name"),
        _("Preferred name"),
        _("Job title"),
        _("Organisations"),
        _("Countries"),
        _("Sectors"),
        _("Languages"),
        _("Expertise"),
        _("Email"),
        _("Phone"),
    ]
    name = f"protectnet-directory-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        return csv_response(name, header, rows)
    return xlsx_response(name, header, rows, sheet_title=_("Directory"))
