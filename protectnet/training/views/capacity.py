"""The capacity page and its exports: aggregates only, no names."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from protectnet.access.routes import requires
from protectnet.core import documents
from protectnet.core.charts import bar_chart, line_chart
from protectnet.core.exports import csv_response, xlsx_response

from ..capacity import DIMENSIONS, HEADER, capacity_report, table_rows
from ..documents import capacity_key


class CapacityFilterForm(forms.Form):
    dimension = forms.ChoiceField(
        label=gettext_lazy("Break down by"), choices=list(DIMENSIONS.items()), required=False
    )
    start = forms.DateField(
        label=gettext_lazy("Courses starting from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=gettext_lazy("until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    by = forms.ChoiceField(
        label=gettext_lazy("Over time by"),
        choices=[("year", gettext_lazy("Year")), ("quarter", gettext_lazy("Quarter"))],
        required=False,
    )


def _report(request):
    return report_for(request.user, request.GET)


def report_for(user, query):
    form = CapacityFilterForm(query or None)
    data = form.cleaned_data if form.is_valid() else {}
    report = capacity_report(
        user=user,
        dimension=data.get("dimension") or "country",
        start=data.get("start"),
        end=data.get("end"),
        by=data.get("by") or "year",
    )
    return form, report


def _charts(report) -> list[tuple[str, str]]:
    """(caption, SVG) pairs; the data table below the charts carries the same numbers."""
    what = str(DIMENSIONS[report.dimension]).lower()
    groups = report.groups
    titles = [
        _("People trained by %(what)s") % {"what": what},
        _("People trained over time, by %(what)s") % {"what": what},
        _("Completion rate by %(what)s") % {"what": what},
        _("Knowledge gain by %(what)s (post-test minus pre-test, points)") % {"what": what},
    ]
    svgs = [
        bar_chart(titles[0], [(g.label, g.trained) for g in groups]),
        line_chart(
            titles[1],
            report.periods,
            {_("All"): report.trained_by_period, **report.by_group_over_time},
        ),
        bar_chart(
            titles[2],
            [(g.label, g.completion_rate or 0) for g in groups],
            unit="%",
            max_value=100,
        ),
        bar_chart(titles[3], [(g.label, g.gain or 0) for g in groups], unit=" pts"),
    ]
    return list(zip(titles, svgs, strict=True))


@requires("training.capacity.view")
def capacity(request: HttpRequest) -> HttpResponse:
    form, report = _report(request)
    return render(
        request,
        "training/capacity.html",
        {
            "form": form,
            "report": report,
            "dimension_label": DIMENSIONS[report.dimension],
            "charts": _charts(report),
            "query": request.GET.urlencode(),
        },
    )


@requires("training.capacity.view")
def capacity_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt == "pdf":  # made by a worker, and kept while the figures are unchanged
        key = capacity_key(request.GET)
        asked = documents.document_request(user=request.user, kind="training.capacity", key=key)
        return documents.respond(asked.document)
    _form, report = _report(request)
    header = _header(report)
    rows = table_rows(report)
    name = f"training-capacity-{report.dimension}-{timezone.localdate():%Y%m%d}"
    if fmt == "csv":
        return csv_response(f"{name}.csv", header, rows)
    if fmt == "xlsx":
        return xlsx_response(f"{name}.xlsx", header, rows, sheet_title=_("Capacity"))
    raise Http404


def _header(report) -> list[str]:
    header = [str(h) for h in HEADER]
    header[0] = str(DIMENSIONS[report.dimension])
    return header


def pdf_context(report) -> dict:
    return {
        "report": report,
        "header": _header(report),
        "rows": table_rows(report),
        "charts": _charts(report),
        "dimension_label": DIMENSIONS[report.dimension],
    }
