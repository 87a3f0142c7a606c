"""The directory's lists as a reader sees them: one page header with the People, Organisations
and Countries tabs, rows that become cards on a phone, and empty states that say what to do
next (with a link when the reader may act)."""

import re

import pytest

from protectnet.access.models import RoleGrant
from protectnet.access.roles import Role
from tests import factories as f


@pytest.fixture
def lone_admin(db):
    """An empty network: one network admin, no country, organisation or directory entry."""
    user = f.account("secretariat@example.test")
    RoleGrant.objects.create(user=user, role=Role.NETWORK_ADMIN)
    f.confirmed_device(user)
    return user


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("url", "message", "link"),
    [
        (
            "/network/",
            "Nobody is in the directory yet.",
            '<a href="/network/people/new/">Add a person</a>',
        ),
        (
            "/network/organisations/",
            "No organisation is in the directory yet",
            '<a href="/network/organisations/new/">Add an organisation</a>',
        ),
        ("/network/countries/", "No country has joined the network yet.", ""),
        (
            "/network/people/duplicates/",
            "No possible duplicates",
            '<a href="/network/">Back to the directory</a>',
        ),
    ],
)
def test_empty_network_lists_say_what_to_do_next(url, message, link, lone_admin, login):
    html = _page(login(lone_admin), url)
    assert '<div class="empty-state">' in html and message in html
    assert link in html
    assert "<table" not in html


def test_a_search_that_finds_nobody_offers_to_clear_it(world, login):
    html = _page(login(world.kh_member), "/network/?q=Zzyzx")
    assert "Nobody matches this search." in html
    assert '<a href="/network/">Clear the search</a>' in html
    html = _page(login(world.kh_member), "/network/organisations/?q=Zzyzx")
    assert "No organisation matches this search." in html


def test_a_member_who_cannot_add_is_not_offered_a_link_to_add(world, login):
    html = _page(login(world.kh_member), "/network/organisations/?q=Zzyzx")
    assert "Add an organisation" not in html


@pytest.mark.parametrize("url", ["/network/", "/network/organisations/", "/network/countries/"])
def test_directory_sections_are_tabs_of_one_page_header(url, world, login):
    html = _page(login(world.kh_member), url)
    header = html[html.index('<header class="page-header">') :]
    header = header[: header.index("</header>")]
    assert f'<a href="{url}" aria-current="page">' in header
    assert header.count('<a href="/network/') >= 3


@pytest.mark.parametrize(
    ("url", "labels"),
    [
        ("/network/", {"Organisation", "Country", "Expertise", "Contact"}),
        ("/network/organisations/", {"Sector", "Country", "People"}),
        ("/network/countries/", {"Region", "Organisations", "People"}),
    ],
)
def test_directory_rows_stack_into_cards_each_cell_named(url, labels, world, login):
    html = _page(login(world.kh_member), url)
    assert '<table class="stack">' in html
    assert labels <= set(re.findall(r'<td data-label="([^"]+)"', html))
