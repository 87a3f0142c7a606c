"""Resource pages: list and search (one service), detail, add, edit, new version, download."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from protectnet.access.routes import requires
from protectnet.core import files
from protectnet.core.forms import add_service_errors

from .. import selectors, services, uploads
from ..forms import ResourceCreateForm, ResourceForm, SearchForm, VersionForm
from ..search import Facets, facet_counts, search
from .common import attach_uploads, querystring_without


@requires("library.resource.view")
def resource_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    result = search(
        request.user,
        cleaned.get("q", ""),
        form.filters(),
        page=cleaned.get("page") or 1,
        facets=Facets.NOW if request.GET.get("facets") else Facets.LATER,
    )
    context = {
        "form": form,
        "result": result,
        "querystring": querystring_without(request.GET, "page"),
        "facets_query": querystring_without(request.GET, "page", "facets"),
        "facet_base": request.GET,
        "can_add": services.can(request.user, "library.resource.create"),
    }
    template = "library/_results.html" if request.headers.get("HX-Request") else "library/list.html"
    return render(request, template, context)


@requires("library.resource.view")
def resource_search(request: HttpRequest) -> HttpResponse:
    """The same page: kept as its own address so bookmarks of searches read well."""
    return resource_list(request)


@requires("library.resource.view")
def search_facets(request: HttpRequest) -> HttpResponse:
    """The filters of a search that matched too many resources to count them with its hits
    (the search page asks for them once it shows; without JavaScript its link asks the search
    page itself to count them)."""
    if not request.headers.get("HX-Request"):
        query = "&".join(filter(None, [querystring_without(request.GET, "page"), "facets=1"]))
        return redirect(f"{reverse('library:resource_search')}?{query}")
    form = SearchForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    total, facets = facet_counts(request.user, cleaned.get("q", ""), form.filters())
    context = {"facets": facets, "total": total, "exact": True, "facet_base": request.GET}
    return render(request, "library/_facets.html", context | {"total_update": True})


@requires("library.resource.view")
def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_get(user=request.user, pk=pk, request=request)
    return render(
        request,
        "library/detail.html",
        {
            "resource": resource,
            "versions": resource.versions.all(),
            "can_change": services.can_change(request.user, resource),
            "can_withdraw": services.can(request.user, "library.resource.withdraw", resource),
        },
    )


@requires("library.resource.create")
def resource_create(request: HttpRequest) -> HttpResponse:
    organisations = selectors.own_organisations(user=request.user)
    form = ResourceCreateForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        people=selectors.directory_people(user=request.user),
    )
    staged = attach_uploads(request, form) if request.method == "POST" else []
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.resource_create(
                actor=request.user,
                data=form.resource_data(),
                staged=staged,
                link=form.cleaned_data["link"],
                note=form.cleaned_data["note"],
                translations=form.translations(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The resource is published."))
            return redirect("library:resource_detail", pk=resource.pk)
    context = {"form": form, "creating": True, "staged": staged}
    return render(request, "library/form.html", context)


@requires("library.resource.change")
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_for_change(user=request.user, pk=pk)
    services.require(request.user, "library.resource.change", resource)
    organisations = selectors.own_organisations(user=request.user)
    form = ResourceForm(
        request.POST or None,
        instance=resource,
        organisations=organisations,
        people=selectors.directory_people(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_update(
                actor=request.user,
                resource=resource,
                data=form.resource_data(),
                translations=form.translations(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The resource is saved."))
            return redirect("library:resource_detail", pk=resource.pk)
    return render(request, "library/form.html", {"form": form, "resource": resource})


@requires("library.resource.change")
def version_create(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_for_change(user=request.user, pk=pk)
    services.require(request.user, "library.resource.change", resource)
    form = VersionForm(request.POST or None, request.FILES or None)
    staged = attach_uploads(request, form) if request.method == "POST" else []
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_create(
                actor=request.user,
                resource=resource,
                staged=staged,
                link=form.cleaned_data["link"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Version %(n)s is published.") % {"n": version.number})
            return redirect("library:resource_detail", pk=resource.pk)
    context = {"form": form, "resource": resource, "staged": staged}
    return render(request, "library/version_form.html", context)


@requires("library.resource.view")
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    file = selectors.file_for_download(user=request.user, pk=pk, request=request)
    return attachment(file)


def attachment(file) -> HttpResponse:
    """Always an attachment, with the detected type and a name whose extension matches it."""
    return files.download(
        uploads.FILES,
        file.stored_name,
        filename=uploads.download_name(file.original_name, file.kind),
        content_type=file.content_type,
    )


def detail_url(resource) -> str:
    return reverse("library:resource_detail", args=[resource.pk])
