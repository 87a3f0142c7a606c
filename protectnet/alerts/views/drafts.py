"""The author's draft pages: edit (fields, recipients, marking, attachments) and discard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors

from .. import selectors, services
from ..forms import DraftForm
from ..models import AlertType, Status
from .pages import after_save


def _changeable_or_back(request, alert) -> HttpResponse | None:
    """The author of an alert that has left the agency is told so; anyone else gets 404."""
    try:
        services.require_changeable(request.user, alert)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("alerts:alert_detail", pk=alert.pk)
    return None


@never_cache
@requires("alerts.draft.change")
def alert_edit(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    refused = _changeable_or_back(request, alert)
    if refused:
        return refused
    form = DraftForm(request.POST or None, request.FILES or None, user=request.user, alert=alert)
    if request.method == "POST" and form.is_valid():
        send = "send" in request.POST
        # A draft is reviewed before it leaves; an alert awaiting approval is only submitted
        # again (the service refuses a marking change in the same step), so it goes straight on.
        review = send and alert.status == Status.DRAFT
        try:
            alert = services.alert_update(
                actor=request.user,
                alert=alert,
                data=form.to_input(),
                remove_attachment_ids=form.removed_ids(),
                send=send and not review,
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return after_save(request, alert, review=review, edited=True)
    context = {
        "form": form,
        "alert": alert,
        "alert_type": AlertType(alert.alert_type),
        "awaiting_approval": alert.status == Status.AWAITING_APPROVAL,
    }
    return render(request, "alerts/alert_form.html", context)


@never_cache
@requires("alerts.draft.change")
def alert_discard(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    refused = _changeable_or_back(request, alert)
    if refused:
        return refused
    if request.method == "POST":
        try:
            services.alert_discard(actor=request.user, alert=alert, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("alerts:alert_detail", pk=alert.pk)
        messages.success(request, _("The draft was discarded."))
        return redirect("alerts:alert_list")
    return render(request, "alerts/alert_discard.html", {"alert": alert})
