"""The public front page lists the upcoming workshops whose organisers enabled a public page:
title, place and dates only, never a members' or draft workshop, and says so when there is none."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .conftest import make_workshop


def _front(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str) -> str:
    start = page.index("Upcoming regional workshops")
    return page[start : page.index("</section>", start)]


def test_a_public_upcoming_workshop_shows_its_title_place_and_dates(client, world):
    workshop = make_workshop(world, public_page=True, venue_name="Riverside Test Hotel")
    section = _section(_front(client))
    assert f'<a href="/workshops/{workshop.pk}/">Regional workshop 5</a>' in section
    assert "Phnom Penh, Cambodia · 4 Mar 2030 – 5 Mar 2030" in section
    assert "Riverside Test Hotel" not in section


def test_members_only_draft_and_past_workshops_stay_off_the_front_page(client, world):
    make_workshop(world, edition=1, title="Members-only workshop")
    make_workshop(world, edition=2, title="Draft workshop", status="draft", public_page=True)
    yesterday = timezone.localdate() - timedelta(days=1)
    make_workshop(
        world,
        edition=3,
        title="Last year's workshop",
        status="completed",
        public_page=True,
        start_date=yesterday - timedelta(days=2),
        end_date=yesterday,
    )
    section = _section(_front(client))
    for hidden in ("Members-only workshop", "Draft workshop", "Last year's workshop"):
        assert hidden not in section
    assert "No public workshop is coming up." in section


def test_the_soonest_workshops_come_first(client, world):
    later = make_workshop(world, edition=1, title="Later workshop", public_page=True)
    sooner = make_workshop(
        world,
        edition=2,
        title="Sooner workshop",
        public_page=True,
        start_date=date(2029, 6, 1),
        end_date=date(2029, 6, 2),
    )
    section = _section(_front(client))
    assert section.index(sooner.title) < section.index(later.title)


def _count(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        _front(client)
    return len(ctx.captured_queries)


@pytest.mark.queries("core:dashboard")
def test_the_front_page_costs_the_same_for_2_and_20_public_workshops(client, world):
    for edition in range(2):
        make_workshop(world, edition=edition, public_page=True)
    small = _count(client)
    for edition in range(2, 20):
        make_workshop(world, edition=edition, public_page=True)
    assert _count(client) == small
    assert _section(_front(client)).count('<a href="/workshops/') == 5
