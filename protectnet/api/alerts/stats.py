"""Alert statistics: the schema documents suppression, the payload mirrors the page."""

from datetime import date
from typing import Literal

from ninja import Field, Router, Schema

from protectnet.access.routes import requires
from protectnet.alerts import selectors
from protectnet.core.suppression import THRESHOLD

SUPPRESSED = (
    "true when the count is hidden (count is then null): 1-4 ('fewer_than_5'), or a larger "
    "count hidden so that a small one cannot be worked out by subtraction "
    "('protects_a_small_count'); a breakdown that cannot be protected is one row "
    "('too_few_to_break_down'). Only in network figures."
)


class CountRow(Schema):
    label: str
    count: int | None = Field(description="null when suppressed")
    suppressed: bool = Field(description=SUPPRESSED)
    reason: Literal["fewer_than_5", "protects_a_small_count", "too_few_to_break_down"] | None = None


class StatsOut(Schema):
    """Vetted law enforcement ("agency"): exact counts of the alerts they can open. Everyone else
    ("network"): alerts sent before period_end only, TLP:RED and retracted alerts left out, and
    small cells suppressed (see `suppressed`); no median over fewer than 5 acknowledgements."""

    basis: Literal["network", "agency"]
    period_end: date | None = Field(description="network figures: alerts sent before this day")
    threshold: int = Field(description="smallest count shown (and rows a median needs)")
    total: int | None
    total_suppressed: bool
    by_type: list[CountRow]
    by_origin: list[CountRow]
    by_destination: list[CountRow]
    by_month: list[CountRow]
    by_outcome: list[CountRow]
    acknowledged: int | None
    acknowledged_suppressed: bool
    not_acknowledged: int | None
    not_acknowledged_suppressed: bool
    median_hours_to_ack: float | None
    median_suppressed: bool = Field(description="true when fewer than 5 acknowledgements")


def _row(cell) -> dict:
    return {
        "label": cell.label,
        "count": cell.count,
        "suppressed": cell.suppressed,
        "reason": cell.reason or None,
    }


def stats_payload(s) -> dict:
    breakdowns = ("by_type", "by_origin", "by_destination", "by_month", "by_outcome")
    scalars = ("total", "acknowledged", "not_acknowledged")
    return {
        "basis": s.basis,
        "period_end": s.period_end,
        "threshold": THRESHOLD,
        **{name: [_row(c) for c in getattr(s, name)] for name in breakdowns},
        **{name: getattr(s, name).count for name in scalars},
        **{f"{name}_suppressed": getattr(s, name).suppressed for name in scalars},
        "median_hours_to_ack": s.median_hours_to_ack,
        "median_suppressed": s.median_suppressed,
    }


router = Router()


@router.get(
    "/alerts/statistics",
    response=StatsOut,
    summary="Counts only: exact for vetted law enforcement, small cells suppressed for others",
)
@requires("alerts.stats.view")
def alerts_stats_get(request):
    return stats_payload(selectors.alert_stats(user=request.user))
