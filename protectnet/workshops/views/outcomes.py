"""Outcomes of a workshop, and the funder's report (page and PDF) and the series view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from protectnet.access.policy import can, visible
from protectnet.core.forms import add_service_errors
from protectnet.core.pdf import pdf_response, render_pdf

from .. import report
from ..forms import OutcomeForm
from ..models import Outcome, Workshop
from ..selectors import editions as sel
from ..services import outcomes as svc


def outcome_list(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    outcomes = (
        visible(request.user, Outcome.objects.filter(workshop=workshop))
        .select_related("owner_organisation", "contact")
        .prefetch_related("countries")
    )
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
def outcome_edit(request, workshop_id: int, outcome_id: int | None = None):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    outcome = None
    if outcome_id is not None:
        outcome = (
            visible(request.user, Outcome.objects.filter(workshop=workshop))
            .filter(pk=outcome_id)
            .first()
        )
        if outcome is None:
            raise Http404
    form = OutcomeForm(request.POST or None, instance=outcome)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "terminology_confirmed"}
        countries = data.pop("countries")
        if outcome is not None:
            outcome.refresh_from_db()
        try:
            svc.outcome_save(
                actor=request.user, workshop=workshop, outcome=outcome, countries=countries, **data
            )
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


def report_page(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    return render(request, "workshops/report.html", report.workshop_report(workshop))


def report_pdf(request, workshop_id: int):
    workshop = sel.workshop_get(user=request.user, id=workshop_id)
    context = {**report.workshop_report(workshop), "generated": timezone.now()}
    data = render_pdf("workshops/pdf/report.html", context)
    return pdf_response(data, f"workshop-{workshop.pk}-report.pdf")


def series_report(request, series_id: int):
    series = sel.series_get(user=request.user, id=series_id)
    workshops = list(
        visible(request.user, Workshop.objects.filter(series=series)).select_related("host_country")
    )
    context = {"series": series, **report.series_report(workshops)}
    if request.GET.get("format") == "pdf":
        data = render_pdf("workshops/pdf/series.html", {**context, "generated": timezone.now()})
        return pdf_response(data, f"series-{series.pk}-report.pdf")
    return render(request, "workshops/series_report.html", context)
