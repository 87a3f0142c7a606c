"""The funder's report: figures per workshop and across a series, in a fixed number of queries.

Only non-sensitive, snapshotted fields are read (country, sector, gender, attendance), so the
report is the same before and after the retention job deletes the sensitive fields. Non-answers
and dropouts are always reported beside the figures.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from protectnet.core import charts
from protectnet.network.models import Sector

from .models import (
    DayAttendance,
    FeedbackResponse,
    Outcome,
    OutcomeStatus,
    Registration,
    RegistrationStatus,
    SessionRating,
    Workshop,
)

ACTIVE = RegistrationStatus.REGISTERED


def _pct(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _round(value) -> float | None:
    return None if value is None else round(float(value), 2)


@dataclass
class Headline:
    registered: int = 0
    cancelled: int = 0
    countries: int = 0
    organisations: int = 0
    attended: int = 0
    participant_days: int = 0
    responses: int = 0
    mean_rating: float | None = None
    top_ratings: int = 0
    knowledge_answers: int = 0
    knowledge_before: float | None = None
    knowledge_after: float | None = None
    improved: int = 0
    outcomes: dict = field(default_factory=dict)

    @property
    def no_shows(self) -> int:
        return max(0, self.registered - self.attended)

    @property
    def non_responses(self) -> int:
        return max(0, self.attended - self.responses)

    @property
    def response_rate(self) -> float | None:
        return _pct(self.responses, self.attended)

    @property
    def top_share(self) -> float | None:
        return _pct(self.top_ratings, self.responses)

    @property
    def knowledge_gain(self) -> float | None:
        if self.knowledge_before is None or self.knowledge_after is None:
            return None
        return round(self.knowledge_after - self.knowledge_before, 2)

    @property
    def outcomes_total(self) -> int:
        return sum(self.outcomes.values())

    @property
    def outcomes_done_share(self) -> float | None:
        return _pct(self.outcomes.get(OutcomeStatus.DONE, 0), self.outcomes_total)


def headlines(workshop_ids: list[int]) -> dict[int, Headline]:
    """Headline figures for several workshops: five queries whatever their number."""
    out = {pk: Headline() for pk in workshop_ids}
    regs = (
        Registration.objects.filter(workshop_id__in=workshop_ids)
        .values("workshop_id")
        .annotate(
            registered=Count("pk", filter=Q(status=ACTIVE)),
            cancelled=Count("pk", filter=~Q(status=ACTIVE)),
            countries=Count("country", filter=Q(status=ACTIVE), distinct=True),
            organisations=Count("organisation", filter=Q(status=ACTIVE), distinct=True),
        )
    )
    for row in regs:
        h = out[row["workshop_id"]]
        h.registered, h.cancelled = row["registered"], row["cancelled"]
        h.countries, h.organisations = row["countries"], row["organisations"]
    days = (
        DayAttendance.objects.filter(registration__workshop_id__in=workshop_ids)
        .values("registration__workshop_id")
        .annotate(people=Count("registration", distinct=True), days=Count("pk"))
    )
    for row in days:
        h = out[row["registration__workshop_id"]]
        h.attended, h.participant_days = row["people"], row["days"]
    feedback = (
        FeedbackResponse.objects.filter(workshop_id__in=workshop_ids)
        .values("workshop_id")
        .annotate(
            n=Count("pk"),
            mean=Avg("overall_rating"),
            top=Count("pk", filter=Q(overall_rating__gte=4)),
        )
    )
    for row in feedback:
        h = out[row["workshop_id"]]
        h.responses, h.mean_rating, h.top_ratings = row["n"], _round(row["mean"]), row["top"]
    both = Q(knowledge_before__isnull=False, knowledge_after__isnull=False)
    knowledge = (
        FeedbackResponse.objects.filter(both, workshop_id__in=workshop_ids)
        .values("workshop_id")
        .annotate(
            n=Count("pk"),
            before=Avg("knowledge_before"),
            after=Avg("knowledge_after"),
            improved=Count("pk", filter=Q(knowledge_after__gt=F("knowledge_before"))),
        )
    )
    for row in knowledge:
        h = out[row["workshop_id"]]
        h.knowledge_answers, h.improved = row["n"], row["improved"]
        h.knowledge_before, h.knowledge_after = _round(row["before"]), _round(row["after"])
    for row in (
        Outcome.objects.filter(workshop_id__in=workshop_ids)
        .values("workshop_id", "status")
        .annotate(n=Count("pk"))
    ):
        out[row["workshop_id"]].outcomes[row["status"]] = row["n"]
    return out


def _breakdown(values, labels: dict | None = None, empty: str = "") -> list[tuple[str, int]]:
    counts = Counter(values)
    rows = [((labels or {}).get(k, k) if k else empty, n) for k, n in counts.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def workshop_report(workshop: Workshop) -> dict:
    """Everything the funder's page and PDF show for one workshop."""
    head = headlines([workshop.pk])[workshop.pk]
    rows = list(
        Registration.objects.filter(workshop=workshop, status=ACTIVE)
        .select_related("country")
        .values_list("country__code", "sector", "gender")
    )
    from django_countries import countries as country_names

    not_stated = _("not stated")
    by_country = _breakdown([c for c, _s, _g in rows], dict(country_names), empty=not_stated)
    by_sector = _breakdown([s for _c, s, _g in rows], dict(Sector.choices), empty=not_stated)
    by_gender = _breakdown([(g or "").strip().lower() for _c, _s, g in rows], empty=not_stated)
    per_day = dict(
        DayAttendance.objects.filter(registration__workshop=workshop)
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    attendance = [
        (day, per_day.get(day, 0), _pct(per_day.get(day, 0), head.registered))
        for day in workshop.days
    ]
    sessions = list(
        SessionRating.objects.filter(response__workshop=workshop)
        .values("session_id", "session__title", "session__starts_at")
        .annotate(n=Count("pk"), mean=Avg("rating"), top=Count("pk", filter=Q(rating__gte=4)))
        .order_by("session__starts_at", "session_id")
    )
    session_rows = [
        (s["session__title"], s["n"], _round(s["mean"]), _pct(s["top"], s["n"])) for s in sessions
    ]
    outcomes = list(
        Outcome.objects.filter(workshop=workshop)
        .select_related("owner_organisation")
        .prefetch_related("countries")
        .order_by("kind", "due_on", "pk")
    )
    status_labels = dict(OutcomeStatus.choices)
    progress = [(status_labels[k], head.outcomes.get(k, 0)) for k in status_labels]
    return {
        "workshop": workshop,
        "head": head,
        "by_country": by_country,
        "by_sector": by_sector,
        "by_gender": by_gender,
        "attendance": attendance,
        "sessions": session_rows,
        "outcomes": outcomes,
        "progress": progress,
        "charts": {
            "country": charts.bar_chart(_("Participants by country"), by_country),
            "sector": charts.bar_chart(_("Participants by sector"), by_sector),
            "attendance": charts.bar_chart(
                _("Attendance per day"), [(date_format(d), n) for d, n, _p in attendance]
            ),
            "progress": charts.bar_chart(_("Outcomes by status"), progress),
        },
    }


def series_report(workshops: list[Workshop]) -> dict:
    workshops = sorted(workshops, key=lambda w: w.edition)
    heads = headlines([w.pk for w in workshops])
    rows = [(w, heads[w.pk]) for w in workshops]
    labels = [f"{w.edition}. {w.city}" for w in workshops]
    series = defaultdict(list)
    for _w, h in rows:
        series[_("Registered")].append(h.registered)
        series[_("Attended")].append(h.attended)
    return {
        "rows": rows,
        "charts": {
            "reach": charts.line_chart(_("Participants per edition"), labels, dict(series)),
            "satisfaction": charts.bar_chart(
                _("Mean satisfaction (1-5)"),
                [(label, h.mean_rating or 0) for label, (_w, h) in zip(labels, rows, strict=True)],
                max_value=5,
            ),
            "done": charts.bar_chart(
                _("Outcomes done (%)"),
                [
                    (label, h.outcomes_done_share or 0)
                    for label, (_w, h) in zip(labels, rows, strict=True)
                ],
                unit="%",
                max_value=100,
            ),
        },
    }
