"""Registrations, invitations (by token), attendance and the participant list."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from protectnet.access.policy import get_visible_or_404, visible
from protectnet.access.principal import principal_for

from ..models import (
    DayAttendance,
    Invitation,
    Registration,
    RegistrationStatus,
    SessionChoice,
    hash_token,
)


def invitation_by_token(raw: str) -> Invitation:
    """The token is the credential: unknown, revoked or draft-workshop links are not found."""
    if not raw or len(raw) > 100:
        raise Http404
    invitation = (
        Invitation.objects.select_related(
            "workshop", "workshop__host_country", "person", "delegation"
        )
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True)
        .exclude(workshop__status="draft")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def my_invitation(*, user, workshop) -> Invitation | None:
    """The caller's own current invitation to a workshop they can see (None: not invited)."""
    return my_invitation_to(user=user, workshop_id=workshop.pk)


def my_invitation_to(*, user, workshop_id: int) -> Invitation | None:
    """The same, by the workshop's id (the "me" pages resolve it before the workshop)."""
    person_id = principal_for(user).person_id
    if person_id is None:
        return None
    qs = Invitation.objects.select_related("workshop", "workshop__host_country", "person")
    return (
        visible(user, qs)
        .filter(workshop_id=workshop_id, person_id=person_id, revoked_at__isnull=True)
        .exclude(workshop__status="draft")
        .first()
    )


def registration_for_invitation(invitation: Invitation) -> Registration | None:
    return (
        Registration.objects.select_related("workshop", "person", "delegation__country")
        .prefetch_related(
            Prefetch("session_choices", queryset=SessionChoice.objects.select_related("session"))
        )
        .filter(invitation=invitation)
        .first()
    )


def _shaped(qs: QuerySet) -> QuerySet:
    return qs.select_related(
        "person", "country", "organisation", "delegation__country", "workshop"
    ).prefetch_related(
        Prefetch("day_attendance", queryset=DayAttendance.objects.order_by("day")),
        Prefetch("session_choices", queryset=SessionChoice.objects.select_related("session")),
    )


def registration_list(*, user, workshop, q: str = "", status: str = "") -> QuerySet:
    qs = visible(user, Registration.objects.filter(workshop=workshop))
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(person__full_name__icontains=q) | Q(person__preferred_name__icontains=q))
    return _shaped(qs).order_by("person__full_name", "pk")


def registration_get(*, user, id) -> Registration:
    return get_visible_or_404(user, _shaped(Registration.objects.all()), pk=id)


def my_registration(*, user, workshop) -> Registration | None:
    person_id = getattr(getattr(user, "person", None), "pk", None)
    if person_id is None:
        return None
    return _shaped(Registration.objects.filter(workshop=workshop, person_id=person_id)).first()


def registration_counts(*, workshop) -> dict:
    """Headline numbers for the organiser (one query)."""
    row = Registration.objects.filter(workshop=workshop).aggregate(
        registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        visa=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED, needs_visa_letter=True)),
    )
    row["arrived"] = (
        DayAttendance.objects.filter(registration__workshop=workshop)
        .values("registration_id")
        .distinct()
        .count()
    )
    return row


def participant_list(*, workshop) -> QuerySet:
    """Who may appear on the participant list: registered and consenting."""
    return (
        Registration.objects.filter(
            workshop=workshop,
            status=RegistrationStatus.REGISTERED,
            consent_participant_list=True,
        )
        .select_related("person", "organisation", "country")
        .order_by("country__code", "person__full_name")
    )


def checked_in_ids(*, workshop, day) -> set[int]:
    return set(
        DayAttendance.objects.filter(registration__workshop=workshop, day=day).values_list(
            "registration_id", flat=True
        )
    )


def checkin_counts(*, workshop, day) -> dict:
    """How many registered people are checked in on a day, and of how many (one query)."""
    registered = Registration.objects.filter(
        workshop=workshop, status=RegistrationStatus.REGISTERED
    )
    return registered.aggregate(
        total=Count("pk", distinct=True),
        # One attendance row per person and day (a constraint): distinct rows are people.
        checked_in=Count("day_attendance", filter=Q(day_attendance__day=day), distinct=True),
    )
