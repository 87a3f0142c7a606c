"""POST-only actions on one alert; each calls one service and returns to the alert."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from protectnet.access.policy import require
from protectnet.access.routes import requires

from .. import selectors, services
from ..forms import OutcomeForm, ReplyForm, RetractForm, ShareForm
from .pages import alert_detail_context, sent_message


def _parse_moment(text: str):
    try:
        return parse_datetime(text[:40])
    except ValueError:
        return None


def _back(alert) -> HttpResponse:
    return redirect("alerts:alert_detail", pk=alert.pk)


def _run(request, alert, call, success: str) -> HttpResponse:
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return _back(alert)


@never_cache
@requires("alerts.send")
def alert_send(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the review (recipients, marking, priority, deadline); POST: the sender confirms."""
    alert = selectors.alert_get(user=request.user, pk=pk)
    review = selectors.send_review(user=request.user, alert=alert)
    if request.method != "POST":
        return render(request, "alerts/alert_send.html", {"review": review, "alert": alert})
    try:
        alert = services.alert_send(actor=request.user, alert=alert, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("alerts:alert_send", pk=alert.pk)
    messages.success(request, sent_message(alert))
    return _back(alert)


@require_POST
@requires("alerts.approve")
def alert_approve(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    # The detail page's form carries the submission it showed: only that version is approved.
    seen = _parse_moment(request.POST.get("submitted_at", ""))
    return _run(
        request,
        alert,
        lambda: services.alert_approve(
            actor=request.user, alert=alert, seen_submitted_at=seen, request=request
        ),
        _("Approved: the alert was sent to the named recipients."),
    )


@require_POST
@requires("alerts.acknowledge")
def alert_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    return _run(
        request,
        alert,
        lambda: services.alert_acknowledge(actor=request.user, alert=alert, request=request),
        _("Acknowledged on behalf of your agency."),
    )


@require_POST
@requires("alerts.reply")
def alert_reply(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        # Show the form again with the text as typed, so nothing written is lost.
        return _detail_with(request, alert, reply_form=form)
    try:
        services.alert_reply(
            actor=request.user, alert=alert, body=form.cleaned_data["body"], request=request
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _detail_with(request, alert, reply_form=form)
    messages.success(request, _("Your reply was added."))
    return _back(alert)


@require_POST
@requires("alerts.share")
def alert_share(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    form = ShareForm(request.POST, user=request.user, alert=alert)
    if not form.is_valid():
        # The form again with its error ("Choose from the list"), as the reply form does.
        return _detail_with(request, alert, share_form=form)
    person = form.cleaned_data["person"].pk
    return _run(
        request,
        alert,
        lambda: services.alert_share(
            actor=request.user, alert=alert, person_id=person, request=request
        ),
        _("The alert was shared. The sender can see with whom."),
    )


@require_POST
@requires("alerts.outcome")
def alert_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    form = OutcomeForm(request.POST)
    outcome = form.cleaned_data["outcome"] if form.is_valid() else ""
    return _run(
        request,
        alert,
        lambda: services.alert_outcome(
            actor=request.user, alert=alert, outcome=outcome, request=request
        ),
        _("The outcome was recorded."),
    )


@require_POST
@requires("alerts.close")
def alert_close(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    return _run(
        request,
        alert,
        lambda: services.alert_close(actor=request.user, alert=alert, request=request),
        _("Closed."),
    )


@requires("alerts.retract")
def alert_retract(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    require(request.user, "alerts.retract", alert)
    form = RetractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _run(
            request,
            alert,
            lambda: services.alert_retract(
                actor=request.user,
                alert=alert,
                reason=form.cleaned_data["reason"],
                request=request,
            ),
            _("The alert was retracted. Recipients can no longer read its content."),
        )
    return render(request, "alerts/alert_retract.html", {"alert": alert, "form": form})


def _detail_with(request, alert, **overrides) -> HttpResponse:
    context = alert_detail_context(request, alert)
    context.update(overrides)
    return render(request, "alerts/alert_detail.html", context, status=400)
