"""Bulk-build the directory: countries, organisations, people, memberships, vetting."""

import random
from datetime import timedelta

from django.utils import timezone
from django_countries import countries

from protectnet.network.models import Country, Membership, Organisation, Person, Sector, Vetting

BATCH = 5_000
SECTORS = [s.value for s in Sector]
FIRST = ["Sokha", "Dara", "Ananda", "Linh", "Somchai", "Maria", "Arjun", "Mei", "Aung", "Sarah"]
LAST = ["Chan", "Nguyen", "Srisuk", "Santos", "Sharma", "Wong", "Tan", "Win", "Smith", "Keo"]


def build(scale, rng: random.Random) -> dict:
    codes = ["KH", "VN", "TH", "PH", "LA", "IN", "HK", "SG", "MM", "GB"]
    codes += [c for c, _ in countries if c not in codes][: max(0, scale.countries - len(codes))]
    Country.objects.bulk_create(
        [Country(code=c, region="south_east_asia") for c in codes[: scale.countries]],
        ignore_conflicts=True,
    )
    country_ids = list(Country.objects.order_by("id").values_list("id", flat=True))
    orgs = [
        Organisation(
            name=f"Bench organisation {i}",
            acronym=f"BO{i}",
            sector=SECTORS[i % len(SECTORS)],
            country_id=country_ids[i % len(country_ids)],
            verified=True,
        )
        for i in range(scale.organisations)
    ]
    for org in orgs:
        org.refresh_search_text()  # bulk_create writes what the services would, copies included
    Organisation.objects.bulk_create(orgs, batch_size=BATCH)
    org_ids = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    people = [
        Person(
            full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            email=f"bench{i}@example.test",
            job_title="Officer",
            languages=["en"],
            expertise=["online investigations"] if i % 3 == 0 else ["education"],
            consent_directory=i % 2 == 0,
        )
        for i in range(scale.people)
    ]
    for person in people:
        person.refresh_search_text()
    Person.objects.bulk_create(people, batch_size=BATCH)
    person_ids = list(Person.objects.order_by("id").values_list("id", flat=True))
    Membership.objects.bulk_create(
        [
            Membership(person_id=pid, organisation_id=org_ids[i % len(org_ids)])
            for i, pid in enumerate(person_ids)
        ],
        batch_size=BATCH,
    )
    today = timezone.localdate()
    Vetting.objects.bulk_create(
        [
            Vetting(
                person_id=pid,
                level="law_enforcement",
                verified_on=today - timedelta(days=30),
                expires_on=today + timedelta(days=335),
            )
            for pid in person_ids[:: max(1, len(person_ids) // 500)]
        ],
        batch_size=BATCH,
    )
    return {"country_ids": country_ids, "organisation_ids": org_ids, "person_ids": person_ids}
