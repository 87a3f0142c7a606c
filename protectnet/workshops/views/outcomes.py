"""Outcomes of a workshop, and the funder's report (page and PDF) and the series view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from protectnet.access.policy import can
from protectnet.access.routes import requires
from protectnet.core import documents
from protectnet.core.forms import add_service_errors

from .. import report
from ..forms import OutcomeForm
from ..selectors import editions as sel
from ..selectors import outcomes as outcome_sel
from ..services import outcomes as svc


@requires("workshops.outcome.view")
def outcome_list(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    outcomes = outcome_sel.outcome_list(user=request.user, workshop=workshop)
    return render(
        request,
        "workshops/outcome_list.html",
        {
            "workshop": workshop,
            "outcomes": outcomes,
            "can_manage": can(request.user, "workshops.outcome.manage"),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("workshops.outcome.manage")
def outcome_edit(request, workshop_id: int, outcome_id: int | None = None):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    outcome = None
    if outcome_id is not None:
        outcome = outcome_sel.outcome_get(user=request.user, id=outcome_id, workshop=workshop)
    choices = outcome_sel.outcome_choices(user=request.user)
    form = OutcomeForm(request.POST or None, instance=outcome, **choices)
    if request.method == "POST" and form.is_valid():
        data = form.to_input()
        if outcome is not None:
            outcome.refresh_from_db()  # the form wrote into the instance; the service compares
        try:
            svc.outcome_save(actor=request.user, workshop=workshop, outcome=outcome, data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The outcome was saved."))
            return redirect("workshops:outcome_list", workshop.pk)
    return render(
        request,
        "workshops/outcome_form.html",
        {"form": form, "workshop": workshop, "outcome": outcome},
    )


@requires("workshops.report.view")
def report_page(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    return render(request, "workshops/report.html", report.workshop_report(workshop))


@requires("workshops.report.view")
def report_pdf(request, workshop_id: int):
    asked = documents.document_request(user=request.user, kind="workshops.report", key=workshop_id)
    return documents.respond(asked.document)


@requires("workshops.report.view")
def series_report(request, series_id: int):
    series = sel.series_get(user=request.user, id=series_id)
    workshops = list(sel.series_workshops(user=request.user, series=series))
    context = {"series": series, **report.series_report(workshops)}
    if request.GET.get("format") == "pdf":
        asked = documents.document_request(
            user=request.user, kind="workshops.series_report", key=series.pk
        )
        return documents.respond(asked.document)
    return render(request, "workshops/series_report.html", context)
