"""Admin statistics: counts without personal data, as a page and a CSV."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.core.charts import bar_chart, line_chart
from protectnet.core.exports import csv_response

from ..stats import alert_stats


def stats(request: HttpRequest) -> HttpResponse:
    data = alert_stats(user=request.user)
    charts = {
        "by_type": bar_chart(_("Alerts by type"), data.by_type),
        "by_origin": bar_chart(_("Alerts by origin country"), data.by_origin),
        "by_destination": bar_chart(_("Alerts by destination country"), data.by_destination),
        "by_month": line_chart(
            _("Alerts sent per month"),
            [m for m, _n in data.by_month],
            {_("Alerts"): [float(n) for _m, n in data.by_month]},
        ),
    }
    return render(request, "alerts/stats.html", {"stats": data, "charts": charts})


def stats_export(request: HttpRequest) -> HttpResponse:
    data = alert_stats(user=request.user)
    audit.record("alerts.stats.export", actor=request.user, request=request)
    rows = [
        *((_("type"), label, n) for label, n in data.by_type),
        *((_("origin country"), label, n) for label, n in data.by_origin),
        *((_("destination country"), label, n) for label, n in data.by_destination),
        *((_("month"), label, n) for label, n in data.by_month),
        *((_("outcome"), label, n) for label, n in data.by_outcome),
        (_("median hours to acknowledge"), "", data.median_hours_to_ack or ""),
    ]
    return csv_response("alert-statistics.csv", [_("Breakdown"), _("Value"), _("Alerts")], rows)
