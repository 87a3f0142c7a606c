"""Dashboard cards: the trainee's open tasks, a trainer's deliveries, capacity for the network;
what waits for each (results to enter, follow-ups, evaluations, certificates) and people trained
per month."""

from django.db.models import Count, Max, Min
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Card, Need, Trend, TrendOffer, period_trend

from .capacity import VERSION
from .models import Certificate, Delivery, Enrolment, EnrolmentStatus, Evaluation, FollowUp


def cards(user) -> list[Card]:
    if not can(user, "training.course.view"):
        return []
    p = principal_for(user)
    out = []
    if p.person_id:
        mine = visible(user, Enrolment.objects.filter(person_id=p.person_id))
        current = mine.filter(status=EnrolmentStatus.ENROLLED).count()
        waiting = visible(
            user, FollowUp.objects.filter(enrolment__person_id=p.person_id, answered_at=None)
        ).count()
        if current or waiting:
            out.append(
                Card(
                    title=_("My courses"),
                    value=str(current),
                    detail=_("%(n)s follow-up questions waiting") % {"n": waiting}
                    if waiting
                    else _("Courses you are enrolled in."),
                    url=reverse("training:my_training"),
                    order=30,
                )
            )
        if p.has("trainer"):
            upcoming = visible(
                user,
                Delivery.objects.filter(trainers=p.person_id, end_date__gte=timezone.localdate()),
            ).count()
            out.append(
                Card(
                    title=_("Deliveries you train"),
                    value=str(upcoming),
                    detail=_("Current and upcoming."),
                    url=reverse("training:course_list"),
                    order=31,
                )
            )
    if can(user, "training.capacity.view"):
        year = timezone.localdate().year
        trained = versions.cached(
            VERSION, ("dashboard", p.scope, year), lambda: _trained_in(user, year)
        )
        out.append(
            Card(
                title=_("People trained this year"),
                value=str(trained),
                detail=_("Completed a course in %(year)s.") % {"year": year},
                url=reverse("training:capacity"),
                order=32,
            )
        )
    return out


def _trained_in(user, year: int) -> int:
    # Starting from this year's deliveries and counting distinct people in one aggregate
    # lets SQLite use the delivery index instead of walking every enrolment by person.
    this_year = Delivery.objects.filter(start_date__year=year).values("pk")
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, delivery__in=this_year)
    return visible(user, completed).aggregate(n=Count("person_id", distinct=True))["n"]


# Needs and the chart: counted once per version of these models (apps.py watches them),
# reader's scope and day, since "ended", "upcoming" and "recent" follow the date.
DASHBOARD_VERSION = "training.dashboard"
WATCHED = (Delivery, Delivery.trainers.through, Enrolment, FollowUp, Evaluation, Certificate)
RECENT_CERTIFICATE_DAYS = 30


def needs(user) -> list[Need]:
    if not can(user, "training.course.view"):
        return []
    today = timezone.localdate()
    scope = principal_for(user).scope
    figures = versions.cached(
        DASHBOARD_VERSION, ("needs", scope, today), lambda: _count_needs(user, today)
    )
    mine = reverse("training:my_training")
    count, single = figures["results"]
    results = (
        reverse("training:delivery_detail", args=[single])
        if single is not None
        else reverse("training:course_list")
    )
    return [
        Need(_("Deliveries with results to enter"), count, results, 30),
        Need(_("Your courses under way or to come"), figures["courses"], mine, 33),
        Need(_("Follow-up questions to answer"), figures["followups"], mine, 34),
        Need(_("Course evaluations to give"), figures["evaluations"], mine, 35),
        Need(_("New certificates to download"), figures["certificates"], mine, 36),
    ]


def _count_needs(user, today) -> dict:
    p = principal_for(user)
    own = Enrolment.objects.filter(person_id=p.person_id)
    recent = timezone.now() - timezone.timedelta(days=RECENT_CERTIFICATE_DAYS)
    return {
        "results": _results_to_enter(user, p.person_id, today) if p.has("trainer") else (0, None),
        "courses": visible(
            user, own.filter(status=EnrolmentStatus.ENROLLED, delivery__end_date__gte=today)
        ).count(),
        "followups": visible(
            user, FollowUp.objects.filter(enrolment__in=own, answered_at=None)
        ).count(),
        "evaluations": visible(
            user, own.filter(status=EnrolmentStatus.COMPLETED, evaluation=None)
        ).count(),
        "certificates": visible(
            user,
            Certificate.objects.filter(
                enrolment__in=own, issued_at__gte=recent, revoked_at__isnull=True
            ),
        ).count(),
    }


def _results_to_enter(user, person_id, today) -> tuple[int, int | None]:
    """The trainer's deliveries that ended without their completion marked: one query, and the
    delivery itself when there is only one."""
    ended = Delivery.objects.filter(
        trainers=person_id, end_date__lt=today, completion_marked_at__isnull=True
    )
    found = visible(user, ended).aggregate(n=Count("pk"), first=Min("pk"), last=Max("pk"))
    return found["n"], found["first"] if found["first"] == found["last"] else None


def trend(user) -> TrendOffer | None:
    p = principal_for(user)
    if p.is_admin:  # the network's figure; focal points and trainers get their own area's
        return TrendOffer(10, lambda: _trend(user, _("People trained per month"), None))
    if p.has("trainer") and p.person_id:
        title = _("People you trained per month")
        return TrendOffer(40, lambda: _trend(user, title, p.person_id))
    return None


def _trend(user, title: str, trainer_id: int | None) -> Trend:
    return period_trend(
        user,
        title=title,
        series={"trained": _("People trained")},
        version=DASHBOARD_VERSION,
        key=(trainer_id,),
        count=lambda first: {"trained": _trained_by_month(user, first, trainer_id)},
    )


def _trained_by_month(user, first, trainer_id: int | None) -> dict[str, int]:
    """People who completed a course, by the month its delivery ended (a person twice in a
    month counts once)."""
    deliveries = Delivery.objects.filter(end_date__gte=first)
    if trainer_id is not None:
        deliveries = deliveries.filter(trainers=trainer_id)
    completed = Enrolment.objects.filter(
        status=EnrolmentStatus.COMPLETED, delivery__in=deliveries.values("pk")
    )
    months = visible(user, completed).annotate(month=TruncMonth("delivery__end_date"))
    rows = months.values_list("month").annotate(n=Count("person_id", distinct=True)).order_by()
    return {month.strftime("%Y-%m"): n for month, n in rows}
