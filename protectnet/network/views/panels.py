"""A country's advisory panel: members with their disciplines, meetings and their minutes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors

from .. import selectors, services
from ..forms import MeetingForm, PanelForm, PanelMemberForm
from ..models import AdvisoryPanel


@requires("network.directory.view")
def panel_detail(request: HttpRequest, pk: int) -> HttpResponse:
    panel = selectors.panel_get(user=request.user, pk=pk)
    context = {
        "panel": panel,
        "members": panel.members.all(),
        "meetings": selectors.meeting_list(user=request.user, panel=panel),
        "can_manage": can(request.user, "network.panel.manage", panel),
    }
    return render(request, "network/panel_detail.html", context)


def _managed_panel(request, pk) -> AdvisoryPanel:
    panel = selectors.panel_get(user=request.user, pk=pk)
    if not can(request.user, "network.panel.manage", panel):
        raise Http404
    return panel


@requires("network.panel.manage")
def panel_create(request: HttpRequest, code: str) -> HttpResponse:
    country = selectors.country_get(user=request.user, code=code)
    if not can(request.user, "network.panel.manage", AdvisoryPanel(country=country)):
        raise Http404
    initial = {"name": _("%(country)s advisory panel") % {"country": country.name}}
    form = PanelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            panel = services.panel_create(
                actor=request.user, country=country, request=request, **_panel_data(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The advisory panel is set up."))
            return redirect("network:panel_detail", pk=panel.pk)
    return render(request, "network/panel_form.html", {"form": form, "country": country})


@requires("network.panel.manage")
def panel_edit(request: HttpRequest, pk: int) -> HttpResponse:
    panel = _managed_panel(request, pk)
    initial = {"name": panel.name, "remit": panel.remit}
    form = PanelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.panel_update(
                actor=request.user, panel=panel, request=request, **_panel_data(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The panel is saved."))
            return redirect("network:panel_detail", pk=pk)
    context = {"form": form, "panel": panel, "country": panel.country}
    return render(request, "network/panel_form.html", context)


def _panel_data(form) -> dict:
    return {"name": form.cleaned_data["name"], "remit": form.cleaned_data["remit"]}


@requires("network.panel.manage")
def panel_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    panel = _managed_panel(request, pk)
    people = selectors.country_people(user=request.user, country=panel.country)
    form = PanelMemberForm(request.POST or None, people=people, country=panel.country)
    if request.method == "POST" and form.is_valid():
        try:
            services.panel_member_add(
                actor=request.user, panel=panel, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The member is added to the panel."))
            return redirect("network:panel_detail", pk=pk)
    return render(request, "network/panel_member_form.html", {"form": form, "panel": panel})


@require_POST
@requires("network.panel.manage")
def panel_member_remove(request: HttpRequest, pk: int, seat_id: int) -> HttpResponse:
    panel = _managed_panel(request, pk)
    seat = selectors.panel_seat_get(user=request.user, panel=panel, pk=seat_id)
    services.panel_member_remove(actor=request.user, seat=seat, request=request)
    messages.success(request, _("The member has left the panel."))
    return redirect("network:panel_detail", pk=pk)


@requires("network.directory.view")
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=pk, request=request)
    context = {
        "meeting": meeting,
        "panel": meeting.panel,
        "can_manage": can(request.user, "network.panel.manage", meeting.panel),
    }
    return render(request, "network/meeting_detail.html", context)


def _meeting_form(request, panel, instance=None) -> MeetingForm:
    return MeetingForm(
        request.POST or None,
        instance=instance,
        owners=selectors.own_organisations(user=request.user),
        organisations=selectors.organisation_choices(user=request.user).order_by("name"),
        people=selectors.panel_people(user=request.user, panel=panel),
    )


@requires("network.panel.manage")
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    panel = _managed_panel(request, pk)
    form = _meeting_form(request, panel)
    return _save_meeting(request, panel, form, None)


@requires("network.panel.manage")
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    panel = _managed_panel(request, meeting.panel_id)
    form = _meeting_form(request, panel, instance=meeting)
    return _save_meeting(request, panel, form, meeting)


def _save_meeting(request, panel, form, meeting) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.meeting_save(
                actor=request.user,
                panel=panel,
                data=services.MeetingInput(**form.meeting_fields()),
                shared_with=form.cleaned_data["shared_with"],
                named_people=form.cleaned_data["named_people"],
                meeting=meeting,
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("network:meeting_detail", pk=saved.pk)
    context = {"form": form, "panel": panel, "meeting": meeting}
    return render(request, "network/meeting_form.html", context)
