"""Every read of the directory, starting from the access policy's scope.

Each list is shaped with select_related / prefetch_related so that a page costs the same number
of queries for two rows or two thousand.
"""

import json
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from protectnet.access import audit
from protectnet.access.markings import AUDITED_MARKINGS
from protectnet.access.policy import can, get_visible_or_404, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions

from .models import (
    AdvisoryPanel,
    Country,
    FocalPoint,
    ImportBatch,
    Membership,
    Organisation,
    PanelMeeting,
    PanelMember,
    Person,
    Sector,
    Vetting,
)
from .search import query_error, query_words, words_match

# A country page lists this many organisations per sector and links to the filtered list for
# the rest; the focal point search shows this many people and asks for more letters beyond.
ORGANISATIONS_PER_SECTOR = 10
FOCAL_CANDIDATES_SHOWN = 20


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    country: str = ""
    sector: str = ""
    organisation: int | None = None
    expertise: str = ""
    language: str = ""


def contact_visible(user, person: Person) -> bool:
    """Email and phone: to the person, and to members when the person consented; never guests."""
    principal = principal_for(user)
    if person.erased_at:
        return False
    if principal.person_id is not None and principal.person_id == person.pk:
        return True
    return principal.is_member and person.consent_directory


def _memberships_prefetch(lookup: str = "memberships") -> Prefetch:
    """Memberships with their organisations: what Person.label and the lists read."""
    return Prefetch(
        lookup,
        queryset=Membership.objects.select_related("organisation", "organisation__country"),
    )


def labelled(people: QuerySet) -> QuerySet:
    """People with what Person.label reads (memberships and their organisations), so that a
    list of labels costs one query more, not one per person. For other apps' lists."""
    return people.prefetch_related(_memberships_prefetch())


def people_matching(people: QuerySet, q: str) -> QuerySet:
    """Those of `people` (scoped and `labelled` by the caller) that the directory's search
    finds for `q`: a picker's search over exactly the choices its form accepts."""
    if query_error(q):
        return people.none()
    return people.filter(pk__in=_people_matching(q))


def organisations_matching(organisations: QuerySet, q: str) -> QuerySet:
    """Those of `organisations` (scoped by the caller) whose name or acronym matches `q`."""
    if query_error(q):
        return organisations.none()
    return organisations.filter(_organisation_match(query_words(q)))


def _json_list_has(field: str, value: str) -> Q:
    """A JSON list of strings contains `value` (works on SQLite and PostgreSQL alike)."""
    value = value.strip().lower()
    ascii_form, native_form = json.dumps(value), json.dumps(value, ensure_ascii=False)
    return Q(**{f"{field}__icontains": ascii_form}) | Q(**{f"{field}__icontains": native_form})


def _current_in(**lookup) -> QuerySet:
    return Membership.objects.filter(Membership.current_q(), **lookup).values("person_id")


def _people_matching(q: str) -> QuerySet:
    """Ids of people whose own words, or whose current organisation's words, begin with each
    word of `q`. One union of two index-served halves: an OR of the two inside one WHERE
    would make PostgreSQL scan every person."""
    found = query_words(q)
    own = Person.objects.filter(
        words_match(found, fallback=("full_name", "preferred_name", "job_title"))
    )
    organisations = Organisation.objects.filter(_organisation_match(found)).values("pk")
    by_organisation = _current_in(organisation__in=organisations).order_by()
    return own.order_by().values("pk").union(by_organisation)


def _organisation_match(found: list[str]) -> Q:
    """Organisations by the words of their name and acronym: an acronym typed whole is its
    own words ("C-PAC" is "c pac"), so no separate exact match, which no index would serve."""
    return words_match(found, fallback=("name", "acronym"))


