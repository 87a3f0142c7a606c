"""Quotas per country, the focal points' nominations, and the organisers' decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core.forms import add_service_errors

from ..forms import NominationForm, QuotaForm
from ..selectors import editions as sel
from ..services import delegations as svc
from ..services.editions import delegation_set_quota
from .common import error_text


@require_http_methods(["GET", "POST"])
@requires("workshops.delegation.view")
def delegation_list(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    can_manage = can(request.user, "workshops.workshop.manage")
    form = QuotaForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                delegation_set_quota(actor=request.user, workshop=workshop, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The quota was saved."))
                return redirect("workshops:delegation_list", workshop.pk)
    delegations = sel.delegation_list(user=request.user, workshop=workshop)
    return render(
        request,
        "workshops/delegation_list.html",
        {"workshop": workshop, "delegations": delegations, "form": form},
    )


@require_http_methods(["GET", "POST"])
@requires("workshops.delegation.view")
def delegation_detail(request, delegation_id: int):
    delegation = sel.delegation_get(user=request.user, id=delegation_id)
    may_nominate = can(request.user, "workshops.nomination.create", delegation)
    people = sel.nominable_people(user=request.user, delegation=delegation)
    form = (
        NominationForm(request.POST or None, people=people, country=delegation.country)
        if may_nominate
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                nomination = svc.nomination_create(
                    actor=request.user,
                    delegation=delegation,
                    person=form.cleaned_data["person"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if nomination.status == "waitlisted":
                    messages.warning(
                        request, _("The quota is full: the nomination is on the waiting list.")
                    )
                else:
                    messages.success(request, _("The nomination was sent to the organisers."))
                return redirect("workshops:delegation_detail", delegation.pk)
    delegation.refresh_from_db(fields=["quota", "seats_held", "seats_registered"])
    return render(
        request,
        "workshops/delegation_detail.html",
        {
            "delegation": delegation,
            "workshop": delegation.workshop,
            "nominations": sel.nomination_list(user=request.user, delegation=delegation),
            "form": form,
            "can_decide": can(request.user, "workshops.nomination.decide"),
        },
    )


@require_POST
@requires("workshops.nomination.decide")
def nomination_decide(request, nomination_id: int):
    nomination = sel.nomination_get(user=request.user, id=nomination_id)
    approve = request.POST.get("decision") == "approve"
    try:
        svc.nomination_decide(actor=request.user, nomination=nomination, approve=approve)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Approved: the invitation was emailed.") if approve else _("Declined."),
        )
    return redirect("workshops:delegation_detail", nomination.delegation_id)


@require_POST
@requires("workshops.nomination.withdraw")
def nomination_withdraw(request, nomination_id: int):
    nomination = sel.nomination_get(user=request.user, id=nomination_id)
    try:
        svc.nomination_withdraw(actor=request.user, nomination=nomination)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The nomination was withdrawn."))
    return redirect("workshops:delegation_detail", nomination.delegation_id)
