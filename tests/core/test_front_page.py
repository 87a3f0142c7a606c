"""The anonymous visitor's home page: what the network is, the newest TLP:CLEAR library items,
certificate verification and sign-in. Signed-in people keep their dashboard at the same address."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.access.markings import Marking
from protectnet.library.models import Resource


def resource(org, title, marking=Marking.CLEAR, **fields):
    return Resource.objects.create(
        title=title, resource_type="guide", owner_organisation=org, marking=marking, **fields
    )


def test_an_anonymous_visitor_learns_what_the_network_is(client, db):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert ">A regional network protecting children</h1>" in page
    assert "child sexual abuse material" in page
    assert "transnational child sex offenders" in page
    for discouraged in ("child pornography", "child sex tourist"):
        assert discouraged not in page.lower()


def test_the_front_page_leads_to_the_public_pages(client, db):
    page = client.get("/").content.decode()
    assert '<a href="/library/">Browse the public library</a>' in page
    assert '<a href="/training/verify/">Verify a training certificate</a>' in page
    assert '<a href="/accounts/login/" role="button">Sign in</a>' in page


def test_only_tlp_clear_items_reach_anonymous_visitors(client, world):
    shown = resource(world.kh_ngo, "Reporting online child sexual abuse material: a guide")
    resource(world.kh_ngo, "Members-only checklist", Marking.GREEN)
    resource(world.kh_police, "Operation notes", Marking.AMBER)
    withdrawn = resource(world.kh_ngo, "Withdrawn leaflet")
    Resource.objects.filter(pk=withdrawn.pk).update(withdrawn_at=shown.created_at)
    page = client.get("/").content.decode()
    assert f'<a href="/library/{shown.pk}/">{shown.title}</a>' in page
    for hidden in ("Members-only checklist", "Operation notes", "Withdrawn leaflet"):
        assert hidden not in page


def test_the_newest_five_clear_items_are_listed(client, world):
    for n in range(7):
        resource(world.kh_ngo, f"Public guide {n}")
    page = client.get("/").content.decode()
    assert page.count('<a href="/library/') == 5 + 1  # five items and the library itself


def test_a_signed_in_member_keeps_the_dashboard(world, login):
    response = login(world.kh_member).get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Welcome" in page and "A regional network protecting children" not in page


def _count(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("core:dashboard")
def test_the_front_page_costs_the_same_for_2_and_20_items(client, world):
    for n in range(2):
        resource(world.kh_ngo, f"Guide {n}")
    small = _count(client)
    for n in range(18):
        resource(world.kh_ngo, f"More {n}")
    assert _count(client) == small <= 2
