"""Figures for the network overview, computed with a fixed number of aggregate queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from protectnet.access.policy import visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.network.models import Country, FocalPoint, Membership, Organisation, Sector
from protectnet.network.selectors import VERSION as DIRECTORY


@dataclass
class CountryRow:
    country: Country
    organisations: dict[str, int] = field(default_factory=dict)
    people: int = 0
    focal_points: int = 0

    @property
    def organisation_total(self) -> int:
        return sum(self.organisations.values())

    @property
    def sector_values(self) -> list[int]:
        return [self.organisations.get(s.value, 0) for s in Sector]


def network_overview(*, user) -> list[CountryRow]:
    """Counted once per version of the directory and reader's scope (every organisation and
    membership is read to count them)."""
    scope = principal_for(user).scope
    return versions.cached(DIRECTORY, ("overview", scope), lambda: _overview(user))


def _overview(user) -> list[CountryRow]:
    countries = list(visible(user, Country.objects.all()).order_by("code"))
    rows = {c.id: CountryRow(country=c) for c in countries}
    orgs = (
        visible(user, Organisation.objects.all())
        .values("country_id", "sector")
        .annotate(n=Count("id"))
        .order_by()
    )
    for item in orgs:
        if item["country_id"] in rows:
            rows[item["country_id"]].organisations[item["sector"]] = item["n"]
    people = (
        Membership.objects.filter(Membership.current_q(), Membership.of_live_people_q())
        .values("organisation__country_id")
        .annotate(n=Count("person_id", distinct=True))
        .order_by()
    )
    for item in people:
        if item["organisation__country_id"] in rows:
            rows[item["organisation__country_id"]].people = item["n"]
    focal = defaultdict(int)
    for country_id in FocalPoint.objects.values_list("country_id", flat=True):
        focal[country_id] += 1
    for country_id, n in focal.items():
        if country_id in rows:
            rows[country_id].focal_points = n
    return list(rows.values())


def sector_labels() -> list[tuple[str, str]]:
    return [(s.value, str(s.label)) for s in Sector]
