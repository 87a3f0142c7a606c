"""Withdraw and restore: the owning organisation or an admin hides a resource, and undoes it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors

from .. import selectors, services
from ..forms import RestoreForm, WithdrawForm


@requires("library.resource.withdraw")
def resource_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_for_change(user=request.user, pk=pk)
    services.require(request.user, "library.resource.withdraw", resource)
    form = WithdrawForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_withdraw(
                actor=request.user, resource=resource, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "The resource is withdrawn. Only your organisation and "
                    "the secretariat can see it now."
                ),
            )
            return redirect("library:resource_detail", pk=resource.pk)
    context = {"form": form, "resource": resource, "withdrawing": True}
    return render(request, "library/withdrawal.html", context)


@requires("library.resource.restore")
def resource_restore(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.resource_for_change(user=request.user, pk=pk)
    services.require(request.user, "library.resource.restore", resource)
    form = RestoreForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_restore(actor=request.user, resource=resource)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The resource is restored."))
            return redirect("library:resource_detail", pk=resource.pk)
    context = {"form": form, "resource": resource, "withdrawing": False}
    return render(request, "library/withdrawal.html", context)


def _posted(request: HttpRequest):
    # An empty POST (no reason given) is still a confirmation, unlike a GET.
    return request.POST if request.method == "POST" else None
