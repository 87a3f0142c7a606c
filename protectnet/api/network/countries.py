"""Countries of the network, with the number of organisations and people each one has."""

from ninja import Query, Router, Schema

from protectnet.access.routes import requires
from protectnet.network import selectors

from .common import Paging

router = Router()


class CountryOut(Schema):
    code: str
    name: str
    region: str
    organisation_count: int
    people_count: int


class CountryPage(Schema):
    count: int
    items: list[CountryOut]


def _country_out(c) -> dict:
    return {
        "code": str(c.code),
        "name": c.name,
        "region": c.region,
        "organisation_count": c.organisation_count,
        "people_count": c.people_count,
    }


@router.get("/countries", response=CountryPage, summary="Country List")
@requires("network.directory.view")
def network_country_list(request, paging: Query[Paging]):
    countries = selectors.country_list(user=request.user)
    items = countries[paging.offset : paging.offset + paging.limit]
    return {"count": len(countries), "items": [_country_out(c) for c in items]}


@router.get("/countries/{code}", response=CountryOut, summary="Country Get")
@requires("network.directory.view")
def network_country_get(request, code: str):
    country = selectors.country_get(user=request.user, code=code)
    country.organisation_count, country.people_count = selectors.country_counts().get(
        country.pk, (0, 0)
    )
    return _country_out(country)
