"""The capacity built: people trained per country, agency, sector and course over time.

Kirkpatrick's levels in one place: completion (reach), knowledge gain from the pre- and
post-tests (learning; Hake's normalised gain g = (post - pre) / (max - pre) on class means), and
the 3- and 6-month follow-ups (behaviour: applied on the job). Three queries whatever the data
size; aggregation happens in Python over the rows the user's scope allows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from protectnet.access.policy import visible
from protectnet.network.models import Sector

from .models import Applied, Enrolment, EnrolmentStatus, FollowUp, TestKind, TestSubmission

MAX_SERIES = 6  # more lines than this are unreadable; the table holds every group
DIMENSIONS = {
    "country": _("Country"),
    "agency": _("Agency"),
    "sector": _("Sector"),
    "course": _("Course"),
}


@dataclass
class Group:
    label: str
    enrolled: int = 0
    completed: int = 0
    withdrawn: int = 0
    people: set = field(default_factory=set)
    pre: list = field(default_factory=list)
    post: list = field(default_factory=list)
    asked: int = 0
    answered: int = 0
    applied: int = 0

    @property
    def trained(self) -> int:
        return len(self.people)

    @property
    def completion_rate(self) -> float | None:
        return round(100 * self.completed / self.enrolled, 1) if self.enrolled else None

    @property
    def mean_pre(self) -> float | None:
        return round(sum(self.pre) / len(self.pre), 1) if self.pre else None

    @property
    def mean_post(self) -> float | None:
        return round(sum(self.post) / len(self.post), 1) if self.post else None

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


@dataclass
class Capacity:
    dimension: str
    total: Group
    groups: list[Group]
    periods: list[str]
    trained_by_period: list[int]
    # {group label: [people trained in each period]}, for the largest groups.
    by_group_over_time: dict[str, list[int]] = field(default_factory=dict)


def _label(row: dict, dimension: str) -> str:
    if dimension == "country":
        return str(countries.name(row["organisation__country__code"]) or "—")
    if dimension == "agency":
        return row["organisation__name"]
    if dimension == "sector":
        return str(dict(Sector.choices).get(row["organisation__sector"], "—"))
    return row["delivery__course__title"]


def _scores(enrolment_ids) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = defaultdict(dict)
    rows = TestSubmission.objects.filter(enrolment_id__in=enrolment_ids).values_list(
        "enrolment_id", "kind", "score", "max_score"
    )
    for enrolment_id, kind, score, max_score in rows:
        out[enrolment_id][kind] = 100 * score / max_score if max_score else 0.0
    return out


def _followups(enrolment_ids) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    rows = FollowUp.objects.filter(enrolment_id__in=enrolment_ids).values_list(
        "enrolment_id", "answered_at", "applied"
    )
    for enrolment_id, answered_at, applied in rows:
        out[enrolment_id].append((answered_at is not None, applied))
    return out


def _add(group: Group, row: dict, scores: dict, followups: list) -> None:
    if row["status"] == EnrolmentStatus.WITHDRAWN:
        group.withdrawn += 1
        return
    group.enrolled += 1
    if row["status"] == EnrolmentStatus.COMPLETED:
        group.completed += 1
        group.people.add(row["person_id"])
    # Knowledge gain only over trainees with both tests, so the two means compare like for like.
    if TestKind.PRE in scores and TestKind.POST in scores:
        group.pre.append(scores[TestKind.PRE])
        group.post.append(scores[TestKind.POST])
    for answered, applied in followups:
        group.asked += 1
        group.answered += answered
        group.applied += answered and applied in (Applied.YES, Applied.PARTLY)


def _period(day: date, by: str) -> str:
    return str(day.year) if by == "year" else f"{day.year} Q{(day.month - 1) // 3 + 1}"


def capacity_report(
    *,
    user,
    dimension: str = "country",
    start: date | None = None,
    end: date | None = None,
    by: str = "year",
) -> Capacity:
    dimension = dimension if dimension in DIMENSIONS else "country"
    qs = visible(user, Enrolment.objects.all())
    if start:
        qs = qs.filter(delivery__start_date__gte=start)
    if end:
        qs = qs.filter(delivery__start_date__lte=end)
    rows = list(
        qs.values(
            "pk",
            "person_id",
            "status",
            "delivery__start_date",
            "delivery__course__title",
            "organisation__name",
            "organisation__sector",
            "organisation__country__code",
        )
    )
    ids = [r["pk"] for r in rows]
    scores, followups = _scores(ids), _followups(ids)
    total, groups = Group(label=str(_("All"))), {}
    trained_in: dict[str, set] = defaultdict(set)
    group_in: dict[tuple[str, str], set] = defaultdict(set)
    for row in rows:
        label = _label(row, dimension)
        group = groups.setdefault(label, Group(label=label))
        for target in (total, group):
            _add(target, row, scores.get(row["pk"], {}), followups.get(row["pk"], []))
        if row["status"] == EnrolmentStatus.COMPLETED:
            period = _period(row["delivery__start_date"], by)
            trained_in[period].add(row["person_id"])
            group_in[(label, period)].add(row["person_id"])
    periods = sorted(trained_in)
    ordered = sorted(groups.values(), key=lambda g: (-g.trained, g.label))
    return Capacity(
        dimension=dimension,
        total=total,
        groups=ordered,
        periods=periods,
        trained_by_period=[len(trained_in[p]) for p in periods],
        by_group_over_time={
            g.label: [len(group_in[(g.label, p)]) for p in periods]
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
    _("Applied on the job (% of answers)"),
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
