"""Every list and detail page, export and API list costs the same number of queries for 2 rows
and for 20: build a little, count, build more, and the count must not move."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.network.models import FocalPoint, PanelMeeting, PanelMember, Vetting
from tests import factories as f
from tests.network.conftest import person_in

_SERIAL = itertools.count()


def _grow(d, n: int) -> None:
    """n more people in Cambodia (two memberships each), organisations, seats and meetings."""
    for _ in range(n):
        i = next(_SERIAL)
        org = f.OrganisationFactory(name=f"Grown Org {i}", sector="ngo", country=d.kh)
        person = person_in(org, f"Grown Person {i}", consent=True, email=f"grown{i}@example.test")
        f.MembershipFactory(person=person, organisation=d.kh_ngo)
        PanelMember.objects.create(panel=d.panel, person=person, discipline="ngo")
        Vetting.objects.create(
            person=person,
            level="basic",
            verified_on=timezone.localdate(),
            expires_on=timezone.localdate() + timezone.timedelta(days=30),
        )
        PanelMeeting.objects.create(
            panel=d.panel, held_on=timezone.localdate(), title=f"M{i}", marking=Marking.GREEN
        )
        FocalPoint.objects.create(country=d.th, person=person)


def _count(client, url) -> int:
    cache.clear()  # measure the cold path: the per-country figures counted again
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _pages(d):
    return [
        "/network/",
        "/network/?q=grown&country=KH&sector=ngo",
        "/network/organisations/",
        f"/network/organisations/{d.kh_ngo.pk}/",
        f"/network/people/{d.shared.pk}/",
        "/network/countries/",
        "/network/countries/KH/",
        "/network/countries/TH/",
        f"/network/panels/{d.panel.pk}/",
        f"/network/meetings/{d.green.pk}/",
        "/network/export.csv",
        "/network/export.xlsx",
        "/network/me/",
        "/",
    ]


@pytest.mark.queries(
    "network:directory",
    "network:organisation_list",
    "network:organisation_detail",
    "network:person_detail",
    "network:country_list",
    "network:country_detail",
    "network:panel_detail",
    "network:meeting_detail",
    "network:my_data",
    "core:dashboard",
)
@pytest.mark.parametrize("role", ["admin", "kh_focal", "kh_member"])
def test_pages_cost_the_same_number_of_queries_for_2_and_20_rows(
    d, login, role, django_assert_num_queries
):
    client = login(getattr(d, role))
    _grow(d, 2)
    for url in _pages(d):
        client.get(url)  # warm the session
    small = {url: _count(client, url) for url in _pages(d)}
    _grow(d, 20 - 2)
    for url, expected in small.items():
        cache.clear()  # cold again, as when it was counted small
        with django_assert_num_queries(expected):
            client.get(url)


@pytest.mark.queries("network:person_detail", "network:vetting_list")
def test_person_detail_and_vetting_do_not_grow_with_memberships(
    d, login, django_assert_num_queries
):
    client = login(d.admin)
    person = d.shared
    url = f"/network/people/{person.pk}/vetting/"
    client.get(url)
    small = {u: _count(client, u) for u in (url, f"/network/people/{person.pk}/")}
    for i in range(15):
        org = f.OrganisationFactory(name=f"Extra {i}", country=d.kh)
        f.MembershipFactory(person=person, organisation=org)
        Vetting.objects.create(
            person=person,
            level="basic",
            verified_on=timezone.localdate(),
            expires_on=timezone.localdate() + timezone.timedelta(days=9),
        )
    for u, expected in small.items():
        with django_assert_num_queries(expected):
            client.get(u)


@pytest.mark.queries(
    "api:network_person_list",
    "api:network_person_get",
    "api:network_organisation_list",
    "api:network_organisation_get",
    "api:network_country_list",
    "api:network_country_get",
)
def test_api_lists_cost_the_same_for_2_and_20_rows(d, api, django_assert_num_queries):
    client = api(d.kh_member)
    urls = [
        "/api/v1/people?limit=100",
        f"/api/v1/people/{d.shared.pk}",
        "/api/v1/organisations?limit=100",
        f"/api/v1/organisations/{d.kh_ngo.pk}",
        "/api/v1/countries",
        "/api/v1/countries/KH",
    ]
    _grow(d, 2)
    client.get(urls[0])  # the token's first use of the minute records itself
    small = {}
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        small[url] = len(ctx.captured_queries)
    _grow(d, 18)
    for url, expected in small.items():
        cache.clear()
        with django_assert_num_queries(expected):
            client.get(url)


@pytest.mark.queries("network:country_list", "api:network_country_list")
def test_country_figures_come_from_the_cache_until_the_directory_changes(
    d, api, login, django_assert_num_queries
):
    """Warm, the countries page and API count nothing; a change makes the next read count."""
    page, client = login(d.kh_member), api(d.kh_member)
    client.get("/api/v1/countries")  # warms the figures (and the token's use of the minute)
    before = {c["code"]: c for c in client.get("/api/v1/countries").json()["items"]}
    with CaptureQueriesContext(connection) as warm:
        assert page.get("/network/countries/").status_code == 200
    counts = [q["sql"] for q in warm.captured_queries if "COUNT(" in q["sql"].upper()]
    assert all("core_datachange" in sql for sql in counts)  # the version only
    f.OrganisationFactory(name="Freshly added", country=d.kh)
    after = {c["code"]: c for c in client.get("/api/v1/countries").json()["items"]}
    assert after["KH"]["organisation_count"] == before["KH"]["organisation_count"] + 1
    assert after["TH"] == before["TH"]


def test_import_preview_costs_the_same_for_2_and_200_rows(d, login, django_assert_num_queries):
    from protectnet.network.models import ImportBatch

    client = login(d.kh_focal)

    def batch(n):
        rows = [
            {
                "full_name": f"P{i}",
                "email": f"p{i}@example.test",
                "organisation": "Cambodian Test NGO",
                "country": "KH",
            }
            for i in range(n)
        ]
        return ImportBatch.objects.create(created_by=d.kh_focal, kind="people", rows=rows)

    small, large = batch(2), batch(200)
    client.get(f"/network/import/{small.pk}/")
    expected = _count(client, f"/network/import/{small.pk}/")
    with django_assert_num_queries(expected):
        client.get(f"/network/import/{large.pk}/")
