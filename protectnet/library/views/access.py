"""Access requests: a member asks for a restricted AMBER resource; its owner decides."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors

from .. import selectors, services
from ..forms import AccessRequestForm, DecisionForm


@requires("library.access.request")
def access_request_create(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.restricted_get(user=request.user, pk=pk)
    form = AccessRequestForm(
        request.POST or None, organisations=selectors.own_organisations(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.access_request_create(
                actor=request.user,
                resource=resource,
                organisation=form.cleaned_data["organisation"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your request is sent to the owning organisation."))
            return redirect("library:access_request_inbox")
    return render(request, "library/access_request_form.html", {"form": form, "resource": resource})


@requires("library.access.inbox")
def access_request_inbox(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "library/access_requests.html",
        {
            "inbox": selectors.access_request_inbox(user=request.user)[:100],
            "sent": selectors.access_requests_sent(user=request.user)[:100],
        },
    )


@requires("library.access.decide")
def access_request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = selectors.access_request_get(user=request.user, pk=pk)
    services.require(request.user, "library.access.decide", access_request)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        grant = form.cleaned_data["decision"] == "grant"
        try:
            services.access_request_decide(
                actor=request.user,
                access_request=access_request,
                grant=grant,
                scope=form.cleaned_data["scope"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Access granted.") if grant else _("Request refused."))
            return redirect("library:access_request_inbox")
    return render(
        request, "library/access_request_decide.html", {"form": form, "req": access_request}
    )
