"""Bulk-build workshops: series, editions, delegations, nominations, invitations, registrations.

Rows are written the way the services leave them, so the pages read a believable history: every
registration comes through an approved nomination and a personal invitation, a cancelled one has
its nomination withdrawn, and each delegation's counters equal its rows (seats_held = approved
nominations, seats_registered = active registrations, both within the quota).
"""

import hashlib
from collections import Counter
from datetime import date, timedelta

from django.utils import timezone

from protectnet.network.models import Country, Membership
from protectnet.workshops.models import (
    Delegation,
    Invitation,
    Nomination,
    Registration,
    Series,
    Workshop,
)
from protectnet.workshops.models.registrations import BADGE_ALPHABET

BATCH = 5_000
CHUNK = 20  # workshops built together: bounds memory at the large scale
CITIES = ["Phnom Penh", "Hanoi", "Bangkok", "Manila", "Vientiane", "Delhi", "Singapore"]
GENDERS = ["woman", "man", "", "woman", "man", "non-binary"]
SPARE_SEATS = 2


def directory() -> list[tuple[int, int, int, str]]:
    """(person, organisation, country, sector) for each bench person, in person order."""
    rows = Membership.objects.order_by("person_id").values_list(
        "person_id", "organisation_id", "organisation__country_id", "organisation__sector"
    )
    return list(rows)


def badge(n: int) -> str:
    """Deterministic, unique badge codes from the service's alphabet (a counter in base 32)."""
    digits = []
    for _ in range(8):
        n, rest = divmod(n, len(BADGE_ALPHABET))
        digits.append(BADGE_ALPHABET[rest])
    return "".join(reversed(digits))


def _status(start: date, today: date) -> str:
    if start + timedelta(days=2) < today:
        return "completed"
    return "registration_closed" if start - today < timedelta(days=7) else "registration_open"


def _workshops(scale) -> list[Workshop]:
    series = Series.objects.bulk_create(
        [Series(name=f"Regional workshop series {i + 1}") for i in range(-(-scale.workshops // 10))]
    )
    hosts = list(Country.objects.order_by("id").values_list("id", flat=True))
    today = timezone.localdate()
    rows = []
    for i in range(scale.workshops):
        # Four years of editions, the last few still open for registration.
        start = today - timedelta(days=1440 - (i * 1500) // max(1, scale.workshops))
        rows.append(
            Workshop(
                series=series[i // 10],
                edition=i % 10 + 1,
                title=f"Regional workshop on transnational child sexual offending {i + 1}",
                host_country_id=hosts[i % len(hosts)],
                city=CITIES[i % len(CITIES)],
                venue_name="Conference centre",
                time_zone="Asia/Bangkok",
                start_date=start,
                end_date=start + timedelta(days=2),
                status=_status(start, today),
                public_page=i % 4 == 0,
            )
        )
    return Workshop.objects.bulk_create(rows, batch_size=BATCH)


def _registrants(people: list, index: int, per_workshop: int) -> list:
    """A window of the directory, different for each workshop; no person twice in one."""
    start = (index * 7919) % len(people)
    window = people[start : start + per_workshop]
    return window + people[: per_workshop - len(window)]


def _build_chunk(workshops: list, people: list, per_workshop: int, counter: int) -> int:
    now = timezone.now()
    plans, delegations = [], []
    for workshop in workshops:
        registrants = _registrants(people, workshop.pk, per_workshop)
        # Every 25th registrant cancelled: seat and nomination given back, as the service does.
        active = Counter(r[2] for n, r in enumerate(registrants) if n % 25 != 24)
        for country_id in sorted({r[2] for r in registrants}):
            delegations.append(
                Delegation(
                    workshop=workshop,
                    country_id=country_id,
                    quota=active[country_id] + SPARE_SEATS,
                    seats_held=active[country_id],
                    seats_registered=active[country_id],
                )
            )
        plans.append((workshop, registrants))
    Delegation.objects.bulk_create(delegations, batch_size=BATCH)
    by_key = {(d.workshop_id, d.country_id): d for d in delegations}
    nominations, invitations, registrations = [], [], []
    for workshop, registrants in plans:
        for n, (person_id, org_id, country_id, sector) in enumerate(registrants):
            cancelled = n % 25 == 24
            delegation = by_key[(workshop.pk, country_id)]
            nominations.append(
                Nomination(
                    delegation=delegation,
                    person_id=person_id,
                    status="withdrawn" if cancelled else "approved",
                    note="Nominated by the country focal point.",
                    created_at=now,
                    decided_at=now,
                )
            )
            token = hashlib.sha256(f"bench-invite-{workshop.pk}-{person_id}".encode()).hexdigest()
            invitations.append(
                Invitation(
                    workshop=workshop,
                    person_id=person_id,
                    delegation=delegation,
                    token_hash=token,
                    created_at=now,
                )
            )
            counter += 1
            registrations.append(
                Registration(
                    workshop=workshop,
                    person_id=person_id,
                    delegation=delegation,
                    status="cancelled" if cancelled else "registered",
                    cancelled_at=now if cancelled else None,
                    country_id=country_id,
                    organisation_id=org_id,
                    sector=sector,
                    gender=GENDERS[n % len(GENDERS)],
                    consent_participant_list=n % 3 != 0,
                    dietary_needs="Vegetarian" if n % 5 == 0 else "",
                    badge_code=badge(counter),
                    created_at=now,
                    updated_at=now,
                )
            )
    Nomination.objects.bulk_create(nominations, batch_size=BATCH)
    for invitation, nomination in zip(invitations, nominations, strict=True):
        invitation.nomination = nomination
    Invitation.objects.bulk_create(invitations, batch_size=BATCH)
    for registration, invitation in zip(registrations, invitations, strict=True):
        registration.invitation = invitation
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    return counter


def build(scale) -> dict:
    people = directory()
    workshops = _workshops(scale)
    # Registration is unique per workshop and person: at most half the directory in one edition.
    per_workshop = min(scale.registrations // max(1, scale.workshops), len(people) // 2)
    counter = 0
    for i in range(0, len(workshops), CHUNK):
        counter = _build_chunk(workshops[i : i + CHUNK], people, per_workshop, counter)
    return {"workshops": len(workshops), "registrations": counter}
