"""Workshops, speakers, the agenda's sessions and the delegations' quotas."""

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.policy import require
from protectnet.core import multilingual
from protectnet.core.multilingual import Translations
from protectnet.network.models import Country, Organisation

from ..models import Delegation, Series, Session, SessionKind, Speaker, Workshop, WorkshopStatus
from .delegations import promote_waitlist


@dataclass(frozen=True)
class WorkshopInput:
    """A workshop edition's record; funders and partners come beside it."""

    series: Series
    edition: int
    title: str
    host_country: Country
    city: str
    venue_name: str
    time_zone: str
    start_date: date
    end_date: date
    venue_address: str = ""
    lead_organisation: Organisation | None = None
    description: str = ""
    status: str = WorkshopStatus.DRAFT
    public_page: bool = False

    @classmethod
    def of(cls, workshop: Workshop) -> "WorkshopInput":
        """The workshop as it is now (the base a partial change starts from)."""
        return cls(**{n: multilingual.read_original(workshop, n) for n in WORKSHOP_FIELDS})


WORKSHOP_FIELDS = tuple(f.name for f in fields(WorkshopInput))


def to_utc(workshop: Workshop, day: date, at: time) -> datetime:
    """A wall-clock time at the venue on one of the workshop's days, as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=workshop.tz).astimezone(UTC)


def workshop_create(
    *, actor, data: WorkshopInput, funders=(), partners=(), translations: Translations | None = None
) -> Workshop:
    require(actor, "workshops.workshop.manage")
    with transaction.atomic():
        workshop = Workshop()
        for name in WORKSHOP_FIELDS:
            multilingual.write_original(workshop, name, getattr(data, name))
        multilingual.write_translations(workshop, translations)
        workshop.full_clean()
        multilingual.save_original(workshop)
        workshop.funders.set(funders)
        workshop.partners.set(partners)
        audit.record("workshops.workshop.create", actor=actor, obj=workshop)
    return workshop


def series_create(*, actor, name: str, description: str = "") -> Series:
    """A new series (names are unique: full_clean refuses a name already taken)."""
    require(actor, "workshops.series.create")
    with transaction.atomic():
        series = Series(name=name, description=description)
        series.full_clean()
        series.save()
        audit.record("workshops.series.create", actor=actor, obj=series)
    return series


def workshop_update(
    *,
    actor,
    workshop: Workshop,
    data: WorkshopInput,
    funders=None,
    partners=None,
    translations: Translations | None = None,
) -> Workshop:
    """`translations` None keeps the other languages' versions as they are."""
    require(actor, "workshops.workshop.manage", workshop)
    with transaction.atomic():
        read = multilingual.read_original
        changed = [n for n in WORKSHOP_FIELDS if read(workshop, n) != getattr(data, n)]
        for name in changed:
            multilingual.write_original(workshop, name, getattr(data, name))
        columns = multilingual.write_translations(workshop, translations)
        workshop.full_clean()
        # Venue, zone or dates change every event of the calendar: bump them all.
        workshop.sequence += 1
        workshop.updated_at = timezone.now()
        multilingual.save_original(workshop, [*changed, *columns, "sequence", "updated_at"])
        if funders is not None:
            workshop.funders.set(funders)
        if partners is not None:
            workshop.partners.set(partners)
        workshop.sessions.update(sequence=F("sequence") + 1, updated_at=workshop.updated_at)
        audit.record(
            "workshops.workshop.update",
            actor=actor,
            obj=workshop,
            data={"fields": [*changed, *columns]},
        )
    return workshop


def speaker_create(*, actor, name: str, affiliation: str = "", person=None) -> Speaker:
    require(actor, "workshops.workshop.manage")
    with transaction.atomic():
        speaker = Speaker(name=name, affiliation=affiliation, person=person)
        speaker.full_clean()
        speaker.save()
        audit.record("workshops.speaker.create", actor=actor, obj=speaker)
    return speaker


