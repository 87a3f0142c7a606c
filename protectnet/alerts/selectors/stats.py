"""Network statistics without personal data: counts by type, country and month, and the median
time to acknowledgement. They read only the columns that survive the retention purge.

Who sees what (the access policy decides, `alerts.stats.view`):
- A vetted law-enforcement member ("agency" figures): exact counts of the alerts they can already
  open, through the alert scope, live. Nothing outside their scope is counted.
- Everyone else allowed in (network admins who are not vetted law enforcement): "network"
  figures that tell nobody when an alert was sent or to whom. They count only alerts sent before
  the current calendar month began (so the figures change once a month, never on the day an
  alert goes out), leave out TLP:RED and retracted alerts, and suppress small cells
  (protectnet/core/suppression.py: 1-4 is "fewer than 5", secondary cells so that no hidden
  cell comes back by subtraction, no median over fewer than 5 acknowledgements).
"""

from dataclasses import dataclass
from datetime import date, datetime
from statistics import median

from django.db.models import Count, FloatField, Func, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django_countries import countries

from protectnet.access.markings import Marking
from protectnet.access.policy import require, visible
from protectnet.access.principal import principal_for
from protectnet.core import suppression, versions
from protectnet.core.suppression import THRESHOLD, Cell

from ..models import Alert, AlertRecipient, AlertType, Outcome

COUNTED = Alert.objects.filter(sent_at__isnull=False)
NETWORK, AGENCY = "network", "agency"
# What the figures count (alerts/apps.py watches these models): computed once per version.
VERSION = "alerts.stats"


@dataclass(frozen=True)
class AlertStats:
    basis: str  # NETWORK or AGENCY
    period_end: date | None  # NETWORK: alerts sent before this day only
    total: Cell
    by_type: list[Cell]
    by_origin: list[Cell]
    by_destination: list[Cell]
    by_month: list[Cell]
    by_outcome: list[Cell]
    acknowledged: Cell
    not_acknowledged: Cell
    median_hours_to_ack: float | None
    median_suppressed: bool

    @property
    def suppressed(self) -> bool:
        cells = [self.total, self.acknowledged, self.not_acknowledged]
        for rows in (self.by_type, self.by_origin, self.by_destination, self.by_month):
            cells += rows
        return self.median_suppressed or any(c.suppressed for c in cells + self.by_outcome)


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
    acknowledged rows of every alert would otherwise come to Python to be sorted). None under
    THRESHOLD rows: a median of one to four values gives one of them away. (The query runs from
    the first row on, so the page costs the same number of queries whatever the count.)"""
    if not count:
        return None
    hours = (
        acknowledged.annotate(hours=HoursBetween("acknowledged_at", "delivered_at"))
        .order_by("hours")
        .values_list("hours", flat=True)
    )
    middle = list(hours[(count - 1) // 2 : count // 2 + 1])
    return round(median(middle), 1) if count >= THRESHOLD else None


def _month_start(now) -> datetime:
    return timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class _Basis:
    name: str
    alerts: QuerySet
    recipients: QuerySet
    acknowledged: Q  # which recipient rows count as acknowledged
    outcome: Q  # which recorded outcomes count
    period_end: date | None


def _basis(user, now) -> _Basis:
    if principal_for(user).is_le_vetted:
        alerts = visible(user, COUNTED.all())
        recipients = visible(user, AlertRecipient.objects.filter(alert__sent_at__isnull=False))
        return _Basis(AGENCY, alerts, recipients, Q(acknowledged_at__isnull=False), Q(), None)
    cutoff = _month_start(now)
    alerts = COUNTED.filter(sent_at__lt=cutoff, retracted_at__isnull=True).exclude(
        marking=Marking.RED
    )
    recipients = AlertRecipient.objects.filter(alert__in=alerts.values("pk"))
    return _Basis(
        NETWORK,
        alerts,
        recipients,
        Q(acknowledged_at__lt=cutoff),
        Q(outcome_at__isnull=True) | Q(outcome_at__lt=cutoff),
        cutoff.date(),
    )


def _breakdowns(basis: _Basis) -> dict[str, list[tuple[str, int]]]:
    alerts, recipients = basis.alerts, basis.recipients
    types, outcomes = dict(AlertType.choices), dict(Outcome.choices)
    months = (
        alerts.annotate(month=TruncMonth("sent_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    return {
        "by_type": [
            (str(types.get(t, t)), n)
            for t, n in alerts.values_list("alert_type").annotate(n=Count("id")).order_by("-n")
        ],
        "by_origin": _country_rows(
            alerts.values_list("origin_country__code").annotate(n=Count("id")).order_by()
        ),
        "by_destination": _country_rows(
            recipients.values_list("country__code")
            .annotate(n=Count("alert", distinct=True))
            .order_by()
        ),
        "by_month": [(m.strftime("%Y-%m"), n) for m, n in months],
        "by_outcome": [
            (str(outcomes.get(o, o)), n)
            for o, n in recipients.exclude(outcome="")
            .filter(basis.outcome)
            .values_list("outcome")
            .annotate(n=Count("id"))
            .order_by("-n")
        ],
    }


def alert_stats(*, user, now=None) -> AlertStats:
    """Counts only; the queries never touch an encrypted column. See the module docstring.
    Counted once per version of the alerts and reader's scope (and month, for the network
    figures): the page and its export after it cost one indexed query."""
    require(user, "alerts.stats.view")
    now = now or timezone.now()
    p = principal_for(user)
    month = None if p.is_le_vetted else _month_start(now)
    parts = (p.scope, month, get_language())
    return versions.cached(VERSION, parts, lambda: _count(user, now))


def _count(user, now) -> AlertStats:
    basis = _basis(user, now)
    network = basis.name == NETWORK
    cells = suppression.protect if network else suppression.exact
    acknowledged = basis.recipients.filter(basis.acknowledged)
    acknowledged_count = acknowledged.count()
    responses = cells(
        [
            ("acknowledged", acknowledged_count),
            ("not_acknowledged", basis.recipients.exclude(basis.acknowledged).count()),
        ]
    )
    if len(responses) == 1:  # withheld as a whole: both figures say so
        responses = responses * 2
    total = basis.alerts.count()
    median_hours = _median_hours(acknowledged, acknowledged_count)
    return AlertStats(
        basis=basis.name,
        period_end=basis.period_end,
        total=suppression.total(total) if network else Cell("", total),
        **{name: cells(rows) for name, rows in _breakdowns(basis).items()},
        acknowledged=responses[0],
        not_acknowledged=responses[1],
        median_hours_to_ack=median_hours,
        median_suppressed=0 < acknowledged_count < THRESHOLD,
    )
