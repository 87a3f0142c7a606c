from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from protectnet.access.routes import requires
from protectnet.core import charts, documents, exports

from .documents import KEY
from .registry import reports_for
from .selectors import network_overview, sector_labels


@requires("reports.view")
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/index.html", {"reports": reports_for(request.user)})


def overview_context(user) -> dict:
    rows = network_overview(user=user)
    sectors = sector_labels()
    chart = charts.stacked_bar_chart(
        _("Member organisations by country and sector"),
        [row.country.name for row in rows],
        {label: [row.organisations.get(code, 0) for row in rows] for code, label in sectors},
    )
    people_chart = charts.bar_chart(
        _("People in the directory by country"), [(row.country.name, row.people) for row in rows]
    )
    totals = {
        "organisations": sum(r.organisation_total for r in rows),
        "people": sum(r.people for r in rows),
        "countries": len(rows),
    }
    return {
        "rows": rows,
        "sectors": sectors,
        "chart": chart,
        "people_chart": people_chart,
        "totals": totals,
    }


@requires("reports.view")
def network_overview_page(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/network_overview.html", overview_context(request.user))


@requires("reports.view")
def network_overview_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        asked = documents.document_request(
            user=request.user, kind="reports.network_overview", key=KEY
        )
        return documents.respond(asked.document)
    context = overview_context(request.user)
    header = [_("Country"), *[label for _code, label in context["sectors"]]]
    header += [_("Organisations"), _("People"), _("Focal points")]
    rows = [
        [
            row.country.name,
            *[row.organisations.get(code, 0) for code, _label in context["sectors"]],
            row.organisation_total,
            row.people,
            row.focal_points,
        ]
        for row in context["rows"]
    ]
    if fmt == "csv":
        return exports.csv_response("network-overview.csv", header, rows)
    if fmt == "xlsx":
        return exports.xlsx_response("network-overview.xlsx", header, rows, sheet_title="Network")
    raise Http404
