"""Organisers move between a workshop's pages through tabs (the current one marked), and the
check-in desk sees how many people are checked in so far, updated after each check-in."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.workshops.models import Invitation
from protectnet.workshops.services.checkin import checkin_record

from .conftest import START, invite, person_in, register

TABS = ["Overview", "Agenda", "Delegations", "Registrations", "Check-in", "Outcomes", "Report"]
PAGES = {
    "Overview": "/workshops/{w}/",
    "Agenda": "/workshops/{w}/agenda/",
    "Delegations": "/workshops/{w}/delegations/",
    "Registrations": "/workshops/{w}/registrations/",
    "Check-in": "/workshops/{w}/check-in/",
    "Outcomes": "/workshops/{w}/outcomes/",
    "Report": "/workshops/{w}/report/",
}


def _tabs(html: str) -> list[tuple[str, bool]]:
    # The tab bar of _nav.html or of the page header component (same links, same marking).
    bar = (
        r'<nav (?:aria-label="Workshop" class="workshop-tabs"|class="tabs" aria-label="Workshop")>'
    )
    nav = re.search(bar + r"(.*?)</nav>", html, re.S)
    assert nav, "no tab bar"
    links = re.findall(r"<a href=\"[^\"]+\"( aria-current=\"page\")?>([^<]+)</a>", nav.group(1))
    return [(label, bool(current)) for current, label in links]


@pytest.mark.parametrize("current", TABS)
def test_organiser_sees_every_tab_with_the_current_one_marked(world, ws, login, current):
    html = login(world.admin).get(PAGES[current].format(w=ws.workshop.pk)).content.decode()
    assert _tabs(html) == [(label, label == current) for label in TABS]


def test_delegation_page_sits_under_the_delegations_tab(world, ws, login):
    html = login(world.admin).get(f"/workshops/delegations/{ws.kh_del.pk}/").content.decode()
    assert ("Delegations", True) in _tabs(html)


@pytest.mark.parametrize(
    "role,expected",
    [
        ("kh_member", ["Overview", "Agenda", "Outcomes"]),
        ("kh_focal", ["Overview", "Agenda", "Delegations", "Outcomes"]),
    ],
)
def test_others_see_only_the_tabs_they_may_open(world, ws, login, role, expected):
    html = login(getattr(world, role)).get(f"/workshops/{ws.workshop.pk}/").content.decode()
    assert [label for label, _current in _tabs(html)] == expected


def test_organiser_tools_no_longer_repeat_the_tabs(world, ws, login):
    html = login(world.admin).get(f"/workshops/{ws.workshop.pk}/").content.decode()
    tools = html[html.index('id="org"') :]
    assert "/check-in/" not in tools and "/registrations/" not in tools
    assert "badges.pdf" in tools


def _registered(world, ws, n):
    found = []
    for i in range(n):
        person = person_in(world.kh_ngo, full_name=f"Counted Person {i}")
        invite(world, ws.workshop, person)
        found.append(register(Invitation.objects.get(person=person)))
    return found


def test_checkin_page_counts_who_is_checked_in_so_far(world, ws, login):
    people = _registered(world, ws, 3)
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/check-in/?day={START.isoformat()}"
    assert "0 of 3 checked in so far" in client.get(url).content.decode()
    client.post(
        f"/workshops/{ws.workshop.pk}/check-in/record/",
        {"day": START.isoformat(), "code": people[0].badge_code},
    )
    # Without JavaScript: the redirect back shows the new count.
    assert "1 of 3 checked in so far" in client.get(url).content.decode()


def test_counts_fragment_is_polled_and_counts_the_chosen_day(world, ws, login):
    people = _registered(world, ws, 2)
    checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=people[0].badge_code)
    client = login(world.admin)
    page = client.get(f"/workshops/{ws.workshop.pk}/check-in/?day={START}").content.decode()
    counts_url = f"/workshops/{ws.workshop.pk}/check-in/counts/?day={START}"
    assert f'hx-get="{counts_url}"' in page and 'hx-trigger="every 5s' in page
    fragment = client.get(counts_url).content.decode()
    assert "1 of 2 checked in so far" in fragment and "<html" not in fragment
    next_day = ws.workshop.end_date.isoformat()
    other = client.get(f"/workshops/{ws.workshop.pk}/check-in/counts/?day={next_day}")
    assert "0 of 2 checked in so far" in other.content.decode()


@pytest.mark.parametrize("role", ["kh_focal", "kh_member", "guest"])
def test_counts_are_for_organisers_only(world, ws, login, role):
    response = login(getattr(world, role)).get(f"/workshops/{ws.workshop.pk}/check-in/counts/")
    assert response.status_code in (403, 404)


@pytest.mark.queries("workshops:checkin_counts", "workshops:checkin")
@pytest.mark.parametrize("path", ["check-in/counts/", "check-in/"])
def test_checkin_counts_cost_the_same_for_2_or_20_people(world, ws, login, path, settings):
    settings.DEBUG = False
    client = login(world.admin)
    url = f"/workshops/{ws.workshop.pk}/{path}?day={START}"

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for r in _registered(world, ws, 2):
        checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=r.badge_code)
    small = count()
    ws.kh_del.quota = 100
    ws.kh_del.save(update_fields=["quota"])
    for r in _registered(world, ws, 18):
        checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=r.badge_code)
    assert count() == small
