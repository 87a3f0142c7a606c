"""Alert pages: list, overdue, create, detail, attachment download, read-log export."""

from urllib.parse import quote, urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache

from protectnet.access.policy import can
from protectnet.access.principal import principal_for
from protectnet.access.routes import requires
from protectnet.core.exports import csv_response
from protectnet.core.forms import add_service_errors
from protectnet.core.pagination import paginate

from .. import selectors, services
from ..forms import AlertForm, ListFilterForm, OutcomeForm, ReplyForm, ShareForm
from ..models import AlertType, Status
from ..people import full_name
from ..subject import display_rows

PAGE_SIZE = 25


# The list's views, one filter each, as links that work without JavaScript.
VIEWS = (
    (_lazy("All alerts"), {}),
    (_lazy("Needs my acknowledgement"), {"needs": "ack"}),
    (_lazy("Overdue"), {"overdue": "1"}),
    (_lazy("Received"), {"box": "inbox"}),
    (_lazy("Sent by my agency"), {"box": "sent"}),
)


def _active(chosen: dict) -> dict:
    """The filters as they appear in a link: only those that differ from showing everything."""
    active = {"box": chosen["box"]} if chosen["box"] != "all" else {}
    if chosen["needs"]:
        active["needs"] = chosen["needs"]
    if chosen["overdue"]:
        active["overdue"] = "1"
    return active


@never_cache
@requires("alerts.view")
def alert_list(request: HttpRequest) -> HttpResponse:
    chosen = ListFilterForm(request.GET or None).filters()
    page = paginate(request, selectors.alert_list(user=request.user, **chosen), per_page=PAGE_SIZE)
    active = _active(chosen)
    views = [(label, urlencode(q), q == active) for label, q in VIEWS]
    return render(
        request,
        "alerts/alert_list.html",
        {
            "page_obj": page,
            "alerts": page.object_list,
            "views": views,
            "active": active,
            "querystring": urlencode(active),
            "now": timezone.now(),
        },
    )


@never_cache
@requires("alerts.view")
def alert_overdue(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.alert_overdue_list(user=request.user), per_page=PAGE_SIZE)
    return render(
        request,
        "alerts/alert_overdue.html",
        {"page_obj": page, "alerts": page.object_list, "now": timezone.now()},
    )


@requires("alerts.create")
def alert_new(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/alert_new.html", {"types": AlertType.choices})


@never_cache
@requires("alerts.create")
def alert_create(request: HttpRequest, alert_type: str) -> HttpResponse:
    if alert_type not in AlertType.values:
        raise Http404
    form = AlertForm(
        request.POST or None, request.FILES or None, user=request.user, alert_type=alert_type
    )
    if request.method == "POST" and form.is_valid():
        try:
            # Saved as a draft either way: "Send" leads to the review page, which sends.
            alert = services.alert_create(actor=request.user, data=form.to_input(), request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return after_save(request, alert, review="send" in request.POST)
    return render(
        request,
        "alerts/alert_form.html",
        {"form": form, "alert_type": AlertType(alert_type)},
    )


def after_save(request: HttpRequest, alert, *, review: bool, edited: bool = False):
    if review:
        messages.info(
            request,
            _("Saved as a draft, not sent yet. Check the recipients and the marking, then send."),
        )
        return redirect("alerts:alert_send", pk=alert.pk)
    messages.success(request, sent_message(alert, edited=edited))
    return redirect("alerts:alert_detail", pk=alert.pk)


def sent_message(alert, *, edited: bool = False) -> str:
    if alert.status == Status.AWAITING_APPROVAL:
        return _("Saved. A second vetted member of your agency must approve it before it is sent.")
    if alert.status == Status.SENT:
        return _("The alert was sent to the recipient agencies.")
    if edited:
        return _("Your changes to the draft were saved.")
    return _("The alert was saved as a draft.")


@never_cache
@requires("alerts.view")
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    services.alert_read(actor=request.user, alert=alert, request=request)
    return render(request, "alerts/alert_detail.html", alert_detail_context(request, alert))


def alert_detail_context(request: HttpRequest, alert) -> dict:
    user = request.user
    content = can(user, "alerts.read_content", alert)
    sender_view = can(user, "alerts.sender_view", alert)
    my_row = selectors.recipient_row_for(user=user, alert=alert)
    can_share = can(user, "alerts.share", alert)
    return {
        "alert": alert,
        "content": content,
        "subject_rows": display_rows(alert.alert_type, alert.subject) if content else [],
        "sender_view": sender_view,
        "my_row": my_row,
        "reads": list(selectors.alert_reads(alert=alert)[:500]) if sender_view else [],
        "can_change": can(user, "alerts.draft.change", alert),
        "can_send": can(user, "alerts.send", alert),
        "can_approve": can(user, "alerts.approve", alert),
        "can_retract": can(user, "alerts.retract", alert),
        "can_work": can(user, "alerts.reply", alert),
        "can_share": can_share,
        "share_form": ShareForm(user=user, alert=alert) if can_share else None,
        "shared_with_me": _shared_with(user, alert) if content and not my_row else None,
        "reply_form": ReplyForm(),
        "late": _late(alert),
        "now": timezone.now(),
        "outcome_form": OutcomeForm(initial={"outcome": my_row.outcome if my_row else ""}),
    }


def _late(alert) -> bool:
    """Past the deadline with a recipient agency that has not acknowledged (as in the lists)."""
    waiting = any(r.delivered_at and not r.acknowledged_at for r in alert.recipients.all())
    return alert.is_open and waiting and alert.ack_deadline < timezone.now()


def _shared_with(user, alert):
    person_id = principal_for(user).person_id
    return next((s for s in alert.shares.all() if s.person_id == person_id), None)


@never_cache
@requires("alerts.read_content")
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    alert = selectors.alert_get(user=request.user, pk=pk)
    attachment = selectors.attachment_get(user=request.user, alert=alert, pk=attachment_pk)
    name, content_type, data = services.alert_attachment_read(
        actor=request.user, alert=alert, attachment=attachment, request=request
    )
    response = HttpResponse(data, content_type=content_type)
    # The name is in the header only (never in a URL); quotes and line breaks are stripped.
    safe = "".join(c for c in name if c not in '"\\\r\n') or "attachment"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(safe)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _quote(name: str) -> str:
    return quote(name, safe="")


@never_cache
@requires("alerts.sender_view")
def alert_reads_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The sender's read log as CSV: who opened what, when (no alert content)."""
    alert = selectors.alert_get(user=request.user, pk=pk)
    services.alert_reads_export_record(actor=request.user, alert=alert, request=request)
    rows = (
        (
            r.read_at,
            full_name(r.user),
            r.organisation.name if r.organisation else "",
            r.get_what_display(),
        )
        for r in selectors.alert_reads(alert=alert)
    )
    header = [_("Read at (UTC)"), _("Reader"), _("Agency"), _("What")]
    return csv_response(f"{alert.reference}-reads.csv", header, rows)
