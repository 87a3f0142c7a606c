"""Alert statistics: counts without personal data, as a page and a CSV (see
..selectors.stats for who sees exact figures and how small cells are suppressed for everyone
else)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from protectnet.access.routes import requires
from protectnet.core.charts import bar_chart, line_chart
from protectnet.core.exports import csv_response

from .. import selectors, services


def _shown(cells) -> list[tuple[str, float]]:
    """Charts draw exact cells only: a bar for "fewer than 5" would show its size."""
    return [(c.label, float(c.count)) for c in cells if not c.suppressed]


def _month_chart(cells):
    if any(c.suppressed for c in cells):
        return bar_chart(_("Alerts sent per month"), _shown(cells))
    return line_chart(
        _("Alerts sent per month"),
        [c.label for c in cells],
        {_("Alerts"): [float(c.count) for c in cells]},
    )


@requires("alerts.stats.view")
def stats(request: HttpRequest) -> HttpResponse:
    data = selectors.alert_stats(user=request.user)
    charts = {
        "by_type": bar_chart(_("Alerts by type"), _shown(data.by_type)),
        "by_origin": bar_chart(_("Alerts by origin country"), _shown(data.by_origin)),
        "by_destination": bar_chart(
            _("Alerts by destination country"), _shown(data.by_destination)
        ),
        "by_month": _month_chart(data.by_month),
    }
    return render(request, "alerts/stats.html", {"stats": data, "charts": charts})


@requires("alerts.stats.view")
def stats_export(request: HttpRequest) -> HttpResponse:
    data = services.alert_stats_export(actor=request.user, request=request)
    median = data.median_hours_to_ack
    if data.median_suppressed:
        median = _("not shown (fewer than 5 acknowledgements)")
    rows = [
        (_("alerts sent"), "", data.total.display),
        *((_("type"), c.label, c.display) for c in data.by_type),
        *((_("origin country"), c.label, c.display) for c in data.by_origin),
        *((_("destination country"), c.label, c.display) for c in data.by_destination),
        *((_("month"), c.label, c.display) for c in data.by_month),
        *((_("outcome"), c.label, c.display) for c in data.by_outcome),
        (_("acknowledgements"), _("acknowledged"), data.acknowledged.display),
        (_("acknowledgements"), _("not acknowledged"), data.not_acknowledged.display),
        (_("median hours to acknowledge"), "", "" if median is None else median),
    ]
    return csv_response("alert-statistics.csv", [_("Breakdown"), _("Value"), _("Alerts")], rows)
