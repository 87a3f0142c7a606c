"""Workshops: the list and one workshop (public pages open to anyone)."""

from datetime import date

from ninja import Field, Query, Router, Schema

from protectnet.access.guard import api_user
from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.core import multilingual
from protectnet.workshops.selectors import editions as sel

from .common import TAGS, Paging

router = Router(tags=TAGS)


class WorkshopOut(Schema):
    id: int
    series: str
    edition: int
    title: str
    host_country: str
    city: str
    venue_name: str
    time_zone: str
    start_date: date
    end_date: date
    status: str
    translations: dict[str, dict[str, str]] = Field(..., description=multilingual.TRANSLATIONS_HELP)

    @staticmethod
    def resolve_translations(obj) -> dict:
        return multilingual.every_version(obj, ("title", "description"))

    @staticmethod
    def resolve_series(obj) -> str:
        return obj.series.name

    @staticmethod
    def resolve_host_country(obj) -> str:
        return str(obj.host_country.code)


class WorkshopPage(Schema):
    count: int
    items: list[WorkshopOut]


@router.get("/workshops", response=WorkshopPage, auth=OptionalTokenAuth(), summary="Workshop List")
@requires("workshops.workshop.view")
def workshops_workshop_list(request, paging: Query[Paging]):
    qs = sel.workshop_list(user=api_user(request))
    return {"count": qs.count(), "items": list(qs[paging.offset : paging.offset + paging.limit])}


@router.get(
    "/workshops/{workshop_id}",
    response=WorkshopOut,
    auth=OptionalTokenAuth(),
    summary="Workshop Get",
)
@requires("workshops.workshop.view")
def workshops_workshop_get(request, workshop_id: int):
    return sel.workshop_get(user=api_user(request), id=workshop_id)
