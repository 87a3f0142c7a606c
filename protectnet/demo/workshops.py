"""Demo: the 5th regional workshop in Phnom Penh (3-4 March 2014) and four earlier editions,
with fictitious delegations, registrations, attendance, feedback and outcomes, so that the
series report has something to show. Idempotent (a workshop that exists is left alone) and
seeded, so every run builds the same data. People come from the network demo.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from protectnet.demo.workshops_data import (
    AGENDA,
    COUNTRIES,
    EDITIONS,
    GENDERS,
    OUTCOMES,
    SEED,
    SERIES,
    SPEAKERS,
    Edition,
)
from protectnet.network.models import Country, Membership, Organisation, Person
from protectnet.workshops.models import (
    DayAttendance,
    Delegation,
    FeedbackReceipt,
    FeedbackResponse,
    Invitation,
    Nomination,
    Outcome,
    Registration,
    Series,
    Session,
    SessionChoice,
    SessionRating,
    Speaker,
    Workshop,
)
from protectnet.workshops.models.registrations import hash_token
from protectnet.workshops.services.editions import to_utc


def load() -> None:
    if not Country.objects.filter(code="KH").exists():
        return  # the network demo builds the directory first
    rng = random.Random(SEED)
    series, _ = Series.objects.get_or_create(
        name=SERIES,
        defaults={"description": "Yearly regional workshops of the child protection network."},
    )
    speakers = [
        Speaker.objects.get_or_create(name=name, defaults={"affiliation": aff})[0]
        for name, aff in SPEAKERS
    ]
    people = _people_by_country()
    for edition in EDITIONS:
        _edition(rng, series, edition, speakers, people)


def _people_by_country() -> dict[str, list[tuple[Person, Organisation]]]:
    rows = (
        Membership.objects.filter(person__erased_at__isnull=True, person__user__isnull=True)
        .exclude(person__email="")
        .select_related("person", "organisation__country")
        .order_by("person__full_name", "pk")
    )
    result: dict[str, list] = {}
    seen = set()
    for m in rows:
        if m.person_id in seen:
            continue
        seen.add(m.person_id)
        result.setdefault(str(m.organisation.country.code), []).append((m.person, m.organisation))
    return result


def _org(name_part: str, country: str) -> Organisation | None:
    return Organisation.objects.filter(Q(name__icontains=name_part), country__code=country).first()


def _edition(rng, series, e: Edition, speakers, people) -> None:
    if Workshop.objects.filter(series=series, edition=e.number).exists():
        return
    host = Country.objects.get(code=e.country)
    workshop = Workshop.objects.create(
        series=series,
        edition=e.number,
        title=f"{_ordinal(e.number)} regional child protection workshop, {e.city}",
        host_country=host,
        city=e.city,
        venue_name=e.venue,
        venue_address=e.address,
        time_zone=e.tz,
        start_date=e.start,
        end_date=e.start + timedelta(days=e.days - 1),
        lead_organisation=Organisation.objects.filter(
            country__code="GB", sector="law_enforcement", parent__isnull=True
        ).first(),
        description=(
            "Two days for law enforcement, ministries and NGOs of the region to hear from "
            "experts and agree how regional collaboration can reduce opportunities for "
            "children to be exploited."
        ),
        status="completed",
        public_page=e.number == 5,
    )
    funder = _org("Foreign, Commonwealth", "GB")
    if funder:
        workshop.funders.set([funder])
    embassy = _org("Embassy", "KH")
    if embassy and e.number == 5:
        workshop.partners.set([embassy])
    sessions = _agenda(rng, workshop, e, speakers)
    registrations = _delegations(rng, workshop, people)
    if e.number == 5:
        registrations.append(_guest(workshop))
    _attendance(rng, workshop, sessions, registrations)
    _outcomes(rng, workshop)


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def _agenda(rng, workshop, e: Edition, speakers) -> list[Session]:
    sessions = []
    for day, start, end, kind, title, capacity in AGENDA:
        if day >= e.days:
            continue
        d = e.start + timedelta(days=day if e.days == 2 or day == 0 else day + 1)
        session = Session.objects.create(
            workshop=workshop,
            title=title,
            kind=kind,
            starts_at=to_utc(workshop, d, start),
            ends_at=to_utc(workshop, d, end),
            room="Breakout room" if kind == "breakout" else "Main hall",
            capacity=capacity,
        )
        if kind in ("plenary", "panel", "training") and "Lunch" not in title:
            session.speakers.set(rng.sample(speakers, 2))
            session.chairs.set([speakers[1]])
        sessions.append(session)
    return sessions


def _delegations(rng, workshop, people) -> list[Registration]:
    registrations = []
    for code in COUNTRIES:
        pool = people.get(code, [])
        if not pool:
            continue
        quota = 8 if code in ("KH", str(workshop.host_country.code)) else 6
        chosen = rng.sample(pool, min(len(pool), quota + 1))
        delegation = Delegation.objects.create(
            workshop=workshop, country=Country.objects.get(code=code), quota=quota
        )
        held = registered = 0
        for i, (person, org) in enumerate(chosen):
            status = "approved" if i < quota else "waitlisted"
            nomination = Nomination.objects.create(
                delegation=delegation, person=person, status=status
            )
            held += status == "approved"
            if status != "approved":
                continue
            invitation = Invitation.objects.create(
                workshop=workshop,
                person=person,
                delegation=delegation,
                nomination=nomination,
                token_hash=hash_token(f"demo-{workshop.pk}-{person.pk}-{rng.random()}"),
            )
            cancelled = rng.random() < 0.08
            registrations.append(
                Registration.objects.create(
                    workshop=workshop,
                    invitation=invitation,
                    person=person,
                    delegation=delegation,
                    country=delegation.country,
                    organisation=org,
                    sector=org.sector,
                    gender=rng.choice(GENDERS),
                    consent_participant_list=rng.random() < 0.85,
                    status="cancelled" if cancelled else "registered",
                    cancelled_at=timezone.now() if cancelled else None,
                    sensitive_deleted_at=timezone.now(),
                )
            )
            registered += not cancelled
        delegation.seats_held, delegation.seats_registered = held, registered
        delegation.save(update_fields=["seats_held", "seats_registered"])
    return [r for r in registrations if r.status == "registered"]


def _guest(workshop) -> Registration:
    """guest@protectnet.test: invited without a delegation, registered with the details a
    participant gives (fictitious)."""
    person = Person.objects.get(email="guest@protectnet.test")
    invitation = Invitation.objects.create(
        workshop=workshop, person=person, token_hash=hash_token(f"demo-guest-{workshop.pk}")
    )
    return Registration.objects.create(
        workshop=workshop,
        invitation=invitation,
        person=person,
        country=Country.objects.filter(code="VN").first(),
        sector="international",
        consent_participant_list=True,
        dietary_needs="Vegetarian",
        needs_visa_letter=True,
        passport_full_name="NGUYEN THU HA",
        passport_number="C0000000",
        passport_nationality="Vietnamese",
        passport_expiry=date(2031, 1, 1),
        emergency_contact_name="A fictitious relative",
        emergency_contact_phone="+84 20 0000 0000",
        arrival_on=date(2014, 3, 2),
        departure_on=date(2014, 3, 5),
    )


def _attendance(rng, workshop, sessions, registrations) -> None:
    breakouts = [s for s in sessions if s.kind == "breakout"]
    rated = [s for s in sessions if s.kind in ("plenary", "panel", "training", "breakout")]
    days, choices, ratings = [], [], []
    for r in registrations:
        if rng.random() < 0.06:
            continue  # registered but never came: the report shows them as no-shows
        for day in workshop.days:
            if day == workshop.start_date or rng.random() < 0.9:
                moment = datetime.combine(day, time(8, 40), tzinfo=workshop.tz)
                days.append(
                    DayAttendance(registration=r, day=day, method="scan", checked_in_at=moment)
                )
        room = [b for b in breakouts if b.seats_taken < (b.capacity or 0)]
        if room:
            pick = rng.choice(room)
            pick.seats_taken += 1
            choices.append(SessionChoice(registration=r, session=pick))
        if rng.random() < 0.75:
            ratings.append(_feedback(rng, workshop, r, rated))
    DayAttendance.objects.bulk_create(days)
    SessionChoice.objects.bulk_create(choices)
    for b in breakouts:
        b.save(update_fields=["seats_taken"])
    SessionRating.objects.bulk_create([x for group in ratings for x in group])


def _feedback(rng, workshop, registration, rated) -> list[SessionRating]:
    anonymous = rng.random() < 0.3
    before = rng.choice([1, 2, 2, 3, 3, 4])
    FeedbackReceipt.objects.create(registration=registration)
    response = FeedbackResponse.objects.create(
        workshop=workshop,
        registration=None if anonymous else registration,
        overall_rating=rng.choice([3, 4, 4, 5, 5, 5]),
        knowledge_before=before,
        knowledge_after=min(5, before + rng.choice([0, 1, 1, 2])),
        comments=rng.choice(["", "", "Very useful contacts.", "More time for breakouts."]),
    )
    return [
        SessionRating(response=response, session=s, rating=rng.choice([3, 4, 4, 5, 5]))
        for s in rng.sample(rated, min(4, len(rated)))
    ]


def _outcomes(rng, workshop) -> None:
    orgs = list(Organisation.objects.filter(country__code__in=COUNTRIES).order_by("pk"))
    countries = list(Country.objects.filter(code__in=COUNTRIES))
    statuses = ["done", "done", "partly_done", "in_progress", "not_done"]
    for kind, title in OUTCOMES:
        outcome = Outcome.objects.create(
            workshop=workshop,
            kind=kind,
            title=title,
            owner_organisation=rng.choice(orgs),
            due_on=workshop.end_date + timedelta(days=180),
            status=rng.choice(statuses),
        )
        outcome.countries.set(rng.sample(countries, 3))
