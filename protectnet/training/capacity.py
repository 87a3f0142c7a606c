"""The capacity built: people trained per country, agency, sector and course over time.

Kirkpatrick's levels in one place: completion (reach), knowledge gain from the pre- and
post-tests (learning; Hake's normalised gain g = (post - pre) / (max - pre) on class means), and
the 3- and 6-month follow-ups (behaviour: applied on the job). The database does the counting,
grouped by the breakdown's column, so the cost is a handful of queries over the rows the user's
scope allows and Python only sees one row per group (and per period).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    FloatField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from protectnet.access.policy import visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.network.models import Sector

from .models import Applied, Enrolment, EnrolmentStatus, FollowUp, TestKind

VERSION = "training.capacity"  # the data version the cached reports are keyed on
MAX_SERIES = 6  # more lines than this are unreadable; the table holds every group
DIMENSIONS = {
    "country": _("Country"),
    "agency": _("Agency"),
    "sector": _("Sector"),
    "course": _("Course"),
}
# The column each breakdown groups by; grouping by the label's own column keeps "people
# trained" a count of distinct people even when two agencies or courses share a name.
COLUMNS = {
    "country": "organisation__country__code",
    "agency": "organisation__name",
    "sector": "organisation__sector",
    "course": "delivery__course__title",
}
COMPLETED = Q(status=EnrolmentStatus.COMPLETED)
COUNTED = ~Q(status=EnrolmentStatus.WITHDRAWN)
# Knowledge gain only over trainees with both tests, so the two means compare like for like.
BOTH_TESTS = COUNTED & Q(pre_test__isnull=False, post_test__isnull=False)


@dataclass
class Group:
    label: str
    enrolled: int = 0
    completed: int = 0
    withdrawn: int = 0
    trained: int = 0
    scored: int = 0
    pre_sum: float = 0.0
    post_sum: float = 0.0
    asked: int = 0
    answered: int = 0
    applied: int = 0

    @property
    def completion_rate(self) -> float | None:
        return round(100 * self.completed / self.enrolled, 1) if self.enrolled else None

    @property
    def mean_pre(self) -> float | None:
        return round(self.pre_sum / self.scored, 1) if self.scored else None

    @property
    def mean_post(self) -> float | None:
        return round(self.post_sum / self.scored, 1) if self.scored else None

    @property
    def gain(self) -> float | None:
        if self.mean_pre is None or self.mean_post is None:
            return None
        return round(self.mean_post - self.mean_pre, 1)

    @property
    def normalised_gain(self) -> float | None:
        if self.gain is None or self.mean_pre is None or self.mean_pre >= 100:
            return None
        return round(self.gain / (100 - self.mean_pre), 2)

    @property
    def application_rate(self) -> float | None:
        return round(100 * self.applied / self.answered, 1) if self.answered else None

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.answered / self.asked, 1) if self.asked else None

    def add(self, figures: dict) -> None:
        for name, value in figures.items():
            setattr(self, name, getattr(self, name) + (value or 0))


@dataclass
class Capacity:
    dimension: str
    total: Group
    groups: list[Group]
    periods: list[str]
    trained_by_period: list[int]
    # {group label: [people trained in each period]}, for the largest groups.
    by_group_over_time: dict[str, list[int]] = field(default_factory=dict)


def _label(value, dimension: str) -> str:
    if dimension == "country":
        return str((value and countries.name(value)) or "—")
    if dimension == "sector":
        return str(dict(Sector.choices).get(value, "—"))
    return value


def _percent(test: str):
    """A submission's score in per cent (0 for an empty test, as TestSubmission.percent)."""
    return Case(
        When(**{f"{test}__max_score": 0}, then=Value(0.0)),
        default=Value(100.0) * F(f"{test}__score") / F(f"{test}__max_score"),
        output_field=FloatField(),
    )


def _enrolment_figures(enrolments: QuerySet, column: str) -> QuerySet:
    """One row per group: counts by status and the sums behind the mean test scores."""
    kinds = {
        f"{kind}_test": FilteredRelation("submissions", condition=Q(submissions__kind=kind))
        for kind in (TestKind.PRE, TestKind.POST)
    }
    return (
        enrolments.annotate(**kinds)
        .values(key=F(column))
        .annotate(
            enrolled=Count("pk", filter=COUNTED),
            completed=Count("pk", filter=COMPLETED),
            withdrawn=Count("pk", filter=~COUNTED),
            trained=Count("person_id", distinct=True, filter=COMPLETED),
            scored=Count("pk", filter=BOTH_TESTS),
            pre_sum=Sum(_percent("pre_test"), filter=BOTH_TESTS),
            post_sum=Sum(_percent("post_test"), filter=BOTH_TESTS),
        )
    )


