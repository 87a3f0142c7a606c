"""The dashboard: what needs the reader now, one chart of their area, then the apps' cards.

An app opts in with a `dashboard.py` module (found by `core.providers`) exposing any of:
- `cards(user) -> list[Card]`: figures at a glance;
- `needs(user) -> list[Need]`: what waits for this reader, each a count and the list where they
  act on it (a need with a count of 0 is not shown);
- `trend(user) -> TrendOffer | None`: a chart of the reader's area. A reader with several
  roles sees one chart only, the offer with the lowest `order`, and only that one is counted.
Each function must cost a constant number of queries (they all run on every home-page view),
and figures that read more than the reader's own rows come from `core.versions.cached`, keyed
on the principal's scope, so a second visit counts nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

from protectnet.access.principal import principal_for

from . import charts, versions
from .providers import providers


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    detail: str = ""
    url: str = ""
    order: int = 100


@dataclass(frozen=True)
class Need:
    label: str
    count: int
    url: str
    order: int = 100


@dataclass(frozen=True)
class Trend:
    """Values over time; the page shows the chart and the same values in a table."""

    title: str
    labels: list[str]
    series: dict[str, list[int]]

    @property
    def svg(self):
        # About a phone's column wide, so that its text is not scaled below legibility there.
        return charts.line_chart(self.title, self.labels, self.series, width=340)

    @property
    def rows(self) -> list[tuple[str, list[int]]]:
        return [
            (label, [v[i] for v in self.series.values()]) for i, label in enumerate(self.labels)
        ]


@dataclass(frozen=True)
class TrendOffer:
    order: int
    build: Callable[[], Trend]


def _own_needs(user) -> list[Need]:
    """Core's need: admins learn here that emails are stuck, not from the people waiting."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from protectnet.access.policy import can

    from .selectors import undelivered_count

    if not can(user, "email.manage"):
        return []
    # Live: an indexed count over a table the worker empties; its status changes are bulk
    # updates that send no signal a data version could follow.
    return [
        Need(_("Undelivered emails"), undelivered_count(user=user), reverse("core:email_list"), 5)
    ]


def _provider_modules():
    return [m for m in providers("dashboard") if m.__name__ != __name__]  # the loader itself


def dashboard_cards(user) -> list[Card]:
    """Ask every app with a `dashboard` module for its cards (each filters through the policy)."""
    cards: list[Card] = []
    for module in _provider_modules():
        if hasattr(module, "cards"):
            cards.extend(module.cards(user))
    return sorted(cards, key=lambda c: (c.order, c.title))


def dashboard_needs(user) -> list[Need]:
    """Only what is due: an empty list lets the page say that nothing needs the reader."""
    needs = _own_needs(user)
    for module in _provider_modules():
        if hasattr(module, "needs"):
            needs.extend(module.needs(user))
    return sorted((n for n in needs if n.count > 0), key=lambda n: (n.order, n.label))


def dashboard_trend(user) -> Trend | None:
    offers = [
        offer
        for module in _provider_modules()
        if hasattr(module, "trend") and (offer := module.trend(user)) is not None
    ]
    return min(offers, key=lambda o: o.order).build() if offers else None


def month_starts(today: date, count: int = 12) -> list[date]:
    """The first day of this month and of the `count - 1` before it, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def quarter_starts(today: date, count: int = 8) -> list[date]:
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return [m for m in month_starts(first, 3 * count) if m.month % 3 == 1]


def quarter_label(start: date) -> str:
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def period_trend(
    user,
    *,
    title: str,
    series: dict[str, str],
    version: str,
    count: Callable[[date], dict[str, dict[str, int]]],
    quarters: bool = False,
    key: tuple = (),
) -> Trend:
    """The last twelve months (or eight quarters) of an app's figures, counted once per data
    version and reader's scope.

    `count(first)` returns, for each key of `series`, the counts keyed by "YYYY-MM" of each
    period's first month since `first`; `series` names each key on the chart. `key` tells apart
    charts of one app (a trainer's own figure and the network's)."""
    today = timezone.localdate()
    starts = quarter_starts(today) if quarters else month_starts(today)
    counted = versions.cached(
        version,
        ("trend", *key, principal_for(user).scope, starts[0]),
        lambda: count(starts[0]),
    )
    label = quarter_label if quarters else None
    labels = per_period({}, starts, label)[0]
    values = {name: per_period(counted[k], starts, label)[1] for k, name in series.items()}
    return Trend(title, labels, values)


def per_period(counted: dict[str, int], starts: list[date], label=None) -> tuple[list, list]:
    """Labels and values for every period, zero where nothing was counted (`counted` is keyed
    by "YYYY-MM" of each period's first month)."""
    label = label or (lambda d: date_format(d, "YEAR_MONTH_FORMAT"))
    return [label(d) for d in starts], [counted.get(d.strftime("%Y-%m"), 0) for d in starts]