def person_list(*, user, filters: DirectoryFilters | None = None) -> QuerySet:
    """The directory: people the user may see, filtered, with their current organisations."""
    f = filters or DirectoryFilters()
    qs = visible(user, Person.objects.filter(erased_at__isnull=True))
    if f.q.strip():
        qs = qs.filter(pk__in=_people_matching(f.q)) if not query_error(f.q) else qs.none()
    if f.country:
        qs = qs.filter(pk__in=_current_in(organisation__country__code=f.country.upper()))
    if f.sector:
        qs = qs.filter(pk__in=_current_in(organisation__sector=f.sector))
    if f.organisation:
        qs = qs.filter(pk__in=_current_in(organisation_id=f.organisation))
    if f.expertise.strip():
        qs = qs.filter(_json_list_has("expertise", f.expertise))
    if f.language.strip():
        qs = qs.filter(_json_list_has("languages", f.language))
    return qs.prefetch_related(_memberships_prefetch()).order_by("full_name", "pk")


def directory_rows(*, user, filters: DirectoryFilters, limit: int) -> list[list]:
    """The directory as the user sees it, one row per person, for a spreadsheet."""
    sectors = dict(Sector.choices)
    rows = []
    for person in person_list(user=user, filters=filters)[:limit]:
        current = person.current_memberships
        show = contact_visible(user, person)
        rows.append(
            [
                person.full_name,
                person.preferred_name,
                person.job_title,
                "; ".join(m.organisation.name for m in current),
                "; ".join(sorted({m.organisation.country.name for m in current})),
                "; ".join(sorted({str(sectors[m.organisation.sector]) for m in current})),
                ", ".join(person.languages),
                ", ".join(person.expertise),
                person.email if show else "",
                person.phone if show else "",
            ]
        )
    return rows


def person_get(*, user, pk) -> Person:
    qs = Person.objects.select_related("user").prefetch_related(
        _memberships_prefetch(),
        Prefetch("focal_point_for", queryset=FocalPoint.objects.select_related("country")),
        Prefetch("panel_seats", queryset=PanelMember.objects.select_related("panel__country")),
    )
    return get_visible_or_404(user, qs, pk=pk)


def person_for_change(*, user, pk, action: str = "network.person.change") -> Person:
    """A person the user may change; anyone else's entry is simply not found."""
    person = person_get(user=user, pk=pk)
    if not can(user, action, person):
        raise Http404
    return person


def organisation_list(
    *, user, q: str = "", country: str = "", sector: str = "", managed_only: bool = False
) -> QuerySet:
    qs = visible(user, Organisation.objects.all())
    if q.strip():
        match = _organisation_match(query_words(q)) if not query_error(q) else None
        qs = qs.filter(match) if match is not None else qs.none()
    if country:
        qs = qs.filter(country__code=country.upper())
    if sector:
        qs = qs.filter(sector=sector)
    if managed_only:
        principal = principal_for(user)
        if not principal.is_admin:
            qs = qs.filter(country_id__in=principal.focal_country_ids)
    # No people count here: a GROUP BY over every membership would cost the whole table for
    # each page; organisation_people_counts() counts the rows actually shown.
    return qs.select_related("country", "parent").order_by("name", "pk")


def organisation_people_counts(organisations) -> list[Organisation]:
    """The organisations as a list, each with `people_count` (current, not erased): one query."""
    organisations = list(organisations)
    counts = dict(
        Membership.objects.filter(
            Membership.current_q(),
            Membership.of_live_people_q(),
            organisation_id__in=[o.pk for o in organisations],
        )
        .order_by()
        .values_list("organisation_id")
        .annotate(n=Count("person_id", distinct=True))
    )
    for organisation in organisations:
        organisation.people_count = counts.get(organisation.pk, 0)
    return organisations


def organisation_get(*, user, pk) -> Organisation:
    qs = Organisation.objects.select_related("country", "parent").prefetch_related("children")
    return get_visible_or_404(user, qs, pk=pk)


def organisation_pick(*, user, pk) -> Organisation:
    """One organisation to link to (a parent, a new person's organisation), with its country."""
    return get_visible_or_404(user, Organisation.objects.select_related("country"), pk=pk)


