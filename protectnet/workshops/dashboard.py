"""The dashboard: the next workshop this user may see; what waits for them (seats to nominate,
nominations to decide, their own workshops and feedback); a focal point's participants."""

from datetime import date

from django.db.models import Count, F, Max, Min, QuerySet, Sum
from django.db.models.functions import TruncQuarter
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import (
    Card,
    Need,
    Trend,
    TrendOffer,
    period_trend,
)

from .models import (
    Delegation,
    FeedbackReceipt,
    Nomination,
    NominationStatus,
    Registration,
    RegistrationStatus,
    Workshop,
    WorkshopStatus,
)
from .selectors.editions import workshop_list

# Needs and the chart are counted once per version of these models (apps.py watches them),
# reader's scope and day: "open", "upcoming" and "ended" follow the date.
VERSION = "workshops.dashboard"
WATCHED = (Workshop, Delegation, Nomination, Registration, FeedbackReceipt)


def cards(user) -> list[Card]:
    if not can(user, "workshops.workshop.list"):
        return []
    today = timezone.localdate()
    upcoming = workshop_list(user=user).filter(end_date__gte=today).order_by("start_date")
    nxt = upcoming.first()
    result = [
        Card(
            title=_("Workshops"),
            value=str(upcoming.count()),
            detail=(
                _("Next: %(t)s, %(d)s") % {"t": nxt.title, "d": date_format(nxt.start_date)}
                if nxt
                else _("No upcoming workshop")
            ),
            url=reverse("workshops:workshop_list"),
            order=20,
        )
    ]
    if can(user, "workshops.nomination.decide"):
        pending = _cached_needs(user)["to_decide"][0]
        if pending:
            result.append(
                Card(
                    title=_("Nominations to decide"),
                    value=str(pending),
                    detail=_("awaiting the organisers' approval"),
                    url=reverse("workshops:workshop_list"),
                    order=21,
                )
            )
    return result


def needs(user) -> list[Need]:
    if not can(user, "workshops.workshop.list"):
        return []
    figures = _cached_needs(user)
    found = [
        _need(_("Seats your country can still nominate"), figures["seats"], "delegation_list", 20),
        _need(_("Your upcoming workshops"), figures["upcoming"], "registration_me", 24),
        _need(_("Workshop feedback to give"), figures["feedback"], "feedback_me", 25),
    ]
    if can(user, "workshops.nomination.decide"):
        found.append(_need(_("Nominations to decide"), figures["to_decide"], "delegation_list", 21))
        found.append(_need(_("Workshops open with seats left"), figures["open"], "", 22))
    return found


def _cached_needs(user) -> dict[str, tuple[int, int | None]]:
    today = timezone.localdate()
    return versions.cached(
        VERSION, ("needs", principal_for(user).scope, today), lambda: _count_needs(user, today)
    )


def _need(label: str, figure: tuple[int, int | None], page: str, order: int) -> Need:
    """`figure` is (count, the one workshop concerned or None): a single workshop links to the
    page where the reader acts on it, several to the list of workshops."""
    count, workshop_id = figure
    if workshop_id is None:
        url = reverse("workshops:workshop_list")
    else:
        url = reverse(f"workshops:{page or 'workshop_detail'}", args=[workshop_id])
    return Need(label, count, url, order)


def _count_needs(user, today: date) -> dict[str, tuple[int, int | None]]:
    p = principal_for(user)
    own = Registration.objects.filter(person_id=p.person_id, status=RegistrationStatus.REGISTERED)
    open_ = Delegation.objects.filter(workshop__status=WorkshopStatus.REGISTRATION_OPEN)
    figures = {
        "upcoming": _figure(visible(user, own.filter(workshop__end_date__gte=today))),
        "feedback": _figure(
            visible(user, own.filter(workshop__start_date__lte=today, feedback_receipt=None))
        ),
        "to_decide": (0, None),
        "open": (0, None),
        "seats": (0, None),
    }
    if p.is_admin:
        pending = Nomination.objects.filter(status=NominationStatus.NOMINATED)
        figures["to_decide"] = _figure(visible(user, pending), "delegation__workshop_id")
        with_seats = open_.filter(quota__gt=F("seats_registered"))
        figures["open"] = _figure(visible(user, with_seats), count=Count("workshop", distinct=True))
    if p.focal_country_ids:
        mine = open_.filter(country_id__in=list(p.focal_country_ids), quota__gt=F("seats_held"))
        figures["seats"] = _figure(visible(user, mine), count=Sum(F("quota") - F("seats_held")))
    return figures


def _figure(rows: QuerySet, workshop: str = "workshop_id", count=None) -> tuple[int, int | None]:
    """One query: how many, and the workshop when they all concern the same one."""
    found = rows.order_by().aggregate(
        n=count or Count("pk"), first=Min(workshop), last=Max(workshop)
    )
    single = found["first"] if found["first"] == found["last"] else None
    return found["n"] or 0, single


def trend(user) -> TrendOffer | None:
    if not principal_for(user).focal_country_ids:
        return None
    return TrendOffer(20, lambda: _trend(user))


def _trend(user) -> Trend:
    return period_trend(
        user,
        title=_("Your country's workshop participants per quarter"),
        series={"participants": _("Participants")},
        version=VERSION,
        count=lambda first: {"participants": _participants_by_quarter(user, first)},
        quarters=True,
    )


def _participants_by_quarter(user, first: date) -> dict[str, int]:
    """Registered participants of the focal point's delegations, by the workshop's first day."""
    countries = list(principal_for(user).focal_country_ids)
    rows = visible(
        user,
        Registration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            delegation__country_id__in=countries,
            workshop__start_date__gte=first,
        ),
    )
    quarters = rows.annotate(quarter=TruncQuarter("workshop__start_date")).values_list("quarter")
    return {q.strftime("%Y-%m"): n for q, n in quarters.annotate(n=Count("pk")).order_by()}
