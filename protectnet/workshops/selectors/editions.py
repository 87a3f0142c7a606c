"""Workshops, the agenda, delegations and nominations."""

from itertools import groupby

from django.apps import apps
from django.db.models import Max, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from protectnet.access.policy import get_visible_or_404, visible
from protectnet.core.providers import providers

from ..models import Delegation, Nomination, Series, Session, SessionKind, Speaker, Workshop
from ..zones import time_zone_for


def workshop_list(*, user) -> QuerySet:
    return visible(user, Workshop.objects.all()).select_related(
        "series", "host_country", "lead_organisation"
    )


def workshop_get(*, user, id) -> Workshop:
    qs = Workshop.objects.select_related("series", "host_country", "lead_organisation")
    qs = qs.prefetch_related("funders", "partners")
    return get_visible_or_404(user, qs, pk=id)


def series_list(*, user) -> QuerySet:
    return visible(user, Series.objects.all())


def series_get(*, user, id) -> Series:
    return get_visible_or_404(user, Series.objects.all(), pk=id)


def next_edition(*, series: Series) -> int:
    """The edition number after the series' highest (1 for a new series)."""
    highest = Workshop.objects.filter(series=series).aggregate(n=Max("edition"))["n"]
    return (highest or 0) + 1


def _pk(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def workshop_defaults(*, user, series_id=None, host_country_id=None) -> dict:
    """What a new workshop's form starts with: the series asked for (else the latest edition's),
    its next edition number, and the host country's time zone."""
    initial: dict = {}
    series = visible(user, Series.objects.filter(pk=_pk(series_id))).first()
    if series is None:
        latest = workshop_list(user=user).order_by("-start_date", "-pk").first()
        series = latest.series if latest else None
    if series is not None:
        initial.update(series=series.pk, edition=next_edition(series=series))
    country = apps.get_model("network", "Country").objects.filter(pk=_pk(host_country_id)).first()
    if country is not None:
        initial.update(host_country=country.pk, time_zone=time_zone_for(country.code))
    return initial


def series_workshops(*, user, series: Series) -> QuerySet:
    return visible(user, Workshop.objects.filter(series=series)).select_related("host_country")


def session_list(*, user, workshop: Workshop) -> QuerySet:
    """The agenda: a fixed number of queries however many sessions and speakers."""
    speakers = Speaker.objects.order_by("name")
    return (
        visible(user, Session.objects.filter(workshop=workshop))
        .select_related("workshop")
        .prefetch_related(
            Prefetch("chairs", queryset=speakers),
            Prefetch("speakers", queryset=speakers),
            Prefetch("resources", queryset=resource_choices(user=user)),
        )
    )


def workshop_session_get(*, workshop: Workshop, id) -> Session:
    """A session of this workshop (the workshop already passed the caller's scope), or 404."""
    session = Session.objects.filter(workshop=workshop, pk=id).first()
    if session is None:
        raise Http404
    return session


def workshop_sessions(*, workshop: Workshop, kind: str | None = None) -> QuerySet:
    """The workshop's sessions in agenda order, unshaped (the check-in desk, the invitee)."""
    qs = Session.objects.filter(workshop=workshop)
    return qs.filter(kind=kind) if kind else qs


def breakout_list(*, workshop: Workshop, ids) -> list[Session]:
    return list(workshop_sessions(workshop=workshop, kind=SessionKind.BREAKOUT).filter(pk__in=ids))


def session_get(*, user, id) -> Session:
    return get_visible_or_404(
        user,
        Session.objects.select_related("workshop").prefetch_related("chairs", "speakers"),
        pk=id,
    )


def agenda_days(workshop: Workshop, sessions) -> list[tuple]:
    """[(day, [session, ...]), ...] in the venue's time zone, every day shown even if empty."""
    tz = workshop.tz
    by_day = {
        day: list(items)
        for day, items in groupby(
            sessions, key=lambda s: timezone.localtime(s.starts_at, tz).date()
        )
    }
    return [(day, by_day.get(day, [])) for day in workshop.days]


def speaker_choices(*, user) -> QuerySet:
    return visible(user, Speaker.objects.all())


def delegation_list(*, user, workshop: Workshop) -> QuerySet:
    return visible(user, Delegation.objects.filter(workshop=workshop)).select_related("country")


def delegation_get(*, user, id) -> Delegation:
    qs = Delegation.objects.select_related("workshop", "country", "workshop__host_country")
    delegation = get_visible_or_404(user, qs, pk=id)
    # A focal point does not see the delegations of a workshop still in draft.
    if not workshop_list(user=user).filter(pk=delegation.workshop_id).exists():
        raise Http404
    return delegation


def nomination_list(*, user, delegation: Delegation) -> QuerySet:
    return (
        visible(user, Nomination.objects.filter(delegation=delegation))
        .select_related("person", "delegation", "invitation__registration")
        .prefetch_related(_memberships("person__memberships"))
        .order_by("created_at", "pk")
    )


def _memberships(lookup: str = "memberships") -> Prefetch:
    """People's memberships with their organisations, to name each person's organisation."""
    membership = apps.get_model("network", "Membership")
    return Prefetch(lookup, queryset=membership.objects.select_related("organisation"))


def nomination_get(*, user, id) -> Nomination:
    qs = Nomination.objects.select_related("delegation__workshop", "delegation__country", "person")
    return get_visible_or_404(user, qs, pk=id)


def nominable_people(*, user, delegation: Delegation) -> QuerySet:
    """People of the delegation's country, as the directory shows them to this user."""
    person = apps.get_model("network", "Person")
    membership = apps.get_model("network", "Membership")
    local = membership.objects.filter(
        membership.current_q(), organisation__country_id=delegation.country_id
    )
    taken = Nomination.objects.filter(delegation=delegation).values("person_id")
    return (
        visible(user, person.objects.filter(pk__in=local.values("person_id")))
        .exclude(pk__in=taken)
        .order_by("full_name")
        .prefetch_related(_memberships())
    )


def resource_choices(*, user) -> QuerySet:
    """Library resources the organiser may link to a session (only those they can see).

    The library provides them (core.providers): workshops does not import another feature app.
    Without it installed, a session links to nothing."""
    for module in providers("linkable"):
        return module.resource_choices(user=user)
    return Session.resources.field.related_model.objects.none()


def nominee_get(*, user, id):
    """A person the caller sees in the directory (their memberships loaded), or 404."""
    person = apps.get_model("network", "Person")
    qs = person.objects.prefetch_related("memberships__organisation")
    return get_visible_or_404(user, qs, pk=id)


def invitable_people(*, user) -> QuerySet:
    person = apps.get_model("network", "Person")
    qs = visible(user, person.objects.exclude(email=""))
    return qs.order_by("full_name").prefetch_related(_memberships())