def organisation_people(*, user, organisation: Organisation) -> QuerySet:
    return person_list(user=user, filters=DirectoryFilters(organisation=organisation.pk))


# Everything the directory's cached figures count (network/apps.py watches these models).
VERSION = "network.directory"


def country_counts() -> dict[int, tuple[int, int]]:
    """Organisations and current, non-erased people per country id, counted once per version
    of the directory: the countries page and API cost the same whether the network has 1,000 or
    1,000,000 people."""
    return versions.cached(VERSION, ("country_counts",), _country_counts)


def _country_counts() -> dict[int, tuple[int, int]]:
    organisations = dict(
        Organisation.objects.values("country_id")
        .annotate(n=Count("id"))
        .values_list("country_id", "n")
    )
    people = dict(
        Membership.objects.filter(Membership.current_q(), Membership.of_live_people_q())
        .values("organisation__country_id")
        .annotate(n=Count("person_id", distinct=True))
        .values_list("organisation__country_id", "n")
    )
    return {pk: (organisations.get(pk, 0), people.get(pk, 0)) for pk in {*organisations, *people}}


def country_list(*, user) -> list[Country]:
    """The countries the user may see (a few dozen at most), each with its two counts."""
    counts = country_counts()
    countries = list(visible(user, Country.objects.all()).order_by("code"))
    for country in countries:
        country.organisation_count, country.people_count = counts.get(country.pk, (0, 0))
    return countries


def country_choices(*, user) -> QuerySet:
    """Countries for filters and forms: no counts, one cheap query."""
    return visible(user, Country.objects.all()).order_by("code")


def country_get(*, user, code: str) -> Country:
    return get_visible_or_404(user, Country.objects.all(), code=(code or "").upper()[:2])


def country_focal_points(*, country: Country) -> QuerySet:
    return (
        FocalPoint.objects.filter(country=country, person__erased_at__isnull=True)
        .select_related("person")
        .prefetch_related(_memberships_prefetch("person__memberships"))
        .order_by("person__full_name")
    )


@dataclass(frozen=True)
class SectorGroup:
    sector: str
    label: str
    count: int
    organisations: list

    @property
    def more(self) -> int:
        return self.count - len(self.organisations)


def country_sector_list(
    *, user, country: Country, per_sector: int = ORGANISATIONS_PER_SECTOR
) -> list[SectorGroup]:
    """The country's organisations by sector: each sector's count and its first few by name.

    A country may hold hundreds of organisations; three queries whatever their number.
    """
    orgs = visible(user, Organisation.objects.filter(country=country))
    counts = dict(orgs.order_by().values_list("sector").annotate(n=Count("pk")))
    ranked = orgs.annotate(
        rank=Window(RowNumber(), partition_by=F("sector"), order_by=[F("name"), F("pk")])
    ).filter(rank__lte=per_sector)
    firsts: dict[str, list] = {}
    for org in organisation_people_counts(ranked.order_by("name", "pk")):
        firsts.setdefault(org.sector, []).append(org)
    labels = dict(Sector.choices)
    order = {sector: i for i, sector in enumerate(labels)}
    return [
        SectorGroup(sector, labels.get(sector, sector), counts[sector], firsts.get(sector, []))
        for sector in sorted(counts, key=lambda s: (order.get(s, len(order)), s))
    ]


def panel_for_country(*, user, country: Country) -> AdvisoryPanel | None:
    return (
        visible(user, AdvisoryPanel.objects.filter(country=country))
        .prefetch_related(_panel_members_prefetch())
        .first()
    )


def _panel_members_prefetch() -> Prefetch:
    return Prefetch(
        "members",
        queryset=PanelMember.objects.filter(person__erased_at__isnull=True)
        .select_related("person")
        .prefetch_related(_memberships_prefetch("person__memberships"))
        .order_by("-is_chair", "person__full_name"),
    )


def panel_get(*, user, pk) -> AdvisoryPanel:
    qs = AdvisoryPanel.objects.select_related("country").prefetch_related(_panel_members_prefetch())
    return get_visible_or_404(user, qs, pk=pk)


