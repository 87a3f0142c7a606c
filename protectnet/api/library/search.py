"""API search over resources with facets, through the same search service as the pages."""

from ninja import Field, Query, Router, Schema

from protectnet.access.routes import requires
from protectnet.api.auth import OptionalTokenAuth
from protectnet.library.search import SearchFilters, search

from .common import MAX_LIMIT, ResourceOut, resource_out

router = Router()


class HitOut(Schema):
    resource: ResourceOut
    title_html: str
    snippet_html: str


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class RestrictedOut(Schema):
    id: int
    title: str
    owner_organisation: str


class SearchOut(Schema):
    count: int
    items: list[HitOut]
    facets: dict[str, list[FacetValueOut]]
    restricted: list[RestrictedOut]
    restricted_more: bool
    # How the query was read, when the reader should know (no word in it, words left out).
    notice: str = ""


class ResourcePage(Schema):
    count: int
    items: list[ResourceOut]


class SearchParams(Schema):
    q: str = Field("", max_length=200)
    type: str = Field("", max_length=32)
    topic: str = Field("", max_length=64)
    country: str = Field("", max_length=2)
    language: str = Field("", max_length=8)
    marking: str = Field("", max_length=16)
    organisation: int | None = Field(None, ge=1, le=2_147_483_647)
    year: int | None = Field(None, ge=1900, le=2200)
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            resource_type=self.type,
            topic=self.topic,
            country=self.country.upper(),
            language=self.language,
            marking=self.marking,
            organisation=self.organisation,
            year=self.year,
        )


@router.get(
    "/library/search", response=SearchOut, auth=OptionalTokenAuth(), summary="Search with facets"
)
@requires("library.resource.view")
def library_resource_search(request, params: Query[SearchParams]):
    result = search(
        request.user, params.q, params.filters(), per_page=params.limit, offset=params.offset
    )
    return {
        "count": result.total,
        "items": [
            {
                "resource": resource_out(h.resource),
                "title_html": str(h.title_html),
                "snippet_html": str(h.snippet_html),
            }
            for h in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "restricted": [
            {"id": r.pk, "title": r.title, "owner_organisation": r.owner_organisation.name}
            for r in result.restricted
        ],
        "restricted_more": result.restricted_more,
        "notice": result.notice,
    }