def _check_session(workshop: Workshop, session: Session) -> None:
    first = to_utc(workshop, workshop.start_date, time(0, 0))
    last = to_utc(workshop, workshop.end_date, time(23, 59))
    if session.starts_at < first or session.ends_at > last:
        raise ValidationError(_("A session must take place during the workshop's days."))
    if session.capacity is not None and session.seats_taken > session.capacity:
        raise ValidationError(
            {"capacity": _("%(n)d people already chose this session.") % {"n": session.seats_taken}}
        )


@dataclass(frozen=True)
class SessionInput:
    """One session of the agenda, times in UTC: the page's form and the API both produce one."""

    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""
    room: str = ""
    capacity: int | None = None
    chairs: tuple = ()
    speakers: tuple = ()
    resources: tuple = ()

    @classmethod
    def of(cls, session: Session) -> "SessionInput":
        """The session as it is now (the base a partial change starts from)."""
        values = {name: multilingual.read_original(session, name) for name in SESSION_FIELDS}
        people = {name: tuple(getattr(session, name).all()) for name in SESSION_LINKS}
        return cls(**values, **people)


SESSION_LINKS = ("chairs", "speakers", "resources")
SESSION_FIELDS = tuple(f.name for f in fields(SessionInput) if f.name not in SESSION_LINKS)


def _check_times(data: SessionInput) -> None:
    # Keyed as the page and the API name the fields a person filled in.
    if data.ends_at <= data.starts_at:
        raise ValidationError({"end_time": [_("A session must end after it starts.")]})
    if data.kind != SessionKind.BREAKOUT and data.capacity:
        raise ValidationError({"capacity": [_("Only breakout sessions have a capacity.")]})


def session_save(
    *,
    actor,
    workshop: Workshop,
    data: SessionInput,
    session: Session | None = None,
    translations: Translations | None = None,
) -> Session:
    """Create or change a session; its calendar event and the workshop's calendar update.
    `translations` None keeps the other languages' titles as they are."""
    require(actor, "workshops.workshop.manage", workshop)
    _check_times(data)
    with transaction.atomic():
        if session is None:
            session = Session(workshop=workshop)
        else:
            session = Session.objects.select_for_update().get(pk=session.pk, workshop=workshop)
            session.sequence += 1
        for name in SESSION_FIELDS:
            multilingual.write_original(session, name, getattr(data, name))
        multilingual.write_translations(session, translations)
        if data.kind != SessionKind.BREAKOUT:
            session.capacity = None
        session.updated_at = timezone.now()
        session.full_clean()
        _check_session(workshop, session)
        multilingual.save_original(session)
        session.chairs.set(data.chairs)
        session.speakers.set(data.speakers)
        session.resources.set(data.resources)
        Workshop.objects.filter(pk=workshop.pk).update(
            sequence=F("sequence") + 1, updated_at=session.updated_at
        )
        audit.record("workshops.session.save", actor=actor, obj=session)
    return session


def delegation_set_quota(*, actor, workshop: Workshop, country, quota: int) -> Delegation:
    """Set a country's seats; never below the seats already held; a raise admits waitlisted."""
    require(actor, "workshops.workshop.manage", workshop)
    if quota < 0:
        raise ValidationError({"quota": _("A quota cannot be negative.")})
    with transaction.atomic():
        delegation, _created = Delegation.objects.get_or_create(workshop=workshop, country=country)
        delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
        if quota < max(delegation.seats_held, delegation.seats_registered):
            raise ValidationError(
                {
                    "quota": _("%(n)d seats are already held in this delegation.")
                    % {"n": max(delegation.seats_held, delegation.seats_registered)}
                }
            )
        delegation.quota = quota
        delegation.save(update_fields=["quota"])
        promote_waitlist(delegation)
        audit.record(
            "workshops.delegation.quota", actor=actor, obj=delegation, data={"quota": quota}
        )
    return delegation