def meeting_list(*, user, panel: AdvisoryPanel) -> QuerySet:
    """Meetings whose minutes the user may read (the TLP decides, admin rights open nothing)."""
    return visible(user, PanelMeeting.objects.filter(panel=panel)).select_related(
        "owner_organisation"
    )


def meeting_get(*, user, pk, request=None) -> PanelMeeting:
    """One meeting; reading AMBER, AMBER+STRICT or RED minutes is written to the audit log."""
    qs = PanelMeeting.objects.select_related("panel__country", "owner_organisation")
    meeting = get_visible_or_404(user, qs.prefetch_related("shared_with", "named_people"), pk=pk)
    if meeting.marking in AUDITED_MARKINGS:
        audit.record("network.meeting.read", actor=user, obj=meeting, request=request)
    return meeting


def vetting_list(*, user, person: Person) -> QuerySet:
    return visible(user, Vetting.objects.filter(person=person)).select_related("verified_by")


def import_batch_get(*, user, pk) -> ImportBatch:
    return get_visible_or_404(user, ImportBatch.objects.all(), pk=pk)


def own_organisations(*, user) -> QuerySet:
    """Organisations of the user's current memberships (owners of the minutes they write)."""
    ids = principal_for(user).organisation_ids
    return Organisation.objects.filter(pk__in=list(ids)).order_by("name")


def managed_organisations(*, user) -> QuerySet:
    """Organisations the user may add people to: every one for admins, their country's else."""
    return organisation_list(user=user, managed_only=True).order_by("country__code", "name")


def managed_countries(*, user) -> QuerySet:
    """Countries whose directory the user maintains: all for admins, focal points their own."""
    principal = principal_for(user)
    countries = visible(user, Country.objects.all())
    if principal.is_admin:
        return countries
    return countries.filter(pk__in=list(principal.focal_country_ids))


def country_people(*, user, country: Country, q: str = "") -> QuerySet:
    """People with a current membership in one of the country's organisations."""
    return person_list(user=user, filters=DirectoryFilters(q=q, country=str(country.code)))


def focal_point_candidate_list(
    *, user, country: Country, q: str, limit: int = FOCAL_CANDIDATES_SHOWN
) -> tuple[list[Person], bool]:
    """People of the country matching `q` who are not yet its focal point, and whether more match.

    Never the whole country: a search of fewer than two characters finds nobody.
    """
    if len(q.strip()) < 2:
        return [], False
    already = FocalPoint.objects.filter(country=country).values("person_id")
    people = country_people(user=user, country=country, q=q).exclude(pk__in=already)
    rows = list(people[: limit + 1])
    return rows[:limit], len(rows) > limit


def membership_get(*, user, person: Person, pk) -> Membership:
    qs = Membership.objects.select_related("organisation", "person")
    return get_visible_or_404(user, qs, pk=pk, person=person)


def focal_point_get(*, user, country: Country, pk) -> FocalPoint:
    qs = FocalPoint.objects.select_related("person", "country")
    return get_visible_or_404(user, qs, pk=pk, country=country)


def panel_seat_get(*, user, panel: AdvisoryPanel, pk) -> PanelMember:
    return get_visible_or_404(user, PanelMember.objects.select_related("panel"), pk=pk, panel=panel)


def organisation_choices(*, user, countries=None, exclude_pk=None) -> QuerySet:
    """Organisations to pick in a form (a parent in the given countries, a meeting's sharing)."""
    qs = (
        Organisation.objects.all()
        if countries is None
        else Organisation.objects.filter(country__in=countries)
    )
    qs = visible(user, qs)
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def panel_people(*, user, panel: AdvisoryPanel) -> QuerySet:
    """The people holding a seat on the panel, as the user may see them."""
    people = Person.objects.filter(panel_seats__in=panel.members.all())
    return visible(user, people).prefetch_related(_memberships_prefetch())
