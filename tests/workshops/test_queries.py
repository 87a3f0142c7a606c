"""Every list and detail page costs the same number of queries for 2 rows as for 20."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protectnet.workshops.models import Invitation, Outcome, Speaker
from protectnet.workshops.services.checkin import checkin_record
from protectnet.workshops.services.delegations import nomination_create

from .conftest import END, START, add_session, invite, make_workshop, person_in, register


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _grow(world, ws, n):
    for i in range(n):
        person = person_in(world.kh_police)
        nomination_create(actor=world.admin, delegation=ws.kh_del, person=person)
        invite(world, ws.workshop, person_in(world.kh_ngo, full_name=f"Grown {i}"))
        speaker = Speaker.objects.create(name=f"Speaker {i}")
        add_session(ws.workshop, f"Extra {i}", END, time(8), time(9), speakers=[speaker])
        Outcome.objects.create(
            workshop=ws.workshop, kind="initiative", title=f"O {i}", owner_organisation=world.kh_ngo
        )
        make_workshop(world, edition=100 + i + n, status="planned")
    for inv in Invitation.objects.filter(registration__isnull=True):
        r = register(inv)
        checkin_record(actor=world.admin, workshop=ws.workshop, day=START, code=r.badge_code)


PAGES = [
    ("admin", "/workshops/"),
    ("kh_member", "/workshops/"),
    ("admin", "/workshops/{w}/"),
    ("admin", "/workshops/{w}/agenda/"),
    ("kh_member", "/workshops/{w}/agenda/"),
    ("admin", "/workshops/{w}/agenda.ics"),
    ("admin", "/workshops/{w}/delegations/"),
    ("kh_focal", "/workshops/delegations/{d}/"),
    ("admin", "/workshops/{w}/registrations/"),
    ("admin", "/workshops/{w}/outcomes/"),
    ("admin", "/workshops/{w}/check-in/?q=Grown"),
    ("admin", "/workshops/{w}/report/"),
    ("admin", "/workshops/series/{s}/report/"),
]


@pytest.mark.queries(
    "workshops:workshop_list",
    "workshops:workshop_detail",
    "workshops:agenda",
    "workshops:delegation_list",
    "workshops:delegation_detail",
    "workshops:registration_list",
    "workshops:outcome_list",
    "workshops:report",
    "workshops:series_report",
)
@pytest.mark.parametrize("role,url", PAGES)
def test_page_query_count_does_not_grow(world, ws, login, role, url, settings):
    settings.DEBUG = False
    ws.kh_del.quota = 100
    ws.kh_del.save(update_fields=["quota"])
    client = login(getattr(world, role))
    url = url.format(w=ws.workshop.pk, d=ws.kh_del.pk, s=ws.workshop.series_id)
    _grow(world, ws, 2)
    small = _count(client, url)
    _grow(world, ws, 18)
    assert _count(client, url) == small


def test_agenda_of_five_days_300_sessions_500_speakers(world, login, django_assert_max_num_queries):
    import time as clock
    from datetime import date, timedelta

    workshop = make_workshop(
        world, edition=9, start_date=date(2030, 6, 2), end_date=date(2030, 6, 6)
    )
    speakers = Speaker.objects.bulk_create(Speaker(name=f"Speaker {i:03d}") for i in range(500))
    from protectnet.workshops.models import Session
    from protectnet.workshops.services.editions import to_utc

    sessions = Session.objects.bulk_create(
        Session(
            workshop=workshop,
            title=f"Session {i}",
            kind="panel",
            room=f"Room {i % 6}",
            starts_at=to_utc(
                workshop, workshop.start_date + timedelta(days=i % 5), time(8 + (i // 5) % 10)
            ),
            ends_at=to_utc(
                workshop, workshop.start_date + timedelta(days=i % 5), time(9 + (i // 5) % 10)
            ),
        )
        for i in range(300)
    )
    through = Session.speakers.through
    through.objects.bulk_create(
        through(session_id=s.pk, speaker_id=speakers[(i * 2 + k) % 500].pk)
        for i, s in enumerate(sessions)
        for k in range(2)
    )
    client = login(world.kh_member)
    started = clock.perf_counter()
    with django_assert_max_num_queries(20):
        response = client.get(f"/workshops/{workshop.pk}/agenda/")
    elapsed = clock.perf_counter() - started
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") >= 300
    print(f"agenda 300 sessions / 500 speakers: {elapsed * 1000:.0f} ms")


@pytest.mark.queries("workshops:registration_detail", "workshops:registration_me")
@pytest.mark.parametrize("who,path", [("admin", "detail"), ("guest", "me")])
def test_one_registration_costs_the_same_however_many_others(
    world, ws, login, guest_registration, who, path, settings
):
    settings.DEBUG = False
    ws.kh_del.quota = 100
    ws.kh_del.save(update_fields=["quota"])
    registration, _ = guest_registration
    url = {
        "detail": f"/workshops/registrations/{registration.pk}/",
        "me": f"/workshops/{ws.workshop.pk}/me/",
    }[path]
    client = login(getattr(world, who))
    _grow(world, ws, 2)
    small = _count(client, url)
    _grow(world, ws, 18)
    assert _count(client, url) == small


@pytest.mark.queries(
    "api:workshops_workshop_list",
    "api:workshops_workshop_get",
    "api:workshops_session_list",
    "api:workshops_delegation_list",
    "api:workshops_nomination_list",
    "api:workshops_outcome_list",
    "api:workshops_registration_list",
)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/workshops?limit=100",
        "/api/v1/workshops/{w}",
        "/api/v1/workshops/{w}/sessions",
        "/api/v1/workshops/{w}/delegations",
        "/api/v1/delegations/{d}/nominations",
        "/api/v1/workshops/{w}/outcomes",
        "/api/v1/workshops/{w}/registrations?limit=100",
    ],
)
def test_api_reads_cost_the_same_for_2_and_20_rows(world, ws, api, path):
    ws.kh_del.quota = 100
    ws.kh_del.save(update_fields=["quota"])
    client = api(world.admin)
    url = path.format(w=ws.workshop.pk, d=ws.kh_del.pk)
    _grow(world, ws, 2)
    client.get(url)  # the token's first use of the minute records itself
    small = _count(client, url)
    _grow(world, ws, 18)
    assert _count(client, url) == small
