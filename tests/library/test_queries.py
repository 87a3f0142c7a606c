"""Pages cost a constant number of queries whatever the number of resources."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.library import services
from protectnet.library.models import AccessRequest
from protectnet.library.search.postgres_index import rum_in_use

from .conftest import make_resource


def _build(w, n):
    made = []
    for i in range(n):
        r = make_resource(
            w.kh_ngo,
            "AMBER" if i % 3 == 0 else "GREEN",
            title=f"Lantern {i}",
            text=f"lantern body {i}",
            shared=[w.th_ministry],
            listed=i % 3 == 0,
            topic="prevention",
            country=w.kh,
        )
        made.append(r)
    return made


def _count(client, url, params=None, **headers) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {}, **headers)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries(
    "library:resource_list", "library:resource_search", "library:access_request_inbox"
)
@pytest.mark.parametrize(
    "url,params",
    [
        ("/library/", {}),
        ("/library/search/", {"q": "lantern"}),
        ("/library/search/", {"q": "la"}),
        ("/library/", {"topic": "prevention", "country": "KH"}),
        ("/library/access-requests/", {}),
    ],
)
@pytest.mark.parametrize("role", ["kh_member", "kh_focal", "th_member"])
def test_list_pages_do_not_grow_with_rows(world, login, url, params, role):
    user = getattr(world, role)
    _build(world, 2)
    # The first search on a connection asks PostgreSQL once which index it has (then
    # remembers): ask it here, so both counts are of the steady state whatever ran before.
    if connection.vendor == "postgresql":
        rum_in_use(connection)
    small = _count(login(user), url, params)
    _build(world, 18)
    large = _count(login(user), url, params)
    assert small == large, (url, small, large)


@pytest.mark.queries("library:search_facets")
@pytest.mark.parametrize(
    "params", [{"q": "lantern"}, {}, {"q": "lantern", "topic": "prevention", "country": "KH"}]
)
@pytest.mark.parametrize("role", ["kh_member", "kh_focal", "th_member", None])
def test_search_filters_do_not_grow_with_rows(world, login, params, role):
    """The filters htmx loads beside a search count every match, in a constant number of
    queries (each count follows new rows: adding them changes the library's data version)."""
    client = login(getattr(world, role) if role else None)
    _build(world, 2)
    small = _count(client, "/library/search/filters/", params, HTTP_HX_REQUEST="true")
    _build(world, 18)
    large = _count(client, "/library/search/filters/", params, HTTP_HX_REQUEST="true")
    assert small == large, (params, small, large)


@pytest.mark.queries(
    "library:resource_detail", "api:library_resource_get", "api:library_version_list"
)
def test_detail_page_does_not_grow_with_versions_and_sharing(world, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    (resource,) = _build(world, 1)
    client = login(world.kh_member)
    client.get(f"/library/{resource.pk}/")  # the first audited read starts the audit chain
    small = _count(client, f"/library/{resource.pk}/")
    for i in range(6):
        services.version_create(
            actor=world.kh_member,
            resource=resource,
            files=[SimpleUploadedFile(f"{i}.txt", b"x"), SimpleUploadedFile("y.txt", b"y")],
        )
    resource.shared_with.add(world.th_police, world.uk_agency)
    large = _count(client, f"/library/{resource.pk}/")
    assert small == large


def _api_counts(api, user, resource, add) -> list[int]:
    client = api(user)
    urls = [
        f"/api/v1/library/resources/{resource.pk}",
        f"/api/v1/library/resources/{resource.pk}/versions",
    ]
    for url in urls:
        client.get(url)  # the token's first use and the audit chain's start are one-offs
    before = [_count(client, url) for url in urls]
    add()
    return before, [_count(client, url) for url in urls]


def test_api_detail_and_versions_do_not_grow(world, api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    (resource,) = _build(world, 1)

    def add():
        for i in range(4):
            services.version_create(
                actor=world.kh_member,
                resource=resource,
                files=[SimpleUploadedFile(f"{i}.txt", b"x"), SimpleUploadedFile("z.txt", b"z")],
            )

    before, after = _api_counts(api, world.kh_member, resource, add)
    assert before == after


@pytest.mark.queries("library:findings_list")
def test_findings_page_does_not_grow(world, login):
    from protectnet.library.models import Resource

    _build(world, 2)
    Resource.objects.update(summary_findings=1)
    small = _count(login(world.admin), "/library/findings/")
    _build(world, 18)
    Resource.objects.update(summary_findings=1)
    assert _count(login(world.admin), "/library/findings/") == small


@pytest.mark.queries("api:library_resource_list", "api:library_resource_search")
@pytest.mark.parametrize("url", ["/api/v1/library/search", "/api/v1/library/resources"])
def test_api_search_and_list_do_not_grow(world, api, url):
    _build(world, 2)
    client = api(world.kh_member)
    client.get(url)  # the token's first use is recorded once
    small = _count(client, url, {"q": "lantern"})
    _build(world, 18)
    assert _count(client, url, {"q": "lantern"}) == small


@pytest.mark.queries("api:library_access_request_list")
def test_api_access_request_list_does_not_grow(world, api):
    made = _build(world, 20)
    orgs = [world.kh_police]
    client = api(world.kh_member)
    client.get("/api/v1/library/access-requests")
    counts = []
    for batch in (made[:2], made[2:20]):
        for resource in batch:
            if resource.marking == "AMBER":
                resource.shared_with.clear()
                AccessRequest.objects.create(
                    resource=resource,
                    requester=world.kh_focal,
                    requester_person=world.kh_focal.person,
                    requester_organisation=orgs[0],
                    reason="x",
                )
        counts.append(_count(client, "/api/v1/library/access-requests"))
    assert counts[0] == counts[1]
