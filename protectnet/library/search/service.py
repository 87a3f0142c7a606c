"""The library's one search service: text, filters, ranking, snippets, facets, restricted items.

Everything starts from `visible(user, Resource...)`: results, counts, snippets and facets are
computed over that set only. Restricted items (AMBER, listed by their owner, outside the user's
reach) are a separate list: matched on their title only, shown with title and owner only, never
counted in facets, and only when no filter other than the organisation is set (a topic or
country filter would otherwise reveal those facts about them). RED never appears.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from protectnet.access.markings import Marking
from protectnet.access.policy import visible
from protectnet.access.principal import principal_for
from protectnet.core import versions

from ..models import Resource, SearchDocument
from ..text import Query, parse
from . import facets as facet_module
from .backends import backend, count_of, ids_of, matched_ids_sql
from .snippets import mark, snippet

# What the library's cached counts are made of (library/apps.py watches these models).
VERSION = "library.resources"
PER_PAGE = 20
MAX_PAGE = 500
RESTRICTED_SHOWN = 10
# The search page counts no further than this before it shows the hits: a common word matches
# most of a large library, and its exact count and facets read every match. They follow in a
# second request (`facet_counts`), and are shown at once when already counted.
COUNT_CAP = 1_000


class Facets:
    """When a search counts its matches by facet: with the hits, in a request of their own
    after the hits (the search page), or never (exact total only: the API's resource list)."""

    NOW, LATER, NONE = "now", "later", "none"


@dataclass
class SearchFilters:
    resource_type: str = ""
    topic: str = ""
    country: str = ""
    language: str = ""
    marking: str = ""
    organisation: int | None = None
    year: int | None = None

    def selected(self) -> dict[str, str]:
        return {
            "type": self.resource_type,
            "topic": self.topic,
            "country": self.country,
            "language": self.language,
            "marking": self.marking,
            "organisation": str(self.organisation or ""),
            "year": str(self.year or ""),
        }

    def any_metadata(self) -> bool:
        """A filter other than the owner: restricted items do not reveal such facts."""
        return any(
            [self.resource_type, self.topic, self.country, self.language, self.marking, self.year]
        )

    def apply(self, qs: QuerySet) -> QuerySet:
        if self.resource_type:
            qs = qs.filter(resource_type=self.resource_type)
        if self.marking:
            qs = qs.filter(marking=self.marking)
        if self.organisation:
            qs = qs.filter(owner_organisation_id=self.organisation)
        if self.year:
            qs = qs.filter(published_on__year=self.year)
        # Subqueries rather than joins: no duplicate rows, no distinct() needed.
        if self.topic:
            through = Resource.topics.through.objects.filter(topic__slug=self.topic)
            qs = qs.filter(pk__in=through.values("resource_id"))
        if self.country:
            through = Resource.countries.through.objects.filter(country__code=self.country)
            qs = qs.filter(pk__in=through.values("resource_id"))
        if self.language:
            through = Resource.languages.through.objects.filter(language_id=self.language)
            qs = qs.filter(pk__in=through.values("resource_id"))
        return qs


@dataclass
class Hit:
    resource: Resource
    title_html: str
    snippet_html: str


@dataclass
class SearchResult:
    query: str
    parsed: Query
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict = field(default_factory=dict)
    restricted: list[Resource] = field(default_factory=list)
    restricted_total: int = 0  # RESTRICTED_SHOWN + 1 means "more than shown"
    total_exact: bool = True  # False: more than COUNT_CAP match, the exact figure comes later
    facets_pending: bool = False  # the facets come in a request of their own

    @property
    def notice(self) -> str:
        """What the reader should know about how the query was read."""
        return self.parsed.notice

    @property
    def restricted_more(self) -> bool:
        return self.restricted_total > len(self.restricted)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        if self.total_exact:
            return self.page < self.pages
        return len(self.hits) == self.per_page and self.page < MAX_PAGE


def search(
    user,
    query: str = "",
    filters: SearchFilters | None = None,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    offset: int | None = None,
    facets: str = Facets.NOW,
) -> SearchResult:
    filters = filters or SearchFilters()
    parsed = parse(query)
    page = min(max(1, page), MAX_PAGE)
    if offset is None:
        offset = (page - 1) * per_page
    engine = backend()
    if parsed.wordless:
        return SearchResult(query, parsed, [], 0, page, per_page)
    base = filters.apply(visible(user, Resource.objects.all()))
    result = SearchResult(query, parsed, [], 0, page, per_page)
    _count(result, user, engine.matched_sql(base, parsed), filters, facets)
    ids = engine.ranked_ids(base, parsed, limit=per_page, offset=max(0, offset))
    result.hits = _hits(ids, parsed)
    if not filters.any_metadata():
        result.restricted, result.restricted_total = _restricted(user, parsed, filters)
    return result


def facet_counts(user, query: str, filters: SearchFilters) -> tuple[int, dict]:
    """The exact number of matches and the facets of a search, without its hits."""
    parsed = parse(query)
    if parsed.wordless:
        return 0, {}
    base = filters.apply(visible(user, Resource.objects.all()))
    matched = backend().matched_sql(base, parsed)
    return _by_facet(user, parsed, filters, matched)


def _by_facet(user, parsed: Query, filters: SearchFilters, matched) -> tuple[int, dict]:
    def counted() -> tuple[int, dict]:
        return facet_module.compute(matched, filters.selected())

    return versions.cached(VERSION, _parts(user, parsed, filters, "facets"), counted)


def _parts(user, parsed: Query, filters: SearchFilters, kind: str) -> tuple:
    # Totals and facets read every matching row: once per version of the library, reader's
    # scope, query, filters and language. The page of hits itself is always read fresh.
    return ("search", kind, principal_for(user).scope, parsed.elements, filters, get_language())


def _count(result: SearchResult, user, matched, filters: SearchFilters, facets: str) -> None:
    parsed = result.parsed
    with_facets = _parts(user, parsed, filters, "facets")
    if facets == Facets.NOW:
        result.total, result.facets = _by_facet(user, parsed, filters, matched)
    elif facets == Facets.LATER and (known := versions.peek(VERSION, with_facets)):
        result.total, result.facets = known  # counted before: no second request needed
    elif facets == Facets.LATER:
        parts = _parts(user, parsed, filters, "capped ids")
        ids = versions.cached(VERSION, parts, lambda: ids_of(matched, cap=COUNT_CAP))
        if len(ids) <= COUNT_CAP:
            # Few matches: their facets cost little, so count them now, over the ids just read
            # rather than matching again (a phrase is matched word by word and position by
            # position: read twice, it was most of the page's time at 100,000 resources).
            found = matched_ids_sql(ids) if ids else matched
            result.total, result.facets = _by_facet(user, parsed, filters, found)
        else:
            result.total, result.total_exact, result.facets_pending = COUNT_CAP, False, True
    else:
        parts = _parts(user, parsed, filters, "total")
        result.total = versions.cached(VERSION, parts, lambda: count_of(matched))


def _hits(ids: list[int], parsed: Query) -> list[Hit]:
    if not ids:
        return []
    rows = {
        r.pk: r
        for r in Resource.objects.filter(pk__in=ids)
        .select_related("owner_organisation")
        .prefetch_related("topics", "languages", "countries")
    }
    documents = {}
    if parsed:
        documents = dict(SearchDocument.objects.filter(pk__in=ids).values_list("pk", "text"))
    marks = parsed.marks
    hits = []
    for pk in ids:
        resource = rows[pk]
        text = documents.get(pk, resource.summary)
        hits.append(
            Hit(
                resource,
                mark(resource.title, marks) if parsed else resource.title,
                snippet(text, marks),
            )
        )
    return hits


def restricted_queryset(user) -> QuerySet:
    """AMBER items whose owner lists them, that this member cannot open."""
    principal = principal_for(user)
    if not principal.is_member:
        return Resource.objects.none()
    # A withdrawn item is not even listed: its title would say that it still exists.
    listed = Resource.objects.filter(
        marking=Marking.AMBER, listed_when_restricted=True, withdrawn_at__isnull=True
    )
    # The policy decides what is readable; only the (few) listed AMBER rows are asked about.
    readable = visible(user, listed).values("pk")
    return listed.filter(~Q(pk__in=readable))


def _restricted(user, parsed: Query, filters: SearchFilters) -> tuple[list[Resource], int]:
    qs = restricted_queryset(user)
    if filters.organisation:
        qs = qs.filter(owner_organisation_id=filters.organisation)
    if parsed:
        qs = backend().match(qs, parsed, title_only=True)
    # Only the title and the owner leave this function: the template shows nothing else.
    qs = qs.select_related("owner_organisation").only(
        "pk", "title", "marking", "owner_organisation__name", "owner_organisation__acronym"
    )
    # One more than shown tells whether there are more, without a second query.
    rows = list(qs.order_by("-published_on", "-pk")[: RESTRICTED_SHOWN + 1])
    return rows[:RESTRICTED_SHOWN], len(rows)
