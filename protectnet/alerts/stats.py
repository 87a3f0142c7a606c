"""Network statistics without personal data: counts by type, country and month, and the median
time to acknowledgement. They read only the columns that survive the retention purge."""

from dataclasses import dataclass
from statistics import median

from django.db.models import Count, FloatField, Func, QuerySet
from django.db.models.functions import TruncMonth
from django_countries import countries

from protectnet.access.policy import require

from .models import Alert, AlertRecipient, AlertType, Outcome

COUNTED = Alert.objects.filter(sent_at__isnull=False)


@dataclass(frozen=True)
class AlertStats:
    total: int
    by_type: list[tuple[str, int]]
    by_origin: list[tuple[str, int]]
    by_destination: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]
    acknowledged: int
    not_acknowledged: int
    median_hours_to_ack: float | None


def _country_rows(rows) -> list[tuple[str, int]]:
    return sorted(((countries.name(code) or code, n) for code, n in rows), key=lambda r: -r[1])


class HoursBetween(Func):
    """Hours from the first datetime to the second, computed by the database."""

    arity = 2
    output_field = FloatField()
    arg_joiner = " - "
    template = "CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS double precision) / 3600"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s)) * 24",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _median_hours(acknowledged: QuerySet, count: int) -> float | None:
    """The median time to acknowledgement, reading only the one or two middle rows (the
    acknowledged rows of every alert would otherwise come to Python to be sorted)."""
    if not count:
        return None
    hours = (
        acknowledged.annotate(hours=HoursBetween("acknowledged_at", "delivered_at"))
        .order_by("hours")
        .values_list("hours", flat=True)
    )
    return round(median(hours[(count - 1) // 2 : count // 2 + 1]), 1)


def alert_stats(*, user) -> AlertStats:
    """Admins (and the reports app) only. The queries never touch an encrypted column."""
    require(user, "alerts.stats.view")
    alerts = COUNTED.all()
    types = dict(AlertType.choices)
    by_type = [
        (str(types.get(t, t)), n)
        for t, n in alerts.values_list("alert_type").annotate(n=Count("id")).order_by("-n")
    ]
    by_origin = _country_rows(
        alerts.values_list("origin_country__code").annotate(n=Count("id")).order_by()
    )
    recipients = AlertRecipient.objects.filter(alert__sent_at__isnull=False)
    by_destination = _country_rows(
        recipients.values_list("country__code").annotate(n=Count("alert", distinct=True)).order_by()
    )
    months = (
        alerts.annotate(month=TruncMonth("sent_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    by_month = [(m.strftime("%Y-%m"), n) for m, n in months]
    outcomes = dict(Outcome.choices)
    by_outcome = [
        (str(outcomes.get(o, o)), n)
        for o, n in recipients.exclude(outcome="")
        .values_list("outcome")
        .annotate(n=Count("id"))
        .order_by("-n")
    ]
    acknowledged = recipients.filter(acknowledged_at__isnull=False)
    acknowledged_count = acknowledged.count()
    return AlertStats(
        total=alerts.count(),
        by_type=by_type,
        by_origin=by_origin,
        by_destination=by_destination,
        by_month=by_month,
        by_outcome=by_outcome,
        acknowledged=acknowledged_count,
        not_acknowledged=recipients.filter(acknowledged_at__isnull=True).count(),
        median_hours_to_ack=_median_hours(acknowledged, acknowledged_count),
    )
