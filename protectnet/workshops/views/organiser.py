"""The organisers' registration list, a participant's detail, exports, badges and check-in."""

import json
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core import documents
from protectnet.core.exports import csv_response, xlsx_response
from protectnet.core.forms import add_service_errors
from protectnet.core.pagination import paginate
from protectnet.network.models import Sector

from ..forms import CheckInForm, InvitationForm
from ..models import RegistrationStatus
from ..names import full_name, registration_label
from ..selectors import editions as sel
from ..selectors import registrations as regs
from ..services import checkin as checkin_svc
from ..services import exports
from ..services.delegations import invitation_send
from ..services.registrations import sensitive_read
from .common import error_text


@requires("workshops.registration.list")
def registration_list(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    q = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    status = status if status in RegistrationStatus.values else ""
    page = paginate(
        request,
        regs.registration_list(user=request.user, workshop=workshop, q=q, status=status),
        per_page=50,
    )
    return render(
        request,
        "workshops/registration_list.html",
        {
            "workshop": workshop,
            "page_obj": page,
            "q": q,
            "status": status,
            "counts": regs.registration_counts(workshop=workshop),
            "querystring": f"q={q}&status={status}",
        },
    )


@require_http_methods(["GET", "POST"])
@requires("workshops.workshop.manage")
def invitation_create(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    form = InvitationForm(
        request.POST or None,
        people=sel.invitable_people(user=request.user),
        delegations=sel.delegation_list(user=request.user, workshop=workshop),
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation_send(actor=request.user, workshop=workshop, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The invitation was emailed."))
            return redirect("workshops:registration_list", workshop.pk)
    return render(request, "workshops/invitation_form.html", {"form": form, "workshop": workshop})


@requires("workshops.registration.view")
def registration_detail(request, registration_id: int):
    registration = regs.registration_get(user=request.user, id=registration_id)
    show_sensitive = can(request.user, "workshops.registration.sensitive.view", registration)
    if show_sensitive:
        sensitive_read(actor=request.user, registration=registration, request=request)
    return render(
        request,
        "workshops/registration_detail.html",
        {
            "registration": registration,
            "workshop": registration.workshop,
            "show_sensitive": show_sensitive,
        },
    )


SECTORS = dict(Sector.choices)
EXPORT_HEADER = ["Name", "Organisation", "Country", "Sector", "Registered on"]


@requires("workshops.registration.list")
def participant_export(request, workshop_id: int, fmt: str):
    """The participant list as CSV or XLSX: only people who consented, only listed fields."""
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    rows = [
        (
            full_name(r.person),
            r.organisation.name if r.organisation else "",
            r.country.name if r.country else "",
            SECTORS.get(r.sector, r.sector),
            r.created_at.date(),
        )
        for r in regs.participant_list(workshop=workshop)
    ]
    exports.participants_exported(
        actor=request.user, workshop=workshop, fmt=fmt, rows=len(rows), request=request
    )
    name = f"workshop-{workshop.pk}-participants"
    if fmt == "xlsx":
        return xlsx_response(f"{name}.xlsx", EXPORT_HEADER, rows, sheet_title="Participants")
    return csv_response(f"{name}.csv", EXPORT_HEADER, rows)


@requires("workshops.checkin")
def badges_pdf(request, workshop_id: int):
    """Made by a worker (a minute for a large workshop), answered at once when nothing changed."""
    asked = documents.document_request(user=request.user, kind="workshops.badges", key=workshop_id)
    exports.badges_printed(
        actor=request.user,
        workshop=asked.obj,
        badges=asked.job.context["badge_count"],
        request=request,
    )
    return documents.respond(asked.document)


def _default_day(workshop) -> date:
    today = timezone.localtime(timezone.now(), workshop.tz).date()
    return today if today in workshop.days else workshop.start_date


def _day(request, workshop) -> date:
    """The day asked for, or today at the venue (the first day outside the workshop)."""
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return _default_day(workshop)
    return day if day in workshop.days else _default_day(workshop)


@requires("workshops.checkin")
def checkin(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    day = _day(request, workshop)
    q = request.GET.get("q", "").strip()[:100]
    found = (
        regs.registration_list(
            user=request.user, workshop=workshop, q=q, status=RegistrationStatus.REGISTERED
        )[:25]
        if q
        else []
    )
    sessions = [
        s
        for s in sel.workshop_sessions(workshop=workshop)
        if timezone.localtime(s.starts_at, workshop.tz).date() == day
    ]
    return render(
        request,
        "workshops/checkin.html",
        {
            "workshop": workshop,
            "day": day,
            "q": q,
            "found": found,
            "sessions": sessions,
            "checked_ids": regs.checked_in_ids(workshop=workshop, day=day) if q else set(),
            "counts": regs.checkin_counts(workshop=workshop, day=day),
        },
    )


@requires("workshops.checkin")
def checkin_counts(request, workshop_id: int):
    """The "N of M checked in" line alone, which the check-in page polls (htmx)."""
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    day = _day(request, workshop)
    return render(
        request,
        "workshops/_checkin_counts.html",
        {
            "workshop": workshop,
            "day": day,
            "counts": regs.checkin_counts(workshop=workshop, day=day),
        },
    )


@require_POST
@requires("workshops.checkin")
def checkin_record(request, workshop_id: int):
    """One check-in. JSON for the scanner (and its offline queue), a redirect for plain forms.
    Idempotent: the same scan sent twice answers "already checked in" and records nothing."""
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    wants_json = "application/json" in request.headers.get("Accept", "")
    payload = request.POST
    if request.content_type == "application/json":
        try:
            payload = json.loads(request.body or b"{}")
        except ValueError:
            payload = {}
        wants_json = True
    form = CheckInForm(payload if isinstance(payload, dict) or payload else None)
    if not form.is_valid():
        message = _("Give a day of the workshop and a badge code or a participant.")
        return _answer(request, workshop, wants_json, False, message, status=422)
    cd = form.cleaned_data
    session = None
    if cd.get("session"):
        session = sel.workshop_session_get(workshop=workshop, id=cd["session"])
    try:
        result = checkin_svc.checkin_record(
            actor=request.user,
            workshop=workshop,
            day=cd["day"],
            code=cd.get("code") or "",
            registration_id=cd.get("registration"),
            session=session,
        )
    except ValidationError as exc:
        return _answer(
            request, workshop, wants_json, False, error_text(exc), status=422, day=cd["day"]
        )
    name = registration_label(result.registration)
    message = (
        _("%(name)s is checked in.") if result.created else _("%(name)s was already checked in.")
    ) % {"name": name}
    return _answer(
        request,
        workshop,
        wants_json,
        True,
        message,
        created=result.created,
        day=cd["day"],
        registration=result.registration.pk,
    )


def _answer(request, workshop, wants_json, ok, message, *, status=200, day=None, **extra):
    if wants_json:
        return JsonResponse({"ok": ok, "message": message, **extra}, status=status)
    (messages.success if ok else messages.error)(request, message)
    response = redirect("workshops:checkin", workshop.pk)
    if day is not None:
        response["Location"] += f"?day={day.isoformat()}"
    return response