def _followup_figures(enrolments: QuerySet, column: str) -> QuerySet:
    answered = Q(answered_at__isnull=False)
    return (
        FollowUp.objects.filter(enrolment__in=enrolments.filter(COUNTED).values("pk"))
        .values(key=F(f"enrolment__{column}"))
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=answered),
            applied=Count("pk", filter=answered & Q(applied__in=[Applied.YES, Applied.PARTLY])),
        )
        .order_by()
    )


def _period_fields(by: str) -> dict:
    fields = {"year": ExtractYear("delivery__start_date")}
    if by != "year":
        fields["quarter"] = ExtractQuarter("delivery__start_date")
    return fields


def _period(row: dict) -> str:
    return str(row["year"]) if "quarter" not in row else f"{row['year']} Q{row['quarter']}"


def _trained_over_time(enrolments: QuerySet, column: str, by: str):
    """People trained per period, in all and per group (distinct people in each)."""
    completed = enrolments.filter(COMPLETED)
    people = Count("person_id", distinct=True)
    periods = _period_fields(by)
    total = {_period(r): r["n"] for r in completed.values(**periods).annotate(n=people)}
    grouped = completed.values(key=F(column), **periods).annotate(n=people)
    return total, [(r["key"], _period(r), r["n"]) for r in grouped]


def _enrolments(user, start: date | None, end: date | None) -> QuerySet:
    qs = visible(user, Enrolment.objects.all())
    if start:
        qs = qs.filter(delivery__start_date__gte=start)
    if end:
        qs = qs.filter(delivery__start_date__lte=end)
    return qs.order_by()


def _cached_label(labels: dict, key, dimension: str) -> str:
    if key not in labels:
        labels[key] = _label(key, dimension)
    return labels[key]


def _groups(enrolments: QuerySet, column: str, label_of) -> tuple[dict[str, Group], Group]:
    """The groups by label, and the total (people trained counted once across groups)."""
    groups: dict[str, Group] = {}
    total = Group(label=str(_("All")))
    figures = list(_enrolment_figures(enrolments, column))
    if not figures:
        return groups, total
    for rows in (figures, _followup_figures(enrolments, column)):
        for row in rows:
            label = label_of(row.pop("key"))
            groups.setdefault(label, Group(label=label)).add(row)
            total.add({k: v for k, v in row.items() if k != "trained"})
    total.trained = enrolments.filter(COMPLETED).aggregate(n=Count("person_id", distinct=True))["n"]
    return groups, total


def capacity_report(
    *,
    user,
    dimension: str = "country",
    start: date | None = None,
    end: date | None = None,
    by: str = "year",
) -> Capacity:
    """The report, counted once per version of the training data and reader's scope: a second
    reading (the page, then its export) costs one indexed query."""
    dimension = dimension if dimension in DIMENSIONS else "country"
    by = by if by in ("year", "quarter") else "year"
    parts = (principal_for(user).scope, dimension, start, end, by, get_language())
    return versions.cached(
        VERSION, parts, lambda: _count(user=user, dimension=dimension, start=start, end=end, by=by)
    )


def _count(*, user, dimension: str, start: date | None, end: date | None, by: str) -> Capacity:
    column = COLUMNS[dimension]
    enrolments = _enrolments(user, start, end)
    labels: dict = {}  # group key -> label, resolved once per group
    groups, total = _groups(enrolments, column, lambda key: _cached_label(labels, key, dimension))
    if not groups:
        # Nothing in scope (a trainer before their first delivery): no need to ask for more.
        return Capacity(dimension, total, groups=[], periods=[], trained_by_period=[])
    trained_in, grouped = _trained_over_time(enrolments, column, by)
    group_in: dict[tuple[str, str], int] = defaultdict(int)
    for key, period, n in grouped:
        group_in[(_cached_label(labels, key, dimension), period)] += n
    periods = sorted(trained_in)
    ordered = sorted(groups.values(), key=lambda g: (-g.trained, g.label))
    return Capacity(
        dimension=dimension,
        total=total,
        groups=ordered,
        periods=periods,
        trained_by_period=[trained_in[p] for p in periods],
        by_group_over_time={
            g.label: [group_in[(g.label, p)] for p in periods]
            for g in ordered[:MAX_SERIES]
            if g.trained
        },
    )


HEADER = [
    _("Group"),
    _("People trained"),
    _("Enrolled"),
    _("Completed"),
    _("Withdrew"),
    _("Completion rate (%)"),
    _("Mean pre-test (%)"),
    _("Mean post-test (%)"),
    _("Knowledge gain (points)"),
    _("Normalised gain g"),
    _("Follow-ups sent"),
    _("Follow-ups answered"),
    _("Applied on the job (percentage of answers)"),
]


def table_rows(report: Capacity) -> list[list]:
    return [
        [
            g.label,
            g.trained,
            g.enrolled,
            g.completed,
            g.withdrawn,
            g.completion_rate,
            g.mean_pre,
            g.mean_post,
            g.gain,
            g.normalised_gain,
            g.asked,
            g.answered,
            g.application_rate,
        ]
        for g in [*report.groups, report.total]
    ]
